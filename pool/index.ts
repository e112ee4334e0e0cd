/**
 * The pool's door: worker threads that check the command's files, each under a time and a
 * memory limit (pool.ts, worker.ts), and the atomic write the workers and the command share.
 */
export { type Checker, FilePool } from './pool';
export { InProcess } from './in-process';
export type { AnnotateTask } from './worker';
export { writeAtomic } from './write-atomic';
