import { Logger } from '@nestjs/common';
import type { AllSubscription, EventStore } from '../../event-store/port';
import { RecordedEvent } from '../../event-store/recorded-event';
import { applyProjection, Projection } from './projection';
import { RebuildFeed, RebuildProgress } from './rebuild-feed';
import { snapshotDoubt } from './snapshot-doubt';
import { LoggedEvent, SnapshotStore } from './snapshot-store';
import { TimeSlice } from './time-slice';

export type ProjectionStatus = 'starting' | 'catching-up' | 'live' | 'failed' | 'stopped';

export interface ProjectionFailure {
  eventId: string;
  eventType: string;
  streamId: string;
  position: number;
  message: string;
}

export interface ProjectionHealth {
  name: string;
  version: number;
  status: ProjectionStatus;
  position: number;
  failure: ProjectionFailure | null;
  /** A rebuild folding beside the live model (POST .../rebuild), until it takes the model's place. */
  rebuild: RebuildProgress | null;
}

export interface RunnerOptions {
  /** Once live, snapshot a model after this many events folded since its last snapshot. */
  snapshotEveryEvents: number;
  /**
   * ... and, live or catching up, after this long if it changed, or ten
   * times as long as the last round of snapshots took, whichever is longer.
   */
  snapshotIntervalMs: number;
  /**
   * A monotonic clock in milliseconds (default performance.now: a wall-clock step must not
   * stretch or shrink a snapshot's measured time); tests set the time snapshots take.
   */
  clock?: () => number;
}

/**
 * A time-based snapshot waits at least this many times as long as the last
 * round of snapshots took (the feed folds nothing while it writes one, so a
 * round costs every model its whole length), so snapshots take at most about
 * a tenth of the feed's time. A snapshot serialises the whole state: at 3M
 * events a round of every model took seconds, and every 30 s it was a fifth
 * of a catch-up (bench/RESULTS.md, scale); small models still snapshot every
 * interval.
 */
export const SNAPSHOT_COST_FACTOR = 10;

interface Slot {
  projection: Projection;
  state: unknown;
  position: number;
  /** The last event folded (kept as two fields: an object per event would cost a rebuild its allocations). */
  lastEventPosition: number;
  lastEventId: string | null;
  /** Restored from a snapshot the log has not yet been asked about (see checkRestored). */
  unchecked: boolean;
  status: ProjectionStatus;
  failure: ProjectionFailure | null;
  sinceSnapshot: number;
  lastSnapshotAt: number;
  /** How long the model's last snapshot took, ms (what /metrics shows). */
  lastSnapshotMs: number;
  /** A snapshot is due: the feed writes it, a slice at a time, before it folds the next event. */
  snapshotDue: boolean;
}

interface Waiter {
  name: string;
  position: number;
  resolve: () => void;
}

/**
 * Feeds every read model from one checkpointed subscription to $all. Each
 * model keeps its own position, and its state and position are snapshotted
 * together. A model that throws stops, and says on which event; it never
 * skips one. A rebuild folds a fresh copy of a model on a feed of its own
 * while the model it replaces keeps answering (and the others carry on), and
 * takes its place only once it has reached the live feed's position: a query
 * never sees a half-folded state (docs/operations/health-and-metrics.md).
 */
export class ProjectionRunner {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly slots = new Map<string, Slot>();
  private readonly waiters = new Set<Waiter>();
  private readonly rebuilds = new Map<string, RebuildFeed>();
  private subscription: AllSubscription | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  /** Position of the last message of the live feed's subscription; undefined while it is not running. */
  private feedPosition: number | undefined;
  /** Whether the live feed has caught up with the log since it subscribed. */
  private feedLive = false;
  /** Whether some slot's snapshot is due: checked per event without a call, so a fold pays no promise for it. */
  private snapshotsDue = false;
  /** How long the last round of due snapshots took, ms: the next by time waits SNAPSHOT_COST_FACTOR times as long. */
  private lastRoundMs = 0;
  /** While set, a walk over the live states is under way: no feed folds into them or replaces them until it settles. */
  private held: Promise<void> | undefined;
  private readonly now: () => number;

  constructor(
    private readonly store: EventStore,
    private readonly snapshots: SnapshotStore,
    projections: readonly Projection[],
    private readonly options: RunnerOptions = { snapshotEveryEvents: 250_000, snapshotIntervalMs: 30_000 },
  ) {
    this.now = options.clock ?? (() => performance.now());
    for (const projection of projections) {
      if (this.slots.has(projection.name))
        throw new Error(`Projection ${projection.name} is registered twice`);
      this.slots.set(projection.name, this.restore(projection));
    }
    this.clearUnusedStores();
  }

  /** A model's state before any event: on a new store of its own where the model has storage. */
  private initial(projection: Projection): unknown {
    return projection.storage
      ? (projection.storage.open(this.snapshots.database) as unknown)
      : projection.initialState();
  }

  /** A state no slot or rebuild holds any more: its store, if it has one, is cleared in the background. */
  private release(projection: Projection, state: unknown): void {
    projection.storage
      ?.release(state)
      .catch((error: unknown) =>
        this.logger.warn(
          `${projection.name}: clearing a replaced state's store failed (the next start clears it): ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
  }

  /** Stores of models with storage that no slot is on: what a crash or an unfinished rebuild left. */
  private clearUnusedStores(): void {
    for (const slot of this.slots.values()) {
      slot.projection.storage
        ?.clearUnused(this.snapshots.database, [slot.state])
        .catch((error: unknown) =>
          this.logger.warn(
            `${slot.projection.name}: clearing unused stores failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        );
    }
  }

  /** What a snapshot keeps of a slot's state (a model with storage writes its bulk first). */
  private persisted(slot: Slot, state: unknown): unknown {
    return slot.projection.storage ? slot.projection.storage.persisted(state) : state;
  }

  private restore(projection: Projection): Slot {
    const slotOf = (state: unknown): Slot => ({
      projection,
      state,
      position: 0,
      lastEventPosition: 0,
      lastEventId: null,
      unchecked: false,
      status: 'starting',
      failure: null,
      sinceSnapshot: 0,
      lastSnapshotAt: this.now(),
      lastSnapshotMs: 0,
      snapshotDue: false,
    });
    const fresh = (): Slot => slotOf(this.initial(projection));
    const snapshot = this.snapshots.load(projection.name);
    if (snapshot === undefined) return fresh();
    if ('unusable' in snapshot) {
      this.logger.warn(
        `${projection.name}: its snapshot at position ${snapshot.position} is not used (${snapshot.unusable}); folding it again from the start`,
      );
      return fresh();
    }
    if (snapshot.version !== projection.version) {
      this.logger.log(
        `${projection.name}: version ${snapshot.version} → ${projection.version}, rebuilding from the start`,
      );
      return fresh();
    }
    const position = snapshot.lastEvent?.position ?? 0;
    const state = projection.storage
      ? projection.storage.open(this.snapshots.database, snapshot.state, position)
      : snapshot.state;
    if (state === undefined) {
      this.logger.warn(
        `${projection.name}: its snapshot at position ${snapshot.position} is not used (the store it names is not in the state database); folding it again from the start`,
      );
      return fresh();
    }
    this.logger.log(`${projection.name}: resumed from its snapshot at position ${snapshot.position}`);
    return {
      ...slotOf(state),
      // From the last event folded, not the position it reached: on EventStoreDB that can be a
      // bookkeeping record's, and a log restored from an older copy may hold other events before it.
      // With no event folded the state is the initial one, and the model reads the log from the start.
      position: snapshot.lastEvent?.position ?? 0,
      lastEventPosition: snapshot.lastEvent?.position ?? 0,
      lastEventId: snapshot.lastEvent?.id ?? null,
      unchecked: snapshot.lastEvent !== null,
    };
  }

  /**
   * Before folding on from a snapshot, the log is asked whether it is of
   * this store and still what its events read as (snapshotDoubt); one that
   * is not is dropped with one line, and the model folds from the start.
   */
  private async checkRestored(): Promise<void> {
    for (const slot of this.slots.values()) {
      if (!slot.unchecked) continue;
      slot.unchecked = false;
      if (slot.lastEventId === null) continue;
      const doubt = await snapshotDoubt(this.store, {
        position: slot.lastEventPosition,
        id: slot.lastEventId,
      });
      if (doubt === undefined) continue;
      this.logger.warn(
        `${slot.projection.name}: its snapshot at position ${slot.lastEventPosition} is not used (${doubt}); folding it again from the start`,
      );
      this.release(slot.projection, slot.state);
      slot.state = this.initial(slot.projection);
      slot.position = 0;
      slot.lastEventPosition = 0;
      slot.lastEventId = null;
    }
  }

  start(): void {
    this.stopping = false;
    this.running ??= this.run()
      .catch((error: unknown) => {
        this.logger.error(
          `The projection feed stopped: ${error instanceof Error ? error.message : String(error)}`,
        );
        for (const slot of this.slots.values()) if (slot.status !== 'failed') slot.status = 'stopped';
      })
      .finally(() => {
        this.running = undefined;
      });
  }

  private async run(): Promise<void> {
    await this.checkRestored();
    while (!this.stopping) {
      const active = [...this.slots.values()].filter((slot) => slot.status !== 'failed');
      if (active.length === 0) return;
      for (const slot of active) slot.status = 'catching-up';
      const fromPosition = Math.min(...active.map((s) => s.position));
      this.subscription = this.store.subscribeToAll({ fromPosition });
      this.feedPosition = fromPosition;
      this.feedLive = false;
      const slice = new TimeSlice();
      try {
        for await (const message of this.subscription) {
          // Checked without a call: an await per event would cost a rebuild (see below).
          if (this.held) await this.held;
          if (message.kind === 'event') {
            this.fold(message.event);
            this.feedPosition = message.event.position;
          } else {
            this.feedPosition = Math.max(this.feedPosition, message.position);
            this.feedLive = true;
            for (const slot of this.slots.values()) {
              if (slot.status === 'failed') continue;
              slot.position = Math.max(slot.position, message.position);
              slot.status = 'live';
              if (slot.sinceSnapshot > 0) slot.snapshotDue = this.snapshotsDue = true;
            }
            this.logger.log(`Read models caught up at position ${message.position}`);
          }
          this.settleWaiters();
          if (this.stopping) break;
          // Awaited only when there is something to wait for: two promises per event cost a rebuild 5–13 %.
          if (this.snapshotsDue) await this.writeDueSnapshots();
          if (slice.due()) await slice.pause();
        }
      } finally {
        this.feedPosition = undefined;
        this.feedLive = false;
        await this.subscription.close();
      }
    }
  }

  private fold(event: RecordedEvent): void {
    const now = this.now();
    for (const slot of this.slots.values()) {
      if (slot.status === 'failed' || event.position <= slot.position) continue;
      try {
        slot.state = applyProjection(slot.projection, slot.state, event);
      } catch (error) {
        slot.status = 'failed';
        slot.failure = {
          eventId: event.id,
          eventType: event.type,
          streamId: event.streamId,
          position: event.position,
          message: error instanceof Error ? error.message : String(error),
        };
        this.logger.error(
          `Read model ${slot.projection.name} stopped at position ${event.position} (${event.type} ${event.id} on ${event.streamId}): ${slot.failure.message}`,
        );
        continue;
      }
      slot.position = event.position;
      slot.lastEventPosition = event.position;
      slot.lastEventId = event.id;
      slot.sinceSnapshot++;
      // While catching up, snapshot by time only: serialising a large state every N events would
      // dominate a rebuild; once live, by count as well.
      if (
        (slot.status === 'live' && slot.sinceSnapshot >= this.options.snapshotEveryEvents) ||
        now - slot.lastSnapshotAt >=
          Math.max(this.options.snapshotIntervalMs, SNAPSHOT_COST_FACTOR * this.lastRoundMs)
      ) {
        slot.snapshotDue = this.snapshotsDue = true;
      }
    }
  }

  /**
   * Each due snapshot, written in slices with requests let through between
   * them (a large model's snapshot in one go was the longest pause a command
   * waited behind). The feed folds nothing meanwhile, so every state stays
   * as it is written; queries read them as usual. A rebuild that replaces a
   * model's state meanwhile writes its own snapshot, and this one is dropped.
   */
  private async writeDueSnapshots(): Promise<void> {
    this.snapshotsDue = false;
    const roundStarted = this.now();
    let wrote = false;
    for (const slot of this.slots.values()) {
      if (!slot.snapshotDue) continue;
      slot.snapshotDue = false;
      if (slot.status === 'failed') continue;
      const { state } = slot;
      const started = this.now();
      const written = await this.snapshots.saveInSlices(
        { ...this.header(slot), state: this.persisted(slot, state) },
        { stillCurrent: () => slot.state === state },
      );
      if (!written) continue;
      slot.projection.storage?.snapshotted?.(state);
      this.snapshotTaken(slot, started);
      wrote = true;
    }
    if (wrote) this.lastRoundMs = this.now() - roundStarted;
  }

  private snapshot(slot: Slot): void {
    const started = this.now();
    this.snapshots.save({ ...this.header(slot), state: this.persisted(slot, slot.state) });
    slot.projection.storage?.snapshotted?.(slot.state);
    this.snapshotTaken(slot, started);
  }

  /** The time a sliced snapshot took includes the requests let through between its slices: it errs towards fewer. */
  private snapshotTaken(slot: Slot, started: number): void {
    slot.sinceSnapshot = 0;
    slot.lastSnapshotAt = this.now();
    slot.lastSnapshotMs = slot.lastSnapshotAt - started;
  }

  private header(slot: Slot): {
    name: string;
    version: number;
    position: number;
    lastEvent: LoggedEvent | null;
  } {
    return {
      name: slot.projection.name,
      version: slot.projection.version,
      position: slot.position,
      lastEvent:
        slot.lastEventId === null ? null : { position: slot.lastEventPosition, id: slot.lastEventId },
    };
  }

  /** The model's current state and the position it reflects. */
  current<State>(name: string): { state: State; position: number; status: ProjectionStatus } {
    const slot = this.slot(name);
    return { state: slot.state as State, position: slot.position, status: slot.status };
  }

  health(): ProjectionHealth[] {
    return [...this.slots.values()].map((slot) => ({
      name: slot.projection.name,
      version: slot.projection.version,
      status: slot.status,
      position: slot.position,
      failure: slot.failure,
      rebuild: this.rebuilds.get(slot.projection.name)?.status() ?? null,
    }));
  }

  /** Each model's last snapshot: how long it took (0 before the first) and how long ago it ended (or this runner started), ms. */
  snapshotTimes(): Array<{ name: string; tookMs: number; ageMs: number }> {
    const now = this.now();
    return [...this.slots.values()].map((slot) => ({
      name: slot.projection.name,
      tookMs: slot.lastSnapshotMs,
      ageMs: now - slot.lastSnapshotAt,
    }));
  }

  /**
   * Runs `walk` with every live model held as it is: the feeds fold nothing
   * and no rebuild takes a model's place until it settles, while requests
   * and appends go on (the subscription keeps what arrives meanwhile). For
   * work over whole states that must see each at one position, and that
   * yields to I/O as it goes (checksums: a walk of a stored model reads it
   * back from the state database). One walk at a time; reads are unaffected,
   * but a read that waits for a position waits for the walk too.
   */
  async whileHeld<T>(walk: () => Promise<T>): Promise<T> {
    await this.unheld();
    let settle = (): void => undefined;
    this.held = new Promise<void>((resolve) => (settle = resolve));
    try {
      return await walk();
    } finally {
      this.held = undefined;
      settle();
    }
  }

  /** Settles once no walk holds the models. */
  private async unheld(): Promise<void> {
    while (this.held) await this.held;
  }

  projections(): Projection[] {
    return [...this.slots.values()].map((slot) => slot.projection);
  }

  /**
   * Resolves true once the model has folded everything up to `position`, or
   * false after `timeoutMs` (the caller answers 503 with Retry-After).
   */
  waitFor(name: string, position: number, timeoutMs: number): Promise<boolean> {
    const slot = this.slot(name);
    if (slot.position >= position) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter: Waiter = {
        name,
        position,
        resolve: () => {
          clearTimeout(timer);
          this.waiters.delete(waiter);
          resolve(true);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        resolve(false);
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  private settleWaiters(): void {
    for (const waiter of this.waiters) {
      if (this.slot(waiter.name).position >= waiter.position) waiter.resolve();
    }
  }

  /**
   * Folds the model again from the start beside the live one, which keeps
   * answering until the new state has reached the live feed's position and
   * replaces it (between two events, with a snapshot). Asking again restarts
   * a rebuild under way. A restart of the process forgets a rebuild that had
   * not finished: the model resumes from its previous snapshot.
   */
  rebuild(name: string): void {
    const slot = this.slot(name);
    const previous = this.rebuilds.get(name);
    const feed: RebuildFeed = new RebuildFeed(
      this.store,
      // A model with storage folds its rebuild on a new store of its own.
      { ...slot.projection, initialState: () => this.initial(slot.projection) },
      (position) => this.feedPosition === undefined || position >= this.feedPosition,
      () => this.unheld(),
      (state, position, lastEvent) => this.replace(slot, state, position, lastEvent),
      (failure) => {
        this.logger.error(
          `Rebuild of read model ${name} stopped at position ${failure.position}${failure.eventType ? ` (${failure.eventType} ${failure.eventId} on ${failure.streamId})` : ''}: ${failure.message}; the live model is unchanged`,
        );
        this.release(slot.projection, feed.folded);
      },
    );
    this.rebuilds.set(name, feed);
    if (previous) void previous.close().then(() => this.release(slot.projection, previous.folded));
    this.logger.log(`Read model ${name}: rebuilding from position 0 beside the live model`);
  }

  private replace(slot: Slot, state: unknown, position: number, lastEvent: LoggedEvent | null): void {
    const wasFailed = slot.status === 'failed';
    this.release(slot.projection, slot.state);
    slot.state = state;
    slot.position = position;
    slot.lastEventPosition = lastEvent?.position ?? 0;
    slot.lastEventId = lastEvent?.id ?? null;
    slot.failure = null;
    if (wasFailed) slot.status = this.running ? (this.feedLive ? 'live' : 'catching-up') : 'stopped';
    this.snapshot(slot);
    this.rebuilds.delete(slot.projection.name);
    this.logger.log(
      `Read model ${slot.projection.name}: rebuilt at position ${slot.position}, now answering`,
    );
    this.settleWaiters();
    // A failed model left the live feed; with every model failed the feed had stopped.
    if (wasFailed && !this.running && !this.stopping) this.start();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.rebuilds.values()].map((feed) => feed.close()));
    this.rebuilds.clear();
    await this.subscription?.close();
    await this.running;
    for (const slot of this.slots.values()) {
      if (slot.status !== 'failed' && slot.sinceSnapshot > 0) this.snapshot(slot);
      if (slot.status !== 'failed') slot.status = 'stopped';
    }
    for (const waiter of this.waiters) this.waiters.delete(waiter);
  }

  private slot(name: string): Slot {
    const slot = this.slots.get(name);
    if (!slot) throw new Error(`No read model named ${name}`);
    return slot;
  }
}
