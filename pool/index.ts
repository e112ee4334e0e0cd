/**
 * The pool's door: the command's files checked on its own thread and on worker threads, each
 * worker under a time and a memory limit (checks.ts, pool.ts, worker.ts), and the atomic
 * write the workers and the command share.
 */
export { Checks } from './checks';
export { type Checker, FilePool } from './pool';
export type { AnnotateTask } from './worker';
export { writeAtomic } from './write-atomic';
