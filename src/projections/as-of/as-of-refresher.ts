import { Logger } from '@nestjs/common';
import type { EventStore } from '../../event-store/port';
import type { Projection } from '../runner/projection';
import type { ProjectionRunner } from '../runner/projection-runner';
import type { AsOfSnapshotStore } from './as-of-snapshot-store';
import { recentMonthEnds } from './month-end-grid';
import { onGrid, replayAsOf } from './replay-as-of';

/** How often it looks whether the log has moved on since its last pass (each pass writes every snapshot again). */
const EVERY_MS = 10 * 60_000;
/**
 * The first look, after start-up: snapshots kept from before a restart serve
 * meanwhile, and a process that starts and stops soon (a one-off job, a test)
 * never spends a pass of folds from the start.
 */
const FIRST_MS = 2 * 60_000;

/**
 * Keeps the last few month ends' snapshots up to date in the background:
 * once every read model is live, and again when the log has moved on, it
 * folds each model at each month end on from its latest snapshot (from the
 * start the first time), one model and date at a time, so at most one extra
 * state is in memory. The folds yield to I/O every few milliseconds
 * (replay.ts), so queries are served meanwhile.
 */
export class AsOfSnapshotRefresher {
  private readonly logger = new Logger(AsOfSnapshotRefresher.name);
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;
  private pass: Promise<void> | undefined;
  private refreshedAt = -1;
  private stopped = false;

  constructor(
    private readonly store: EventStore,
    private readonly runner: ProjectionRunner,
    private readonly snapshots: AsOfSnapshotStore,
    private readonly months: number,
    private readonly now: () => Date = () => new Date(),
  ) {}

  start(): void {
    if (this.months === 0) return;
    this.stopped = false;
    this.timer = setInterval(() => void this.refreshIfDue(), EVERY_MS).unref();
    this.first = setTimeout(() => void this.refreshIfDue(), FIRST_MS).unref();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.first);
    await this.pass;
  }

  /** One pass over every model and month end, unless one is running, the models are behind or nothing is new. */
  refreshIfDue(): Promise<void> {
    if (this.pass) return this.pass;
    this.pass = this.refresh()
      .catch((error: unknown) =>
        this.logger.warn(
          `As-of snapshots not refreshed: ${error instanceof Error ? error.message : String(error)}`,
        ),
      )
      .finally(() => (this.pass = undefined));
    return this.pass;
  }

  private async refresh(): Promise<void> {
    if (this.runner.health().some((model) => model.status !== 'live')) return;
    const head = await this.store.headPosition();
    if (head === this.refreshedAt) return;
    const started = Date.now();
    const dates = recentMonthEnds(this.now(), this.months);
    for (const projection of this.runner.projections() as Projection[]) {
      for (const asOf of dates) {
        if (this.stopped) return;
        if (onGrid(projection, { asOf }))
          await replayAsOf(this.store, projection, { asOf }, this.snapshots, { refresh: true });
      }
    }
    this.refreshedAt = head;
    this.logger.log(
      `As-of snapshots at ${dates.length} month ends refreshed to position ${head} in ${Date.now() - started} ms`,
    );
  }
}
