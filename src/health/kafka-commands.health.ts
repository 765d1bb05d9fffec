import { Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { KafkaCommandConsumer } from '../kafka/commands/kafka-command-consumer';

/**
 * The command consumer's state in /health/ready where it runs. Always up:
 * HTTP commands work whatever Kafka does; the state, last error and lag say
 * how Kafka commands are doing.
 */
@Injectable()
export class KafkaCommandsHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Optional() private readonly consumer?: KafkaCommandConsumer,
  ) {}

  get enabled(): boolean {
    return this.consumer !== undefined;
  }

  async check(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('kafkaCommands');
    if (!this.consumer) return indicator.up({ condition: 'off', state: 'off' });
    const { state, broker, topic, groupId, consumed, failures, lastError, lastConsumedAt } =
      this.consumer.status();
    const lag = await this.consumer.lag();
    const condition =
      state === 'running'
        ? lag === 0
          ? 'live'
          : 'catching-up'
        : state === 'starting' || state === 'joining'
          ? 'catching-up'
          : 'failed';
    return indicator.up({
      condition,
      state,
      broker,
      topic,
      groupId,
      lag: lag ?? 'unknown',
      consumed,
      failures,
      lastConsumedAt,
      lastError,
    });
  }
}
