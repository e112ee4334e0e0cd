/**
 * The pane's Excel work (see controller.ts): one piece at a time, in the order asked, so that
 * two checks never overlap; each piece held to a time after which Excel is taken to be busy
 * (most often a cell being typed in) and the queue goes on, the piece left to settle alone.
 */

/** Excel did not answer within `stallMs`: the work goes on by itself; its result, when it comes, is not used. */
export class Stalled extends Error {
  readonly code = 'Stalled';
}

/** A check whose result came after it was given up: nothing of it is used (not even its marks). */
export class Abandoned extends Error {
  readonly code = 'Abandoned';
}

/** How a piece of work ended: done, given up on (Excel still holds it), or failed. */
export type Ended = { done: true } | { stalled: true } | { failed: unknown };

/** What the controller hears of its work. */
export interface WorkEvents {
  /** The number of pieces waiting or running changed. */
  queued(): void;
  /** A piece starts. */
  started(): void;
  /** A piece ended. */
  ended(how: Ended): void;
  /** Excel has stopped answering: work is held by it. */
  stalled(): void;
  /** Every piece Excel held has settled: what waited can be read. */
  settled(): void;
}

export class ExcelWork {
  private tail: Promise<void> = Promise.resolve();
  /** Pieces waiting or running. */
  queued = 0;
  /** Work Excel has not answered yet, given up on (its result unused): sent again once it settles. */
  stalls = 0;

  constructor(
    private readonly events: WorkEvents,
    private readonly stallMs: () => number,
  ) {}

  /** Excel work, one piece at a time, in the order asked. */
  enqueue(work: () => Promise<void>): Promise<void> {
    this.queued++;
    this.events.queued();
    const next = this.tail.then(async () => {
      this.events.started();
      let how: Ended = { done: true };
      try {
        await work();
      } catch (e) {
        // Excel still holding the work is said as such, not as a failure.
        how = e instanceof Stalled ? { stalled: true } : { failed: e };
      } finally {
        this.queued--;
        this.events.ended(how);
      }
    });
    this.tail = next;
    return next;
  }

  /** Work after all that is queued, not counted as queued (the light look: nothing waits for it). */
  after(work: () => Promise<void>): Promise<void> {
    const next = this.tail.then(work);
    this.tail = next;
    return next;
  }

  /** Excel's answer, or `Stalled` after `stallMs`: the work then goes on alone, and settles later. */
  timed<T>(work: Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stalled = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Stalled('Excel has not answered')), this.stallMs());
    });
    return Promise.race([work, stalled]).finally(() => clearTimeout(timer)).catch((e: unknown) => {
      if (!(e instanceof Stalled)) throw e;
      // Given up on, not forgotten: once Excel answers (the user left the cell), the edits are read.
      this.stalls++;
      this.events.stalled();
      void work.then(
        () => undefined,
        () => undefined,
      ).then(() => {
        this.stalls--;
        if (this.stalls === 0) this.events.settled();
      });
      throw e;
    });
  }
}
