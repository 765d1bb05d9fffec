import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { EVENT_STORE } from '../event-store/port';
import type { EventStore } from '../event-store/port';
import { AppConfig } from '../config/app-config';

@Injectable()
export class EventStoreHealthIndicator {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly indicators: HealthIndicatorService,
    private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('eventStore');
    try {
      await this.store.ping();
      return indicator.up({
        condition: 'live',
        adapter: this.config.EVENT_STORE,
        headPosition: await this.store.headPosition(),
      });
    } catch (error) {
      return indicator.down({
        condition: 'failed',
        adapter: this.config.EVENT_STORE,
        reason: error instanceof Error ? error.message : String(error),
      });
    }
  }
}
