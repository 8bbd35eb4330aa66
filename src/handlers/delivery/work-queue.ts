/** Said to the asker when a replica already has as much work queued as it will take. */
export class BusyError extends Error {
  override readonly name = "BusyError";
  constructor() {
    super("I'm answering a lot of requests at once right now and couldn't take yours");
  }
}

export interface WorkQueue {
  /** Runs `work` when a slot is free; throws BusyError at once when the queue is full. */
  run<T>(work: () => Promise<T>): Promise<T>;
  readonly active: number;
  readonly waiting: number;
}

export interface WorkQueueOptions {
  /** Answers computed at the same time (DB queries, chart rendering). */
  concurrency: number;
  /** Answers allowed to wait for a slot; beyond this the asker is told to try again. */
  maxWaiting: number;
}

/**
 * Bounds the work done after ack(). Answers share one event loop with the HTTP receiver: with
 * hundreds in progress, every new request's ack waits behind their callbacks and Slack's 3 s
 * limit is missed. A few at a time keeps acks fast; the queue absorbs bursts; a full queue
 * sheds load with a clear reply instead of growing without bound.
 */
export function workQueue(options: WorkQueueOptions): WorkQueue {
  let active = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    const next = waiting.shift();
    if (next) next();
    else active -= 1;
  };
  return {
    get active() {
      return active;
    },
    get waiting() {
      return waiting.length;
    },
    async run(work) {
      if (active >= options.concurrency) {
        if (waiting.length >= options.maxWaiting) throw new BusyError();
        // The slot is handed over by release(): `active` stays the same.
        await new Promise<void>((resolve) => waiting.push(resolve));
      } else {
        active += 1;
      }
      try {
        return await work();
      } finally {
        release();
      }
    },
  };
}
