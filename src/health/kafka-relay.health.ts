import { Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { KafkaRelay } from '../kafka/relay/kafka-relay';
import type { RelayState } from '../kafka/relay/relay-status';

/** The relay's state in the three words every part of /health/ready uses (plus standby and off). */
const CONDITION: Record<RelayState, string> = {
  starting: 'catching-up',
  'catching-up': 'catching-up',
  live: 'live',
  standby: 'standby',
  retrying: 'failed',
  stopped: 'failed',
};

/**
 * The relay's state and lag in /health/ready. Always reported as up: the
 * event store is the source of truth, so a Kafka outage must not take the
 * API out of rotation; it shows here (state, lastError) and in the lag,
 * which is what to alert on.
 */
@Injectable()
export class KafkaRelayHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Optional() private readonly relay?: KafkaRelay,
  ) {}

  get enabled(): boolean {
    return this.relay !== undefined;
  }

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('kafkaRelay');
    if (!this.relay) return indicator.up({ condition: 'off', state: 'off' });
    const { state, broker, published, failures, lastError, lastPublishedAt } = this.relay.status();
    const condition = CONDITION[state];
    try {
      const { headPosition, checkpoint, lag } = await this.relay.lag();
      return indicator.up({
        condition,
        state,
        broker,
        lag,
        checkpoint,
        headPosition,
        published,
        failures,
        lastPublishedAt,
        lastError,
      });
    } catch (error) {
      return indicator.up({
        condition,
        state,
        broker,
        published,
        failures,
        lastError,
        lag: 'unknown',
        reason: String(error),
      });
    }
  }
}
