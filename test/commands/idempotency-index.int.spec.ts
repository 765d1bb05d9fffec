import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { IdempotencyIndex } from '../../src/commands/idempotency-index';
import { ProblemException } from '../../src/http/problem';
import { openStateDatabase } from '../../src/state/state-database';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const stored = (db: Database.Database) =>
  db.prepare('SELECT idempotency_key FROM idempotency_keys ORDER BY idempotency_key').pluck().all();

describe('idempotency index [sqlite: embedded state file]', () => {
  let folder: string;
  let db: Database.Database;
  let index: IdempotencyIndex;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-idempotency-'));
    db = openStateDatabase(join(folder, 'state.sqlite'));
    index = new IdempotencyIndex(db);
  });
  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('refuses a key reused for another request in the same turn, then writes the keys at its end', async () => {
    index.record('k-1', 'RecordMeasurement', 'measure-a', 'hash-1');
    index.record('k-2', 'RecordMeasurement', 'measure-b', 'hash-2');
    expect(() => index.check('k-1', 'RecordMeasurement', 'measure-a', 'hash-1')).not.toThrow();
    expect(() => index.check('k-1', 'RecordMeasurement', 'measure-a', 'another body')).toThrow(
      ProblemException,
    );
    expect(stored(db)).toEqual([]);
    await nextTurn();
    expect(stored(db)).toEqual(['k-1', 'k-2']);
    expect(() => index.check('k-2', 'EnrolOrganisation', 'measure-b', 'hash-2')).toThrow(ProblemException);
  });

  it('keeps keys it could not write, still checked, and writes them at a later turn', async () => {
    db.exec(
      `CREATE TEMP TRIGGER full BEFORE INSERT ON idempotency_keys BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    );
    index.record('k-1', 'RecordMeasurement', 'measure-a', 'hash-1');
    await nextTurn();
    expect(stored(db)).toEqual([]);
    expect(() => index.check('k-1', 'RecordMeasurement', 'measure-a', 'another body')).toThrow(
      ProblemException,
    );
    db.exec('DROP TRIGGER full');
    index.record('k-2', 'RecordMeasurement', 'measure-b', 'hash-2');
    await nextTurn();
    expect(stored(db)).toEqual(['k-1', 'k-2']);
  });

  it('writes what is pending when the application shuts down', () => {
    index.record('k-1', 'RecordMeasurement', 'measure-a', 'hash-1');
    index.beforeApplicationShutdown();
    expect(stored(db)).toEqual(['k-1']);
  });
});
