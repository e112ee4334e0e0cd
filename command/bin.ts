#!/usr/bin/env node
/** `thidua`: the command run (cli.ts), its exit code set; whatever escapes it said plainly, exit 3. */
import { askedLang, main, unexpected } from './cli';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(unexpected(e, process.argv[2], askedLang(process.argv)));
    process.exitCode = 3;
  },
);
