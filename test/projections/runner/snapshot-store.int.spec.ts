import fc from 'fast-check';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotStore } from '../../../src/projections/runner/snapshot-store';
import { writeJsonChunks } from '../../../src/shared/json-chunks';

function chunks(value: unknown, size: number, depth = 2): string[] {
  const pieces: string[] = [];
  writeJsonChunks(value, (piece) => pieces.push(piece), { size, depth });
  return pieces;
}

describe('read-model snapshots in pieces [sqlite: embedded state file]', () => {
  it('writeJsonChunks writes pieces that join to exactly what JSON.stringify writes, at any piece size and depth', () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.integer({ min: 1, max: 64 }),
        fc.integer({ min: 0, max: 5 }),
        (value, size, depth) => {
          const pieces = chunks(value, size, depth);
          expect(pieces.join('')).toBe(JSON.stringify(value));
          // Pieces stop growing once they reach the size: only a single value's text may exceed it.
          for (const piece of pieces.slice(0, -1)) expect(piece.length).toBeGreaterThanOrEqual(size);
        },
      ),
    );
    const odd = {
      a: undefined,
      f: () => 1,
      list: [undefined, () => 1, 2],
      when: new Date(0),
      nested: { b: [] },
    };
    expect(chunks(odd, 1, 5).join('')).toBe(JSON.stringify(odd));
  });

  it('keeps a state too large for one piece, whole, and replaces it atomically', () => {
    const folder = mkdtempSync(join(tmpdir(), 'aet-snapshots-'));
    const db = new Database(join(folder, 'state.sqlite'));
    try {
      const store = new SnapshotStore(db);
      const big = {
        models: Object.fromEntries(
          Array.from({ length: 3_000 }, (_, i) => [
            `m${i}`,
            { values: Array.from({ length: 60 }, (_, j) => i * j) },
          ]),
        ),
      };
      store.save({ name: 'big', version: 2, position: 41, state: big });
      const pieces = db
        .prepare('SELECT count(*) AS n FROM read_model_snapshot_chunks WHERE name = ?')
        .get('big') as {
        n: number;
      };
      expect(pieces.n).toBeGreaterThan(1);
      expect(store.load('big')).toEqual({ name: 'big', version: 2, position: 41, state: big });

      store.save({ name: 'big', version: 2, position: 42, state: { small: true } });
      expect(store.load('big')).toEqual({ name: 'big', version: 2, position: 42, state: { small: true } });
      const failing = {
        get boom(): never {
          throw new Error('cannot serialise');
        },
      };
      expect(() => store.save({ name: 'big', version: 3, position: 43, state: { ok: 1, failing } })).toThrow(
        'cannot serialise',
      );
      expect(store.load('big')).toEqual({ name: 'big', version: 2, position: 42, state: { small: true } });

      store.delete('big');
      expect(store.load('big')).toBeUndefined();
      expect(db.prepare('SELECT count(*) AS n FROM read_model_snapshot_chunks').get()).toEqual({ n: 0 });
    } finally {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it('drops snapshots of the earlier one-value layout, so those models fold again from the start', () => {
    const folder = mkdtempSync(join(tmpdir(), 'aet-snapshots-'));
    const db = new Database(join(folder, 'state.sqlite'));
    try {
      db.exec(`CREATE TABLE projection_snapshots (name TEXT PRIMARY KEY, version INTEGER NOT NULL,
        position INTEGER NOT NULL, state TEXT NOT NULL, written_at TEXT NOT NULL)`);
      db.prepare('INSERT INTO projection_snapshots VALUES (?, 1, 9, ?, ?)').run('spread', '{}', '2026-01-01');
      const store = new SnapshotStore(db);
      expect(store.load('spread')).toBeUndefined();
      expect(
        db.prepare("SELECT name FROM sqlite_master WHERE name = 'projection_snapshots'").get(),
      ).toBeUndefined();
    } finally {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
