import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { SHARED_LEASES } from '../../coordination/shared-lease';
import type { SharedLease, SharedLeases } from '../../coordination/shared-lease';
import { WorklistEvaluator } from './worklist-evaluator';
import { WorklistEvaluatorMetrics, WorklistRoundOutcome } from './worklist-evaluator-metrics';

/** The lease that lets one instance of a deployment evaluate at a time. */
export const WORKLIST_EVALUATOR_LEASE = 'worklist-evaluator';

/** What /health/ready shows of the evaluator in this process (times are wall-clock instants). */
export interface WorklistEvaluatorStatus {
  /** Whether this process runs the evaluator (WORKLIST_EVALUATE_INTERVAL_MS > 0 and api or projections). */
  runsHere: boolean;
  intervalMs: number;
  /** When this process started running it; overdue is measured from here until a round completes. */
  startedAt: string | null;
  /** Whether the last round found this process holding the lease. */
  holdsLease: boolean;
  lastRound: { at: string; outcome: WorklistRoundOutcome } | null;
  /** When a round last evaluated every programme. */
  lastCompletedAt: string | null;
  /** The error of the last round that failed, until a round completes. */
  lastError: string | null;
}

/**
 * Runs the worklist evaluator every WORKLIST_EVALUATE_INTERVAL_MS wherever
 * the read models run. Only the holder of a lease in the shared store
 * evaluates, to spare the others the work; correctness does not rest on it
 * (the stream's expected revision does), so a holder that has lost the
 * lease without knowing it yet does no harm.
 */
@Injectable()
export class WorklistEvaluatorRunner implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('WorklistEvaluator');
  private readonly lease: SharedLease;
  private timer: NodeJS.Timeout | undefined;
  private round: Promise<void> | undefined;
  private stopping = false;
  private lastProblem: string | undefined;
  private readonly current: WorklistEvaluatorStatus;

  constructor(
    private readonly evaluator: WorklistEvaluator,
    private readonly config: AppConfig,
    @Inject(SHARED_LEASES) leases: SharedLeases,
    private readonly metrics: WorklistEvaluatorMetrics,
  ) {
    const interval = config.WORKLIST_EVALUATE_INTERVAL_MS;
    // Outlives a few missed rounds, so a busy holder keeps it; a dead one hands over within the TTL.
    this.lease = leases({ name: WORKLIST_EVALUATOR_LEASE, ttlMs: Math.max(30_000, 3 * interval) });
    this.current = {
      runsHere: this.enabled,
      intervalMs: interval,
      startedAt: null,
      holdsLease: false,
      lastRound: null,
      lastCompletedAt: null,
      lastError: null,
    };
  }

  status(): WorklistEvaluatorStatus {
    return { ...this.current };
  }

  private get enabled(): boolean {
    const roles = this.config.APP_ROLES;
    return (
      this.config.WORKLIST_EVALUATE_INTERVAL_MS > 0 &&
      (roles.includes('api') || roles.includes('projections'))
    );
  }

  onApplicationBootstrap(): void {
    if (!this.enabled) return;
    this.current.startedAt = new Date().toISOString();
    this.schedule(Math.min(this.config.WORKLIST_EVALUATE_INTERVAL_MS, 5_000));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.round;
    await this.lease.release().catch(() => undefined);
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    this.timer = setTimeout(() => {
      this.round = this.evaluateIfHeld().finally(() => {
        this.round = undefined;
        this.schedule(this.config.WORKLIST_EVALUATE_INTERVAL_MS);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async evaluateIfHeld(): Promise<void> {
    try {
      this.current.holdsLease = await this.lease.tryAcquire();
      if (!this.current.holdsLease) return this.finish('standby');
      const evaluation = await this.evaluator.evaluate();
      if (evaluation.status === 'read-models-behind') {
        this.report(
          'behind',
          `read models not yet at position ${evaluation.position}; next round tries again`,
        );
        return this.finish(evaluation.status);
      }
      this.lastProblem = undefined;
      const at = new Date();
      this.current.lastCompletedAt = at.toISOString();
      this.current.lastError = null;
      this.metrics.evaluated(evaluation, at);
      this.finish(evaluation.status);
      for (const { programmeSlug, opened, closed, revised } of evaluation.programmes) {
        if (opened + closed + revised > 0)
          this.logger.log(
            `Worklist of ${programmeSlug}: ${opened} item(s) opened, ${revised} revised, ${closed} closed`,
          );
      }
    } catch (error) {
      this.current.lastError = error instanceof Error ? error.message : String(error);
      this.finish('failed');
      this.report('failed', `round failed: ${this.current.lastError}`);
    }
  }

  private finish(outcome: WorklistRoundOutcome): void {
    this.current.lastRound = { at: new Date().toISOString(), outcome };
    this.metrics.round(outcome, this.current.holdsLease);
  }

  /** Once per run of the same kind of problem, not every round. */
  private report(kind: string, problem: string): void {
    if (kind !== this.lastProblem) this.logger.warn(`Worklist evaluation ${problem}`);
    this.lastProblem = kind;
  }
}
