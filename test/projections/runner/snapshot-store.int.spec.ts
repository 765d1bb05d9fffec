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

  it('writes a snapshot a slice at a time: the previous one loads until one transaction swaps the new one in', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'aet-snapshots-'));
    const db = new Database(join(folder, 'state.sqlite'));
    const chunkCount = (name: string) =>
      (
        db.prepare('SELECT count(*) AS n FROM read_model_snapshot_chunks WHERE name = ?').get(name) as {
          n: number;
        }
      ).n;
    try {
      const store = new SnapshotStore(db);
      store.save({ name: 'big', version: 1, position: 10, state: { before: true } });
      const big = {
        models: Object.fromEntries(
          Array.from({ length: 3_000 }, (_, i) => [`m${i}`, { values: [i, i * 2, i * 3] }]),
        ),
      };
      // One piece per slice: the write yields between every piece.
      const writing = store.saveInSlices(
        { name: 'big', version: 1, position: 20, state: big },
        { sliceMs: 0 },
      );
      let turnsWhileWriting = 0;
      let settled = false;
      void writing.then(() => (settled = true));
      while (!settled) {
        expect(store.load('big')).toMatchObject({ position: 10, state: { before: true } });
        turnsWhileWriting++;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await writing).toBe(true);
      expect(turnsWhileWriting).toBeGreaterThan(1);
      expect(store.load('big')).toEqual({ name: 'big', version: 1, position: 20, state: big });
      expect(chunkCount('~staging:big')).toBe(0);

      // The state was replaced while it was written: the write is dropped, the snapshot there stays.
      const dropped = await store.saveInSlices(
        { name: 'big', version: 1, position: 30, state: { stale: true } },
        { stillCurrent: () => false, sliceMs: 0 },
      );
      expect(dropped).toBe(false);
      expect(store.load('big')).toMatchObject({ position: 20 });
      expect(chunkCount('~staging:big')).toBe(0);

      // A write that dies half way (here: a value that cannot be serialised) leaves the previous snapshot whole.
      const failing = {
        get boom(): never {
          throw new Error('cannot serialise');
        },
      };
      await expect(
        store.saveInSlices(
          { name: 'big', version: 1, position: 40, state: { ...big, failing } },
          { sliceMs: 0 },
        ),
      ).rejects.toThrow('cannot serialise');
      expect(store.load('big')).toEqual({ name: 'big', version: 1, position: 20, state: big });
    } finally {
      db.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
