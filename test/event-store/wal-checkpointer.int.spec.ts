import type Database from 'better-sqlite3';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '../../src/event-store/sqlite/open-sqlite-database';
import { WalCheckpointer } from '../../src/event-store/sqlite/wal-checkpointer';

const open = (path: string): Database.Database =>
  openSqliteDatabase(path, {
    setting: 'TEST_SQLITE_PATH',
    applicationId: 0x54455354,
    schemaVersion: 1,
    schema: 'CREATE TABLE IF NOT EXISTS pages (n INTEGER PRIMARY KEY, text TEXT NOT NULL);',
  });

/** About 6 MB through the log, in commits of 100 rows: well past SQLite's 1,000-page checkpoint. */
function fill(db: Database.Database): void {
  const insert = db.prepare('INSERT INTO pages (text) VALUES (?)');
  const text = 'x'.repeat(4_000);
  const commit = db.transaction(() => {
    for (let i = 0; i < 100; i++) insert.run(text);
  });
  for (let i = 0; i < 15; i++) commit();
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 50) {
    if (waited > 15_000) throw new Error(`waited 15 s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('WAL checkpoints on a thread of their own [sqlite: embedded file]', () => {
  let folder: string;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-checkpoints-'));
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('leaves the file’s connection without automatic checkpoints, and copies its log into the database meanwhile', async () => {
    const path = join(folder, 'data.sqlite');
    const db = open(path);
    try {
      expect(db.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
      const before = statSync(path).size;
      fill(db);
      // Commits are in the log; the database file grows only when a checkpoint copies them in.
      await until(() => statSync(path).size > before + 5_000_000, 'the log copied into the database');
      expect(db.prepare('SELECT count(*) AS n FROM pages').get()).toEqual({ n: 1_500 });
    } finally {
      db.close();
    }
    // Closed: the last connection checkpoints what is left, and the file opens whole.
    const again = open(path);
    expect(again.prepare('SELECT count(*) AS n FROM pages').get()).toEqual({ n: 1_500 });
    again.close();
  });

  it('gives the connections their own checkpoints back when the worker fails, and says so', async () => {
    const told: string[] = [];
    const checkpointer = new WalCheckpointer((why) => told.push(why));
    const db = open(join(folder, 'kept.sqlite'));
    const other = open(join(folder, 'other.sqlite'));
    try {
      checkpointer.keep(db, join(folder, 'kept.sqlite'));
      // The worker cannot open a file that is not there: it fails.
      checkpointer.keep(other, join(folder, 'missing', 'gone.sqlite'));
      await until(
        () => db.pragma('wal_autocheckpoint', { simple: true }) === 1_000,
        'checkpoints given back',
      );
      expect(other.pragma('wal_autocheckpoint', { simple: true })).toBe(1_000);
      expect(told).toEqual([expect.stringMatching(/unable to open database file|does not exist/)]);
    } finally {
      db.close();
      other.close();
    }
  });
});
