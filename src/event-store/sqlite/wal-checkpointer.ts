import type Database from 'better-sqlite3';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';

/** How often the worker checkpoints each file it keeps: a PASSIVE checkpoint with nothing to copy costs nothing. */
const INTERVAL_MS = 200;
/** SQLite's own default, given back to a connection whose checkpoints the worker can no longer run. */
const AUTOCHECKPOINT_PAGES = 1_000;

/**
 * The worker: one connection of its own per file, checkpointed PASSIVE (copy
 * what can be copied without waiting for a reader or writer) on a timer. Its
 * code is a string so it runs the same under ts-node, jest and the compiled
 * build; the driver's path comes from the main thread.
 */
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const files = new Map();
parentPort.on('message', ({ add, remove }) => {
  if (add) {
    const file = files.get(add);
    if (file) file.users++;
    else files.set(add, { db: new Database(add, { fileMustExist: true }), users: 1 });
  }
  if (remove) {
    const file = files.get(remove);
    if (file && --file.users === 0) {
      files.delete(remove);
      file.db.close();
    }
  }
});
setInterval(() => {
  for (const { db } of files.values()) {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (error) {
      // Another process's checkpoint of the same file is running: the next turn does it.
      if (error.code !== 'SQLITE_BUSY' && error.code !== 'SQLITE_LOCKED') throw error;
    }
  }
}, workerData.intervalMs);
`;

/**
 * Copies the service's write-ahead logs into their databases on a thread of
 * its own. SQLite checkpoints in the connection whose commit crosses 1,000
 * pages of log, and better-sqlite3 commits on the event loop: a checkpoint
 * there (several megabytes copied and, below synchronous=OFF, synced) held
 * every request for 10–15 ms each time a snapshot or a burst of appends
 * filled the log (bench/RESULTS.md, commands). The files' own connections
 * turn automatic checkpoints off; durability is unchanged (a commit is synced
 * to the log as before; a checkpoint only moves it). Should the worker fail,
 * each connection checkpoints itself again, as SQLite does by default.
 */
export class WalCheckpointer {
  private worker?: Worker;
  private readonly kept = new Map<Database.Database, string>();

  /** `onFallback` is told why, when the worker fails and the connections checkpoint themselves again. */
  constructor(
    private readonly onFallback: (why: string) => void = (why) =>
      process.emitWarning(`SQLite checkpoints are back on the event loop: ${why}`, 'WalCheckpointer'),
  ) {}

  /** Hands the file's checkpoints to the worker; the returned function gives them back (before the connection closes). */
  keep(db: Database.Database, path: string): () => void {
    const file = resolve(path);
    db.pragma('wal_autocheckpoint = 0');
    this.kept.set(db, file);
    this.start().postMessage({ add: file });
    return () => {
      if (!this.kept.delete(db)) return;
      this.worker?.postMessage({ remove: file });
      if (this.kept.size === 0) void this.stop();
    };
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { driver: require.resolve('better-sqlite3'), intervalMs: INTERVAL_MS },
    });
    // A background chore: it never keeps the process alive.
    worker.unref();
    const fail = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      for (const db of this.kept.keys())
        if (db.open) db.pragma(`wal_autocheckpoint = ${AUTOCHECKPOINT_PAGES}`);
      this.kept.clear();
      this.onFallback(why);
    };
    worker.on('error', (error) => fail(error.message));
    worker.on('exit', (code) => fail(`the checkpoint worker exited (${code})`));
    this.worker = worker;
    return worker;
  }

  private async stop(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}

/** One worker for every file of the process. */
export const walCheckpointer = new WalCheckpointer();
