/**
 * One small workbook checked on the command's own thread: a worker thread would cost more to
 * start (its thread, the engine loaded a second time) than the check itself. Only where the
 * reader's limits bound the work (see command/validate.ts): a file the pool's time limit could
 * matter for goes to the pool.
 */
import type { FileOutcome, FileTask } from '../reader';
import type { Checker } from './pool';

export class InProcess implements Checker {
  async run(tasks: FileTask[], onDone?: (o: FileOutcome) => void): Promise<FileOutcome[]> {
    const { checkFile } = await import('./worker');
    const outcomes: FileOutcome[] = [];
    for (const task of tasks) {
      let o: FileOutcome;
      try {
        o = checkFile(task);
      } catch (e) {
        // As the pool reports a worker's slip: the file's, never the run's.
        o = { path: task.path, ok: false, code: 'corrupt', detail: (e as Error).message ?? String(e) };
      }
      outcomes.push(o);
      onDone?.(o);
    }
    return outcomes;
  }

  async destroy(): Promise<void> {}
}
