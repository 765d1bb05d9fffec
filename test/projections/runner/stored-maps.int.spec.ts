import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RecordedEvent } from '../../../src/event-store';
import { foldProjection, Projection, applyProjection } from '../../../src/projections/runner/projection';
import { storedMaps } from '../../../src/projections/runner/stored-maps';
import { canonicalSha256 } from '../../../src/shared/canonical-sha256';
import { openStateDatabase } from '../../../src/state/state-database';
import { recorded } from '../support/recorded';

type Db = ReturnType<typeof openStateDatabase>;

/** A model shaped like the real ones: entities by id, changed in place, plus a little held whole. */
interface Notebooks {
  books: Record<string, { notes: string[]; closed: boolean }>;
  tally: Record<string, number>;
}
const initial = (): Notebooks => ({ books: {}, tally: {} });
const notebooks = (decoded: number): Projection<Notebooks> => ({
  name: 'notebooks',
  version: 1,
  initialState: initial,
  storage: storedMaps('notebooks', initial, ['books'], { decoded }),
  apply(state, event) {
    const { id, text } = event.data as { id: string; text: string };
    state.tally[event.type] = (state.tally[event.type] ?? 0) + 1;
    if (event.type === 'Opened') state.books[id] ??= { notes: [], closed: false };
    const book = state.books[id];
    if (!book) return state;
    if (event.type === 'Noted') book.notes.push(text);
    if (event.type === 'Closed') book.closed = true;
    if (event.type === 'Burned') delete state.books[id];
    return state;
  },
});

const step = fc.record({
  type: fc.constantFrom('Opened', 'Opened', 'Noted', 'Noted', 'Noted', 'Closed', 'Burned'),
  id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g'),
  text: fc.string({ maxLength: 4 }),
});
const eventsOf = (steps: Array<{ type: string; id: string; text: string }>): RecordedEvent[] =>
  steps.map((s) => recorded(`book-${s.id}`, s.type, { id: s.id, text: s.text }));

function foldStored(
  db: Db,
  projection: Projection<Notebooks>,
  events: RecordedEvent[],
  start?: Notebooks,
): Notebooks {
  let state = start ?? (projection.storage?.open(db) as Notebooks);
  for (const event of events) state = applyProjection(projection, state, event);
  return state;
}

const rows = (db: Db): number =>
  (db.prepare('SELECT count(*) AS n FROM read_model_entities').get() as { n: number }).n;

describe('a model with maps kept in the state database [sqlite: state database file]', () => {
  let folder: string;
  let db: Db;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'stored-maps-'));
    db = openStateDatabase(join(folder, 'state.sqlite'));
  });
  afterEach(() => {
    db.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('reads as the same state and checksum as the fold in memory, with entities leaving memory on the way', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 80 }), fc.integer({ min: 1, max: 4 }), (steps, decoded) => {
        const projection = notebooks(decoded);
        const events = eventsOf(steps);
        const memory = foldProjection(projection, events);
        const stored = foldStored(db, projection, events);
        expect(stored).toEqual(memory);
        expect(Object.keys(stored.books)).toEqual(Object.keys(memory.books));
        expect(canonicalSha256(stored)).toBe(canonicalSha256(memory));
        expect(JSON.stringify(stored)).toBe(JSON.stringify(memory));
      }),
      { numRuns: 80 },
    );
  });

  it('restarts from a snapshot as it was, whatever was written after it, and folds on to the same state', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 2, maxLength: 80 }),
        fc.nat(),
        fc.integer({ min: 1, max: 4 }),
        fc.boolean(),
        (steps, at, decoded, pruned) => {
          const projection = notebooks(decoded);
          const storage = projection.storage!;
          const events = eventsOf(steps);
          const cut = at % events.length;
          const live = foldStored(db, projection, events.slice(0, cut));
          const persisted = JSON.parse(JSON.stringify(storage.persisted(live))) as unknown;
          // The snapshot written (its older versions pruned), or the process killed before that.
          if (pruned) storage.snapshotted?.(live);
          foldStored(db, projection, events.slice(cut), live);
          storage.persisted(live);
          const position = cut === 0 ? 0 : events[cut - 1].position;
          const restarted = storage.open(db, persisted, position) as Notebooks;
          expect(restarted).toEqual(foldProjection(projection, events.slice(0, cut)));
          expect(foldStored(db, projection, events.slice(cut), restarted)).toEqual(
            foldProjection(projection, events),
          );
        },
      ),
      { numRuns: 80 },
    );
  });

  it('keeps one version per entity once a snapshot is written, and the entities out of the snapshot', () => {
    const projection = notebooks(2);
    const storage = projection.storage!;
    const events = eventsOf(
      ['a', 'b', 'c', 'd'].flatMap((id) => [
        { type: 'Opened', id, text: '' },
        { type: 'Noted', id, text: `${id}1` },
        { type: 'Noted', id, text: `${id}2` },
      ]),
    );
    const live = foldStored(db, projection, events.slice(0, 6));
    storage.persisted(live);
    storage.snapshotted?.(live);
    foldStored(db, projection, events.slice(6), live);
    const persisted = storage.persisted(live);
    storage.snapshotted?.(live);
    expect(rows(db)).toBe(4);
    expect(JSON.stringify(persisted)).not.toContain('a1');
    expect(persisted).toMatchObject({
      rest: { tally: { Opened: 4, Noted: 8 } },
      keys: { books: ['a', 'b', 'c', 'd'] },
    });
  });

  it('lists its keys without reading an entity (Object.keys asks each key for its descriptor)', () => {
    const projection = notebooks(1);
    const storage = projection.storage!;
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const events = eventsOf(ids.map((id) => ({ type: 'Opened', id, text: '' })));
    const live = foldStored(db, projection, events);
    const persisted = JSON.parse(JSON.stringify(storage.persisted(live))) as unknown;
    storage.snapshotted?.(live);
    const restarted = storage.open(db, persisted, events[4].position) as Notebooks;
    // Every row damaged: a read of any entity would now fail.
    db.prepare("UPDATE read_model_entities SET value = 'not json'").run();
    expect(Object.keys(restarted.books)).toEqual(ids);
    expect(Object.getOwnPropertyNames(restarted.books)).toEqual(ids);
    expect('c' in restarted.books).toBe(true);
    expect(() => restarted.books.c).toThrow(SyntaxError);
  });

  it('writes back only what a fold asked for: readers, whatever they read, write nothing', () => {
    const projection = notebooks(2);
    const storage = projection.storage!;
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const events = eventsOf(ids.map((id) => ({ type: 'Opened', id, text: '' })));
    const live = foldStored(db, projection, events);
    storage.persisted(live);
    storage.snapshotted?.(live);
    const written = rows(db);
    expect(written).toBe(5);
    // Rows changed on this connection: a version written again in place changes no count.
    const changes = () => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
    const before = changes();
    // A reader walks every entity twice, through a memory of two: each is decoded and dropped again.
    for (let i = 0; i < 2; i++) expect(Object.values(live.books)).toHaveLength(5);
    storage.persisted(live);
    expect(changes()).toBe(before);
    expect(rows(db)).toBe(written);
    // A fold that asks for one entity writes that one again, and no other.
    foldStored(db, projection, eventsOf([{ type: 'Noted', id: 'a', text: 'x' }]), live);
    storage.persisted(live);
    expect(rows(db)).toBe(written + 1);
  });

  it("clears only its own model's generations no state is on, and refuses a snapshot whose generation is gone", async () => {
    const mine = notebooks(2).storage!;
    const theirs = storedMaps('other-model', initial, ['books']);
    const events = eventsOf([{ type: 'Opened', id: 'a', text: '' }]);
    const kept = foldStored(db, notebooks(2), events);
    const dropped = foldStored(db, notebooks(2), events);
    const other = theirs.open(db) as Notebooks;
    other.books.x = { notes: ['kept'], closed: false };
    for (const state of [kept, dropped]) mine.persisted(state);
    theirs.persisted(other);
    const droppedSnapshot = JSON.parse(JSON.stringify(mine.persisted(dropped))) as unknown;
    await mine.clearUnused(db, [kept]);
    expect(mine.open(db, droppedSnapshot, Number.MAX_SAFE_INTEGER)).toBeUndefined();
    // A snapshot in the shape a fold in memory leaves (written by older code): not this storage's.
    expect(mine.open(db, JSON.parse(JSON.stringify(kept)), Number.MAX_SAFE_INTEGER)).toBeUndefined();
    expect(rows(db)).toBe(2);
    expect(other.books.x.notes).toEqual(['kept']);
  });
});
