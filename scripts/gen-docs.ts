/** Writes docs/rules.md (Vietnamese) and docs/rules.en.md from the rules' metadata, and docs/legal.md from the profiles. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogMarkdown } from '../engine/report/catalog';
import { legalMarkdown } from '../engine/report/legal';

const root = join(__dirname, '..', '..');
writeFileSync(join(root, 'docs', 'rules.md'), catalogMarkdown('vi'));
writeFileSync(join(root, 'docs', 'rules.en.md'), catalogMarkdown('en'));
console.log('docs/rules.md, docs/rules.en.md written');
writeFileSync(join(root, 'docs', 'legal.md'), legalMarkdown());
console.log('docs/legal.md written');
