import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import {
  WorklistEvaluatorRunner,
  WorklistEvaluatorStatus,
} from '../projections/worklist/worklist-evaluator-runner';

/** Rounds a lease holder may go without completing one before it reads as degraded. */
export const OVERDUE_INTERVALS = 3;

export type WorklistEvaluatorCondition = 'off' | 'standby' | 'live' | 'degraded';

/**
 * `degraded` when the last round failed, or when this process holds the
 * lease and has not completed a round for more than three intervals (since
 * it started, before its first); `standby` while another instance holds it.
 */
export function worklistEvaluatorCondition(
  status: WorklistEvaluatorStatus,
  nowMs: number,
): WorklistEvaluatorCondition {
  if (!status.runsHere) return 'off';
  if (status.lastRound?.outcome === 'failed') return 'degraded';
  if (!status.holdsLease) return 'standby';
  const since = status.lastCompletedAt ?? status.startedAt;
  const overdue = since !== null && nowMs - Date.parse(since) > OVERDUE_INTERVALS * status.intervalMs;
  return overdue ? 'degraded' : 'live';
}

/**
 * The worklist evaluator in /health/ready: whether it runs here, holds the
 * lease, when it last completed a round, its last error. Always up: the
 * worklist answers from the read models whatever the evaluator does; only
 * the record of its changes in the log (and on Kafka) waits.
 */
@Injectable()
export class WorklistEvaluatorHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly runner: WorklistEvaluatorRunner,
  ) {}

  check(): HealthIndicatorResult {
    const status = this.runner.status();
    const condition = worklistEvaluatorCondition(status, Date.now());
    return this.indicators.check('worklistEvaluator').up({ condition, ...status });
  }
}
