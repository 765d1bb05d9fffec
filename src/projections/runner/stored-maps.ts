import type Database from 'better-sqlite3';
import { DECODED_ENTITIES, EntityStore } from './entity-store';
import type { ProjectionStorage } from './projection';

/** The maps of a state kept in an entity store, with each map's keys in the order they were added. */
interface Stored {
  store: EntityStore;
  keys: Record<string, Set<string>>;
}

interface Persisted {
  rest: Record<string, unknown>;
  generation: number;
  keys: Record<string, string[]>;
}

/** Not enumerable and not a string key: JSON, checksums and Object.keys never see it. */
const STORED = Symbol('stored maps');
type WithStored = Record<string | symbol, unknown> & { [STORED]?: Stored };

const storedOf = (state: unknown): Stored | undefined => (state as WithStored)[STORED];

/**
 * One map of the state as readers and the fold see it: an object whose
 * entries are the store's, read (and decoded) when asked for. The keys stay
 * in memory, so listing them costs no read.
 */
function mapView(stored: Stored, field: string): Record<string, unknown> {
  const keys = stored.keys[field];
  const key = (id: string) => `${field}\u0000${id}`;
  return new Proxy({} as Record<string, unknown>, {
    get(target, id, receiver) {
      if (typeof id === 'string' && keys.has(id)) return stored.store.get(key(id));
      return Reflect.get(target, id, receiver) as unknown;
    },
    set(_target, id, value) {
      if (typeof id !== 'string') return false;
      keys.add(id);
      stored.store.set(key(id), value);
      return true;
    },
    deleteProperty(_target, id) {
      if (typeof id === 'string' && keys.delete(id)) stored.store.delete(key(id));
      return true;
    },
    has: (target, id) => (typeof id === 'string' && keys.has(id)) || Reflect.has(target, id),
    ownKeys: () => [...keys],
    // An accessor, read only if asked for: Object.keys and JSON.stringify ask each key's descriptor, and a
    // value here read every entity once for the keys alone (1.4 s of the driver diagrams' checksum at 1M).
    getOwnPropertyDescriptor(_target, id) {
      if (typeof id !== 'string' || !keys.has(id)) return undefined;
      return { get: () => stored.store.get(key(id)), enumerable: true, configurable: true };
    },
    defineProperty() {
      throw new Error(`Entries of ${field} are set by assignment only`);
    },
  });
}

function storedState(base: Record<string, unknown>, stored: Stored): unknown {
  const state: WithStored = { ...base };
  for (const field of Object.keys(stored.keys)) state[field] = mapView(stored, field);
  Object.defineProperty(state, STORED, { value: stored, enumerable: false });
  return state;
}

/**
 * Storage for a model whose bulk is a few maps of entities (by id), each
 * read and changed one entity at a time: those maps live in an entity store
 * and the rest of the state in memory. `fields` are the maps' names in the
 * state `initialState` gives.
 */
export function storedMaps<State>(
  model: string,
  initialState: () => State,
  fields: readonly (keyof State & string)[],
  { decoded = DECODED_ENTITIES }: { decoded?: number } = {},
): ProjectionStorage<State> {
  return {
    open(db: Database.Database, persisted?: unknown, position = 0) {
      if (persisted === undefined) {
        const keys = Object.fromEntries(fields.map((field) => [field, new Set<string>()]));
        return storedState(initialState() as Record<string, unknown>, {
          store: EntityStore.create(db, model, decoded),
          keys,
        }) as State;
      }
      const kept = persisted as Partial<Persisted> | null;
      // Not a snapshot of this storage (one written in memory's shape, by older code): fold from the start.
      if (typeof kept?.generation !== 'number' || kept.keys === undefined || kept.rest === undefined)
        return undefined;
      const store = EntityStore.reopen(db, model, kept.generation, position, decoded);
      if (!store) return undefined;
      const { keys: keptKeys, rest } = kept;
      const keys = Object.fromEntries(fields.map((field) => [field, new Set(keptKeys[field])]));
      return storedState(rest, { store, keys }) as State;
    },
    folding(state, position) {
      storedOf(state)?.store.at(position);
    },
    folded(state) {
      storedOf(state)?.store.folded();
    },
    persisted(state) {
      const stored = storedOf(state);
      if (!stored) throw new Error(`The ${model} model is not stored`);
      stored.store.flush();
      const rest = Object.fromEntries(
        Object.entries(state as Record<string, unknown>).filter(([field]) => !(field in stored.keys)),
      );
      const persisted: Persisted = {
        rest,
        generation: stored.store.generation,
        keys: Object.fromEntries(Object.entries(stored.keys).map(([field, ids]) => [field, [...ids]])),
      };
      return persisted;
    },
    snapshotted(state) {
      storedOf(state)?.store.snapshotted();
    },
    async release(state) {
      await storedOf(state)?.store.release();
    },
    async clearUnused(db, inUse) {
      const keep = new Set(inUse.flatMap((state) => storedOf(state)?.store.generation ?? []));
      await EntityStore.clearOthers(db, model, keep);
    },
  };
}
