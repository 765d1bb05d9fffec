import { Decider } from '../domain/decider';
import type { EventStore } from '../event-store/port';
import { AppendResult, NewEvent, RecordedEvent } from '../event-store/recorded-event';
import type { AnyDomainEvent } from './command-definition';
import { fromLog } from './domain-events';
import { jsonCopy } from '../shared/json-copy';
import { KnownEventIds } from './known-event-ids';

/** An aggregate's fold: what the cache keeps states by. */
export type Folder<S, E extends AnyDomainEvent> = Pick<
  Decider<never, E, S>,
  'initialState' | 'evolve' | 'owned'
>;

export interface StreamSnapshot<S> {
  state: S;
  /** The stream's revision the state reflects; -1 for no stream. */
  revision: number;
  /** Where each event id of the stream is, for idempotent retries. */
  known: KnownEventIds;
}

/** The part of a stored event a fold and a retry need. */
type FoldedEvent = Pick<RecordedEvent, 'id' | 'type' | 'revision' | 'data'>;

/**
 * One stream's cached fold. A record that changes as a whole: where the
 * decider can fold in place, the stream's own appends are folded into this
 * entry's state (see `appended`), so its state and revision always change
 * together.
 */
interface Entry<S> {
  state: S;
  revision: number;
  known: KnownEventIds;
  used: number;
  /** The events folded into the state when it was last counted into the cache's total. */
  weight: number;
  /** The state was handed out as another aggregate's facts: the next fold copies it first. */
  lent: boolean;
  /** A batch took the entry out of the cache to fold into it (`take`): it never goes back as it is. */
  taken?: true;
}

/**
 * What a command's decision reads its stream through and tells what it
 * appended: the cache, or a batch's working copies (execute-command-batch.ts).
 */
export interface StreamStates {
  load<S, E extends AnyDomainEvent>(folder: Folder<S, E>, streamId: string): Promise<StreamSnapshot<S>>;
  appended<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
    decidedOn: number,
    events: readonly NewEvent[],
    result: AppendResult,
  ): void;
}

/**
 * Folded aggregate states, kept between commands so each command reads only
 * the events appended since (`readStream` from the cached revision + 1)
 * instead of its whole stream, and its facts' streams, every time. Exact,
 * not approximate: every load reads the stream's tail from the store, so
 * writes by other processes are folded in too.
 *
 * A decider that can fold into a state it owns (`owned`: the measure's,
 * whose series would otherwise be copied on every measurement) has the
 * stream's own appends folded in place. That is safe because only the
 * stream's command holds its state then: commands on one stream queue
 * (execute-command.handler.ts), a batch works on copies (working-streams.ts),
 * and a state handed out as facts (`lend`) is copied before the next fold
 * changes it. Other states are never mutated (their evolve returns new
 * state), so a cached one can be shared.
 */
export class StreamStateCache implements StreamStates {
  private readonly byFolder = new WeakMap<object, Map<string, Entry<unknown>>>();
  /** Every folder's entries, for an eviction by weight across them all. */
  private readonly folders = new Set<Map<string, Entry<unknown>>>();
  private uses = 0;
  private size = 0;
  /** Events folded into the cached states, together: what their memory grows with. */
  private weight = 0;

  /**
   * At most `maxStreams` streams and `maxEvents` events folded into their
   * states: a few long streams (a measure's weekly series over years) weigh
   * more than thousands of short ones, and the states grow with their
   * events (about 130 bytes an event for a measure, bench:import).
   */
  constructor(
    private readonly store: EventStore,
    private readonly maxStreams = 5_000,
    private readonly maxEvents = 250_000,
  ) {}

  /** How much the cache holds now. */
  held(): { streams: number; events: number } {
    return { streams: this.size, events: this.weight };
  }

  /**
   * The stream's state for another aggregate's rule: the same as `load`, but
   * the state stays as it is now whatever is folded after (see the class).
   */
  async lend<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
  ): Promise<{ state: S; revision: number }> {
    const entry = await this.entry(folder, streamId);
    entry.lent = true;
    return { state: entry.state, revision: entry.revision };
  }

  load<S, E extends AnyDomainEvent>(folder: Folder<S, E>, streamId: string): Promise<StreamSnapshot<S>> {
    return this.entry(folder, streamId);
  }

  /**
   * The stream's state for one who will fold into it in place before its
   * events are stored (a batch, see working-streams.ts): the entry leaves
   * the cache, so no one else sees what is folded, and comes back through
   * `adopt` once the appends are stored. A load meanwhile reads the stream
   * from the store. A state that was lent is copied first.
   */
  async take<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
  ): Promise<StreamSnapshot<S>> {
    const entry = await this.entry(folder, streamId);
    const entries = this.byFolder.get(folder);
    if (entries?.get(streamId) === entry) this.drop(entries, streamId);
    entry.taken = true;
    const owned = folder.owned;
    const state = owned && entry.lent ? owned.copy(entry.state) : entry.state;
    return { state, revision: entry.revision, known: entry.known };
  }

  private async entry<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
  ): Promise<Entry<S>> {
    const entries = this.entriesOf(folder);
    const cached = entries.get(streamId) as Entry<S> | undefined;
    const tail = await this.store.readStream(streamId, { fromRevision: cached ? cached.revision + 1 : 0 });
    // Taken while this read: its state is no longer the stored one, so read the stream afresh.
    if (cached?.taken) return this.entry(folder, streamId);
    const current = (entries.get(streamId) as Entry<S> | undefined) ?? cached;
    // Another load may have moved the entry on while this one read: keep whichever saw more.
    const base = current && cached && current.revision > cached.revision ? current : cached;
    const fresh = base ? tail.filter((event) => event.revision > base.revision) : tail;
    const entry = this.extend(folder, base, fresh);
    entry.used = ++this.uses;
    this.put(entries, streamId, entry as Entry<unknown>);
    return entry;
  }

  /**
   * Folds what a command just appended into the state it was decided on, so
   * the next command on the stream finds nothing new to read. Only when the
   * cached state is still the one decided on; otherwise the next load reads
   * the tail as usual. The data goes through JSON as the store keeps it, so
   * the state is what a read would have folded.
   */
  appended<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
    decidedOn: number,
    events: readonly NewEvent[],
    result: AppendResult,
  ): void {
    const entries = this.byFolder.get(folder);
    const cached = entries?.get(streamId) as Entry<S> | undefined;
    if (
      !entries ||
      !cached ||
      cached.revision !== decidedOn ||
      result.nextRevision !== decidedOn + events.length
    )
      return;
    const stored: FoldedEvent[] = events.map((event, i) => ({
      id: event.id,
      type: event.type,
      revision: decidedOn + 1 + i,
      data: jsonCopy(event.data),
    }));
    try {
      if (folder.owned) {
        // The stream's own append, under its queue: folded into the entry itself (see the class).
        if (cached.lent) cached.state = folder.owned.copy(cached.state);
        cached.lent = false;
        this.foldInto(cached, stored, folder.owned.evolve);
        cached.used = ++this.uses;
        this.put(entries, streamId, cached as Entry<unknown>);
        return;
      }
      const entry = this.extend(folder, cached, stored);
      entry.used = ++this.uses;
      this.put(entries, streamId, entry as Entry<unknown>);
    } catch {
      // The append is committed whatever the fold says: forget the state, the next load reads the stream.
      if (entries.get(streamId) === cached) this.drop(entries, streamId);
    }
  }

  /**
   * A state the batched path folded from the one it loaded or took (at
   * `from`, with `known`) with the events it then appended, taken as the
   * stream's cached state, so nothing is folded twice. Not when the cache
   * holds the stream at another revision (a load while the batch ran saw
   * other writes); the state must be the batch's own, which no one changes after.
   */
  adopt<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    streamId: string,
    from: { revision: number; known: KnownEventIds },
    state: S,
    appends: ReadonlyArray<{ events: readonly NewEvent[]; result: AppendResult }>,
  ): void {
    const entries = this.entriesOf(folder);
    const cached = entries.get(streamId);
    if (cached && cached.revision !== from.revision) return;
    // The cache's own map when it still holds the stream; a taken entry's map, which only the batch had.
    const known = cached?.known ?? from.known;
    let revision = from.revision;
    for (const { events } of appends) {
      for (const event of events) known.add(event.id, ++revision);
    }
    this.put(entries, streamId, { state, revision, known, used: ++this.uses, weight: 0, lent: false });
  }

  /**
   * The base entry with the events folded into a new one; the base itself
   * when there are none. A decider that folds in place does so into a copy
   * (made once, not per event) or into a fresh initial state.
   */
  private extend<S, E extends AnyDomainEvent>(
    folder: Folder<S, E>,
    base: Entry<S> | undefined,
    events: readonly FoldedEvent[],
  ): Entry<S> {
    if (base && events.length === 0) return base;
    const owned = folder.owned;
    const state = base ? (owned ? owned.copy(base.state) : base.state) : folder.initialState();
    const entry: Entry<S> = {
      state,
      revision: base?.revision ?? -1,
      known: base ? base.known : new KnownEventIds(),
      used: 0,
      weight: 0,
      lent: false,
    };
    this.foldInto(entry, events, owned ? owned.evolve : folder.evolve);
    return entry;
  }

  private foldInto<S, E extends AnyDomainEvent>(
    entry: Entry<S>,
    events: readonly FoldedEvent[],
    evolve: (state: S, event: E) => S,
  ): void {
    for (const event of events) {
      entry.state = evolve(entry.state, fromLog<E>(event));
      entry.known.add(event.id, event.revision);
      entry.revision = event.revision;
    }
  }

  private entriesOf(folder: object): Map<string, Entry<unknown>> {
    let entries = this.byFolder.get(folder);
    if (!entries) {
      entries = new Map();
      this.byFolder.set(folder, entries);
      this.folders.add(entries);
    }
    return entries;
  }

  /** Sets the stream's entry (new, replacing another, or the same one grown) and keeps the totals. */
  private put(entries: Map<string, Entry<unknown>>, streamId: string, entry: Entry<unknown>): void {
    const before = entries.get(streamId);
    if (before) this.weight -= before.weight;
    else this.size++;
    entry.weight = entry.revision + 1;
    this.weight += entry.weight;
    entries.set(streamId, entry);
    if (this.size > this.maxStreams) this.evictHalf(entries);
    if (this.weight > this.maxEvents) this.evictWeight();
  }

  private drop(entries: Map<string, Entry<unknown>>, streamId: string): void {
    const entry = entries.get(streamId);
    if (!entry) return;
    entries.delete(streamId);
    this.size--;
    this.weight -= entry.weight;
  }

  /** Drops the least recently used half of one folder's streams: cheap, and rare. */
  private evictHalf(entries: Map<string, Entry<unknown>>): void {
    const byUse = [...entries.entries()].sort((a, b) => a[1].used - b[1].used);
    for (const [streamId] of byUse.slice(0, Math.ceil(byUse.length / 2))) this.drop(entries, streamId);
  }

  /**
   * Drops the least recently used streams of every folder until the events
   * held are three quarters of the most: a stream that is written again is
   * read back from the store once, then cached again.
   */
  private evictWeight(): void {
    const all: Array<{ entries: Map<string, Entry<unknown>>; streamId: string; used: number }> = [];
    for (const entries of this.folders) {
      for (const [streamId, entry] of entries) all.push({ entries, streamId, used: entry.used });
    }
    all.sort((a, b) => a.used - b.used);
    // Never the stream just used: one longer than the bound is still read once, not on every command.
    for (const { entries, streamId, used } of all) {
      if (this.weight <= this.maxEvents * 0.75 || used === this.uses) break;
      this.drop(entries, streamId);
    }
  }
}
