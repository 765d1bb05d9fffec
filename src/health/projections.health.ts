import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { ProjectionRunner } from '../projections/runner/projection-runner';

/** Each read model's position and lag behind the store's head; down when one has stopped on an event. */
@Injectable()
export class ProjectionsHealthIndicator {
  constructor(
    private readonly runner: ProjectionRunner,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('readModels');
    const head = await this.store.headPosition().catch(() => null);
    const models = Object.fromEntries(
      this.runner.health().map((h) => [
        h.name,
        {
          version: h.version,
          status: h.status,
          position: h.position,
          lag: head === null ? null : Math.max(0, head - h.position),
          failure: h.failure,
        },
      ]),
    );
    const failed = this.runner.health().filter((h) => h.status === 'failed');
    if (failed.length > 0) {
      return indicator.down({
        reason: failed
          .map((h) => `${h.name} stopped at position ${h.failure?.position} (${h.failure?.eventType})`)
          .join('; '),
        models,
      });
    }
    return indicator.up({ headPosition: head, models });
  }
}
