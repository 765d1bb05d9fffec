import { Logger } from '@nestjs/common';
import { setImmediate as yieldToIo } from 'node:timers/promises';
import type { AllSubscription, EventStore } from '../../event-store/port';
import { RecordedEvent } from '../../event-store/recorded-event';
import { applyProjection, Projection } from './projection';
import { SnapshotStore } from './snapshot-store';

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
}

export interface RunnerOptions {
  /** Once live, snapshot a model after this many events folded since its last snapshot. */
  snapshotEveryEvents: number;
  /** ... and, live or catching up, after this long if it changed. */
  snapshotIntervalMs: number;
}

interface Slot {
  projection: Projection;
  state: unknown;
  position: number;
  status: ProjectionStatus;
  failure: ProjectionFailure | null;
  sinceSnapshot: number;
  lastSnapshotAt: number;
}

interface Waiter {
  name: string;
  position: number;
  resolve: () => void;
}

/**
 * Fold for at most this long before letting HTTP and timers run: a backlog
 * folded in one go (after a burst of commands, or while catching up) held
 * every request behind it. Checked every few events, so the clock costs
 * nothing next to the folds.
 */
const SLICE_MS = 5;
const CHECK_CLOCK_EVERY = 16;

/**
 * Feeds every read model from one checkpointed subscription to $all. Each
 * model keeps its own position (so one can rebuild while the others carry on),
 * and its state and position are snapshotted together. A model that throws
 * stops, and says on which event; it never skips one.
 */
export class ProjectionRunner {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly slots = new Map<string, Slot>();
  private readonly waiters = new Set<Waiter>();
  private subscription: AllSubscription | undefined;
  private running: Promise<void> | undefined;
  private stopping = false;
  private restart = false;

  constructor(
    private readonly store: EventStore,
    private readonly snapshots: SnapshotStore,
    projections: readonly Projection[],
    private readonly options: RunnerOptions = { snapshotEveryEvents: 250_000, snapshotIntervalMs: 30_000 },
  ) {
    for (const projection of projections) {
      if (this.slots.has(projection.name))
        throw new Error(`Projection ${projection.name} is registered twice`);
      this.slots.set(projection.name, this.restore(projection));
    }
  }

  private restore(projection: Projection): Slot {
    const snapshot = this.snapshots.load(projection.name);
    const usable = snapshot !== undefined && snapshot.version === projection.version;
    if (snapshot && !usable) {
      this.logger.log(
        `${projection.name}: version ${snapshot.version} → ${projection.version}, rebuilding from the start`,
      );
    } else if (usable) {
      this.logger.log(`${projection.name}: resumed from its snapshot at position ${snapshot.position}`);
    }
    return {
      projection,
      state: usable ? snapshot.state : projection.initialState(),
      position: usable ? snapshot.position : 0,
      status: 'starting',
      failure: null,
      sinceSnapshot: 0,
      lastSnapshotAt: Date.now(),
    };
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
    while (!this.stopping) {
      const active = [...this.slots.values()].filter((slot) => slot.status !== 'failed');
      if (active.length === 0) return;
      this.restart = false;
      for (const slot of active) slot.status = 'catching-up';
      this.subscription = this.store.subscribeToAll({
        fromPosition: Math.min(...active.map((s) => s.position)),
      });
      let sinceCheck = 0;
      let sliceStart = performance.now();
      for await (const message of this.subscription) {
        if (message.kind === 'event') {
          this.fold(message.event);
        } else {
          for (const slot of this.slots.values()) {
            if (slot.status === 'failed') continue;
            slot.position = Math.max(slot.position, message.position);
            slot.status = 'live';
            if (slot.sinceSnapshot > 0) this.snapshot(slot);
          }
          this.logger.log(`Read models caught up at position ${message.position}`);
        }
        this.settleWaiters();
        if (this.restart || this.stopping) break;
        if (++sinceCheck >= CHECK_CLOCK_EVERY) {
          sinceCheck = 0;
          if (performance.now() - sliceStart >= SLICE_MS) {
            await yieldToIo();
            sliceStart = performance.now();
          }
        }
      }
      await this.subscription.close();
    }
  }

  private fold(event: RecordedEvent): void {
    const now = Date.now();
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
      slot.sinceSnapshot++;
      // While catching up, snapshot by time only: serialising a large state every N events would
      // dominate a rebuild; once live, by count as well.
      if (
        (slot.status === 'live' && slot.sinceSnapshot >= this.options.snapshotEveryEvents) ||
        now - slot.lastSnapshotAt >= this.options.snapshotIntervalMs
      ) {
        this.snapshot(slot);
      }
    }
  }

  private snapshot(slot: Slot): void {
    this.snapshots.save({
      name: slot.projection.name,
      version: slot.projection.version,
      position: slot.position,
      state: slot.state,
    });
    slot.sinceSnapshot = 0;
    slot.lastSnapshotAt = Date.now();
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
    }));
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

  /** Forgets a model's state and snapshot and folds it again from the start, while the others carry on. */
  rebuild(name: string): void {
    const slot = this.slot(name);
    this.snapshots.delete(name);
    Object.assign(slot, this.restore(slot.projection));
    // The feed restarts from the lowest position, which is now 0 for this model.
    this.restart = true;
    void this.subscription?.close();
    if (!this.running && !this.stopping) this.start();
  }

  async stop(): Promise<void> {
    this.stopping = true;
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
