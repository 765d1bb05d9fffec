import type { AllSubscription, EventStore } from '../../event-store/port';
import { applyProjection, Projection } from './projection';
import type { LoggedEvent } from './snapshot-store';
import { TimeSlice } from './time-slice';

export type RebuildStatus = 'folding' | 'failed';

/** The event the rebuild could not fold, or (no event) why the log could not be read. */
export interface RebuildFailure {
  eventId?: string;
  eventType?: string;
  streamId?: string;
  position: number;
  message: string;
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A rebuild under way, as health and the admin API show it. */
export interface RebuildProgress {
  status: RebuildStatus;
  /** Last global position folded into the new state. */
  position: number;
  startedAt: string;
  failure: RebuildFailure | null;
}

/**
 * Folds one read model again from position 0, on a subscription of its own,
 * beside the live model (which keeps answering queries and folding new
 * events). `isReady` is asked after every message once the feed has caught
 * up with the log; when it says yes (and `mayReplace` has settled), `onReady` takes the new state and
 * position (the runner swaps it in, between two events) and the feed stops.
 * Everything is read, not only the events the model takes, so its position
 * moves with the log's and can meet the live feed's.
 */
export class RebuildFeed<State = unknown> {
  private state: State;
  private readonly progress: RebuildProgress;
  private subscription: AllSubscription | undefined;
  private closed = false;
  readonly done: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly projection: Projection<State>,
    private readonly isReady: (position: number) => boolean,
    /** Settles once the live models may be replaced (the runner holds them still during a walk over them). */
    private readonly mayReplace: () => Promise<void>,
    private readonly onReady: (state: State, position: number, lastEvent: LoggedEvent | null) => void,
    private readonly onFailure: (failure: RebuildFailure) => void,
  ) {
    this.state = projection.initialState();
    this.progress = { status: 'folding', position: 0, startedAt: new Date().toISOString(), failure: null };
    this.done = this.run();
  }

  /** The state folded so far (the runner clears its store when the rebuild does not take the model's place). */
  get folded(): State {
    return this.state;
  }

  status(): RebuildProgress {
    return { ...this.progress };
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.subscription?.close();
    await this.done;
  }

  private async run(): Promise<void> {
    const subscription = this.store.subscribeToAll({ fromPosition: 0 });
    this.subscription = subscription;
    const slice = new TimeSlice();
    let caughtUp = false;
    let lastEvent: LoggedEvent | null = null;
    try {
      for await (const message of subscription) {
        if (this.closed) break;
        if (message.kind === 'event') {
          const { event } = message;
          try {
            this.state = applyProjection(this.projection, this.state, event);
          } catch (error) {
            this.fail({
              eventId: event.id,
              eventType: event.type,
              streamId: event.streamId,
              position: event.position,
              message: describe(error),
            });
            break;
          }
          this.progress.position = event.position;
          lastEvent = event;
        } else {
          caughtUp = true;
          this.progress.position = Math.max(this.progress.position, message.position);
        }
        if (caughtUp && this.isReady(this.progress.position)) {
          await this.mayReplace();
          if (this.closed) break;
          // The live feed may have folded more while this one waited: then it reads on first.
          if (this.isReady(this.progress.position)) {
            this.closed = true;
            this.onReady(
              this.state,
              this.progress.position,
              lastEvent && { position: lastEvent.position, id: lastEvent.id },
            );
            break;
          }
        }
        if (slice.due()) await slice.pause();
      }
    } catch (error) {
      if (!this.closed) this.fail({ position: this.progress.position, message: describe(error) });
    } finally {
      await subscription.close();
    }
  }

  private fail(failure: RebuildFailure): void {
    this.progress.status = 'failed';
    this.progress.failure = failure;
    this.onFailure(failure);
  }
}
