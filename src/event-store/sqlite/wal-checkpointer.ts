import type Database from 'better-sqlite3';
import { Worker } from 'node:worker_threads';

/** Signal word: 0 nothing written since the last checkpoint, 1 something was, 2 stop. */
const IDLE = 0;
const WRITTEN = 1;
const STOP = 2;

/**
 * The worker's whole program. It opens its own connection to the file and
 * sleeps until a commit is signalled; then it copies the WAL back into the
 * database (PASSIVE: it never waits for, or blocks, a reader or a writer),
 * and rests a moment so that a stream of small commits costs one checkpoint
 * every few milliseconds rather than one each.
 */
const PROGRAM = `
const { workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
const signal = new Int32Array(workerData.signal);
const rest = new Int32Array(new SharedArrayBuffer(4));
try {
  for (;;) {
    Atomics.wait(signal, 0, ${IDLE});
    if (Atomics.load(signal, 0) === ${STOP}) break;
    Atomics.compareExchange(signal, 0, ${WRITTEN}, ${IDLE});
    db.pragma('wal_checkpoint(PASSIVE)');
    Atomics.wait(rest, 0, 0, workerData.restMs);
  }
} finally {
  db.close();
}
`;

/**
 * Copies the WAL back into the database file on a thread of its own, so the
 * event loop that commits never does it. SQLite otherwise checkpoints inside
 * the commit that grows the WAL past 1,000 pages: with appends spread over
 * random index pages (event ids and idempotency keys are hashes), a bulk
 * import spent about half its store time there (bench/RESULTS.md, imports).
 *
 * The committing connection keeps an automatic checkpoint as a backstop, at
 * `backstopPages`: it runs only if this thread falls that far behind, or has
 * stopped (after a failure it is set back to SQLite's default). Checkpoints
 * are SQLite's own, so a process killed during one loses nothing.
 */
export class WalCheckpointer {
  private readonly signal = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private readonly exited: Promise<void>;
  private stopping = false;
  /** Why the thread stopped before it was asked to, if it did; commits then checkpoint inline. */
  failure: Error | undefined;

  constructor(
    private readonly db: Database.Database,
    path: string,
    options: { backstopPages?: number; restMs?: number } = {},
  ) {
    db.pragma(`wal_autocheckpoint = ${options.backstopPages ?? 16_384}`);
    this.worker = new Worker(PROGRAM, {
      eval: true,
      // Plain JavaScript: none of the process's preloads (a TypeScript loader in tests and benches adds 50 MB).
      execArgv: [],
      workerData: {
        driver: require.resolve('better-sqlite3'),
        path,
        signal: this.signal.buffer,
        restMs: options.restMs ?? 10,
      },
    });
    // It never keeps the process alive; close() ends it.
    this.worker.unref();
    this.exited = new Promise((resolve) => {
      this.worker.once('error', (error: unknown) => {
        this.failure = error instanceof Error ? error : new Error(String(error));
      });
      this.worker.once('exit', () => {
        if (!this.stopping) {
          this.failure ??= new Error('the WAL checkpoint thread stopped');
          if (db.open) db.pragma('wal_autocheckpoint = 1000');
        }
        resolve();
      });
    });
  }

  /** After a commit that wrote: wakes the thread unless it is already due to run. */
  written(): void {
    if (Atomics.compareExchange(this.signal, 0, IDLE, WRITTEN) === IDLE) Atomics.notify(this.signal, 0);
  }

  /** Stops the thread after the checkpoint it may be running; before the committing connection closes. */
  async stop(): Promise<void> {
    this.stopping = true;
    // Unreferenced, its exit would not be waited for: the loop could empty first and the process end here.
    this.worker.ref();
    Atomics.store(this.signal, 0, STOP);
    Atomics.notify(this.signal, 0);
    await this.exited;
  }
}
