import fc from 'fast-check';
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Snapshot, SnapshotStore } from '../../../src/projections/runner/snapshot-store';
import { writeJsonChunks } from '../../../src/shared/json-chunks';

/** A snapshot whose last event is at its position, named by it. */
const snap = (name: string, version: number, position: number, state: unknown): Snapshot => ({
  name,
  version,
  position,
  lastEvent: { position, id: `e${position}` },
  state,
});

function chunks(value: unknown, size: number, depth = 2): string[] {
  const pieces: string[] = [];
  writeJsonChunks(value, (piece) => pieces.push(piece), { size, depth });
  return pieces;
}

describe('read-model snapshots in pieces [sqlite: embedded state file]', () => {
  let folder: string;
  let db: Database.Database;
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'aet-snapshots-'));
    db = new Database(join(folder, 'state.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

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
    const store = new SnapshotStore(db);
    const big = {
      models: Object.fromEntries(
        Array.from({ length: 3_000 }, (_, i) => [
          `m${i}`,
          { values: Array.from({ length: 60 }, (_, j) => i * j) },
        ]),
      ),
    };
    store.save(snap('big', 2, 41, big));
    const pieces = db.prepare('SELECT count(*) AS n FROM read_model_snapshot_chunks').get() as {
      n: number;
    };
    expect(pieces.n).toBeGreaterThan(1);
    expect(store.load('big')).toEqual(snap('big', 2, 41, big));

    store.save(snap('big', 2, 42, { small: true }));
    expect(store.load('big')).toEqual(snap('big', 2, 42, { small: true }));
    const failing = {
      get boom(): never {
        throw new Error('cannot serialise');
      },
    };
    expect(() => store.save(snap('big', 3, 43, { ok: 1, failing }))).toThrow('cannot serialise');
    expect(store.load('big')).toEqual(snap('big', 2, 42, { small: true }));

    store.delete('big');
    expect(store.load('big')).toBeUndefined();
    expect(db.prepare('SELECT count(*) AS n FROM read_model_snapshot_chunks').get()).toEqual({ n: 0 });
  });

  it('drops snapshots of the earlier one-value layout, so those models fold again from the start', () => {
    db.exec(`CREATE TABLE projection_snapshots (name TEXT PRIMARY KEY, version INTEGER NOT NULL,
      position INTEGER NOT NULL, state TEXT NOT NULL, written_at TEXT NOT NULL)`);
    db.prepare('INSERT INTO projection_snapshots VALUES (?, 1, 9, ?, ?)').run('spread', '{}', '2026-01-01');
    const store = new SnapshotStore(db);
    expect(store.load('spread')).toBeUndefined();
    expect(
      db.prepare("SELECT name FROM sqlite_master WHERE name = 'projection_snapshots'").get(),
    ).toBeUndefined();
  });

  it('does not use a snapshot whose text is not the text written, or that predates checksums, and says why', () => {
    const store = new SnapshotStore(db);
    const write = () => store.save(snap('m', 1, 7, { total: 5 }));
    const damage = (sql: string) => db.prepare(sql).run();
    write();
    expect(store.load('m')).toMatchObject({ position: 7, state: { total: 5 } });

    damage(`UPDATE read_model_snapshot_chunks SET text = replace(text, '5', '6')`);
    expect(store.load('m')).toEqual({
      name: 'm',
      version: 1,
      position: 7,
      unusable: 'its text does not match its checksum',
    });
    write();
    damage('UPDATE read_model_snapshot_chunks SET text = substr(text, 1, length(text) - 1)');
    expect(store.load('m')).toMatchObject({ unusable: 'its text does not match its checksum' });
    // Text and checksum changed together, so the text is what the checksum says but not JSON.
    write();
    damage(`UPDATE read_model_snapshot_chunks SET text = '{"total":'`);
    damage(
      `UPDATE read_model_snapshots SET checksum = '${createHash('sha256').update('{"total":').digest('hex')}'`,
    );
    expect(store.load('m')).toMatchObject({ unusable: 'its text is not JSON' });
    write();
    damage('UPDATE read_model_snapshots SET checksum = NULL');
    expect(store.load('m')).toMatchObject({
      unusable: 'it was written before snapshots carried a checksum',
    });
  });

  it('opens a state file written before checksums: the columns are added, its snapshots are not used', () => {
    db.exec(`CREATE TABLE read_model_snapshots (name TEXT PRIMARY KEY, version INTEGER NOT NULL,
      position INTEGER NOT NULL, written_at TEXT NOT NULL);
      CREATE TABLE read_model_snapshot_chunks (name TEXT NOT NULL, seq INTEGER NOT NULL, text TEXT NOT NULL,
      PRIMARY KEY (name, seq)) WITHOUT ROWID;`);
    db.prepare('INSERT INTO read_model_snapshots VALUES (?, 1, 9, ?)').run('spread', '2026-01-01');
    db.prepare('INSERT INTO read_model_snapshot_chunks VALUES (?, 0, ?)').run('spread', '{}');
    const store = new SnapshotStore(db);
    expect(store.load('spread')).toMatchObject({
      position: 9,
      unusable: expect.stringContaining('checksum'),
    });
    store.save(snap('spread', 1, 12, {}));
    expect(store.load('spread')).toEqual(snap('spread', 1, 12, {}));
  });

  it('writes a snapshot a slice at a time: the previous one loads until one transaction swaps the new one in', async () => {
    /** The sets of pieces in the file, with how many pieces each. */
    const pieceSets = () =>
      db
        .prepare('SELECT name, count(*) AS n FROM read_model_snapshot_chunks GROUP BY name ORDER BY name')
        .all() as Array<{ name: string; n: number }>;
    const store = new SnapshotStore(db);
    store.save(snap('big', 1, 10, { before: true }));
    const big = {
      models: Object.fromEntries(
        Array.from({ length: 3_000 }, (_, i) => [`m${i}`, { values: [i, i * 2, i * 3] }]),
      ),
    };
    // One piece per slice: the write yields between every piece.
    const writing = store.saveInSlices(snap('big', 1, 20, big), { sliceMs: 0 });
    // What loads on each turn until the write settles: the previous snapshot, whole, until the swap;
    // after it (while the replaced pieces are deleted) the new one.
    const loaded: number[] = [];
    let settled = false;
    void writing.then(() => (settled = true));
    while (!settled) {
      const now = store.load('big') as Snapshot;
      if (now.position === 10) expect(now).toEqual(snap('big', 1, 10, { before: true }));
      else expect(now).toEqual(snap('big', 1, 20, big));
      loaded.push(now.position);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(await writing).toBe(true);
    expect(loaded.filter((position) => position === 10).length).toBeGreaterThan(1);
    expect(loaded).toEqual([...loaded].sort((a, b) => a - b));
    expect(store.load('big')).toEqual(snap('big', 1, 20, big));
    // Only the new pieces are left: the set save() wrote is gone.
    const written = pieceSets();
    expect(written).toEqual([{ name: expect.stringMatching(/^~staging:3:big:/), n: expect.any(Number) }]);
    expect(written[0].n).toBeGreaterThan(1);

    // The state was replaced while it was written: the write is dropped, the snapshot there stays.
    const dropped = await store.saveInSlices(snap('big', 1, 30, { stale: true }), {
      stillCurrent: () => false,
      sliceMs: 0,
    });
    expect(dropped).toBe(false);
    expect(store.load('big')).toMatchObject({ position: 20 });
    expect(pieceSets()).toEqual(written);

    // A write that dies half way (here: a value that cannot be serialised) leaves the previous snapshot whole.
    const failing = {
      get boom(): never {
        throw new Error('cannot serialise');
      },
    };
    await expect(store.saveInSlices(snap('big', 1, 40, { ...big, failing }), { sliceMs: 0 })).rejects.toThrow(
      'cannot serialise',
    );
    expect(store.load('big')).toEqual(snap('big', 1, 20, big));
    expect(pieceSets()).toEqual(written);

    // Pieces a crash left before its swap are cleared by the next write; the model's own pieces stay until it swaps.
    db.prepare('INSERT INTO read_model_snapshot_chunks VALUES (?, 0, ?)').run(
      '~staging:3:big:crashed',
      '{"x"',
    );
    // Another model's write in progress, whose name starts with this one's, is not this write's to clear.
    db.prepare('INSERT INTO read_model_snapshot_chunks VALUES (?, 0, ?)').run(
      '~staging:5:big:x:writing',
      '{',
    );
    store.save(snap('other', 1, 5, { kept: true }));
    expect(await store.saveInSlices(snap('big', 1, 50, { after: true }), { sliceMs: 0 })).toBe(true);
    expect(store.load('big')).toEqual(snap('big', 1, 50, { after: true }));
    expect(store.load('other')).toEqual(snap('other', 1, 5, { kept: true }));
    expect(pieceSets().map((set) => set.name)).toEqual([
      expect.stringMatching(/^~staging:3:big:/),
      '~staging:5:big:x:writing',
      expect.stringMatching(/^~staging:5:other:/),
    ]);
    expect(pieceSets()[0].name).not.toBe(written[0].name);

    // Whole writes and deletes take every set of the model with them.
    store.save(snap('big', 1, 60, { whole: true }));
    expect(store.load('big')).toEqual(snap('big', 1, 60, { whole: true }));
    expect(pieceSets().map((set) => set.name)).toEqual([
      expect.stringMatching(/^~staging:3:big:/),
      '~staging:5:big:x:writing',
      expect.stringMatching(/^~staging:5:other:/),
    ]);
    expect(await store.saveInSlices(snap('big', 1, 70, { sliced: true }), { sliceMs: 0 })).toBe(true);
    store.delete('big');
    expect(store.load('big')).toBeUndefined();
    expect(pieceSets().map((set) => set.name)).toEqual([
      '~staging:5:big:x:writing',
      expect.stringMatching(/^~staging:5:other:/),
    ]);
  });

  it('never loses a whole write to a sliced write still clearing the pieces it replaced', async () => {
    const store = new SnapshotStore(db);
    const many = (tag: string) => ({
      models: Object.fromEntries(
        Array.from({ length: 3_000 }, (_, i) => [`m${i}`, { tag, values: [i, i * 2] }]),
      ),
    });
    // A snapshot as files written before sets keep it: the pieces under the model's own name.
    store.save(snap('race', 1, 10, many('old')));
    const { chunks } = db.prepare('SELECT chunks FROM read_model_snapshots WHERE name = ?').get('race') as {
      chunks: string;
    };
    db.prepare('UPDATE read_model_snapshot_chunks SET name = ? WHERE name = ?').run('race', chunks);
    db.prepare('UPDATE read_model_snapshots SET chunks = NULL WHERE name = ?').run('race');
    expect(store.load('race')).toEqual(snap('race', 1, 10, many('old')));

    const sliced = store.saveInSlices(snap('race', 1, 20, many('sliced')), { sliceMs: 0 });
    // Once the sliced write has swapped, it deletes the old pieces a few per turn; a rebuild's whole write lands meanwhile.
    while ((store.load('race') as Snapshot).position !== 20)
      await new Promise((resolve) => setImmediate(resolve));
    store.save(snap('race', 1, 30, many('whole')));
    expect(await sliced).toBe(true);
    expect(store.load('race')).toEqual(snap('race', 1, 30, many('whole')));
  });
});
