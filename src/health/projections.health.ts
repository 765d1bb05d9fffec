import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { ProjectionHealth } from '../projections/runner/projection-runner';
import { ProjectionRunner } from '../projections/runner/projection-runner';

/** `live`: caught up and within the readiness lag; `catching-up`: folding the backlog; `failed`: stopped. */
export type Condition = 'live' | 'catching-up' | 'failed';

/** READY_MAX_LAG, or its default for the store: positions are events on SQLite, log bytes on EventStoreDB. */
export const readyMaxLag = (config: Pick<AppConfig, 'READY_MAX_LAG' | 'EVENT_STORE'>): number =>
  config.READY_MAX_LAG ?? (config.EVENT_STORE === 'esdb' ? 10_000_000 : 10_000);

function conditionOf(model: ProjectionHealth, lag: number | null, maxLag: number): Condition {
  if (model.status === 'failed' || model.status === 'stopped') return 'failed';
  if (model.status === 'live' && lag !== null && lag <= maxLag) return 'live';
  return 'catching-up';
}

/**
 * Each read model's condition, status, position and lag behind the store's
 * head. The readiness rule: every read model live (caught up since the
 * process started, not stopped) and at most READY_MAX_LAG positions behind
 * the head; a model being rebuilt counts as the model that still answers.
 */
@Injectable()
export class ProjectionsHealthIndicator {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
    private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('readModels');
    const head = await this.store.headPosition().catch(() => null);
    const maxLag = readyMaxLag(this.config);
    const health = this.runner.health();
    const models = Object.fromEntries(
      health.map((model) => {
        const lag = head === null ? null : Math.max(0, head - model.position);
        return [
          model.name,
          {
            condition: conditionOf(model, lag, maxLag),
            status: model.status,
            version: model.version,
            position: model.position,
            lag,
            failure: model.failure,
            rebuild: model.rebuild,
          },
        ];
      }),
    );
    const notLive = Object.entries(models).filter(([, model]) => model.condition !== 'live');
    if (notLive.length === 0) return indicator.up({ headPosition: head, maxLag, models });
    return indicator.down({
      reason: notLive
        .map(([name, model]) =>
          model.condition === 'failed'
            ? `${name} ${model.failure ? `stopped at position ${model.failure.position} (${model.failure.eventType})` : 'is not running'}`
            : `${name} is catching up (${model.lag ?? 'unknown'} positions behind; ready at ${maxLag} or fewer)`,
        )
        .join('; '),
      headPosition: head,
      maxLag,
      models,
    });
  }
}
