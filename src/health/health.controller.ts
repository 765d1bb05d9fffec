import { Controller, Get, HttpStatus, ServiceUnavailableException } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { ProblemException } from '../shared/problem';
import { EventStoreHealthIndicator } from './event-store.health';
import { KafkaCommandsHealthIndicator } from './kafka-commands.health';
import { KafkaRelayHealthIndicator } from './kafka-relay.health';
import { ProjectionsHealthIndicator } from './projections.health';
import { WorklistEvaluatorHealthIndicator } from './worklist-evaluator.health';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly eventStore: EventStoreHealthIndicator,
    private readonly readModels: ProjectionsHealthIndicator,
    private readonly kafkaRelay: KafkaRelayHealthIndicator,
    private readonly kafkaCommands: KafkaCommandsHealthIndicator,
    private readonly worklistEvaluator: WorklistEvaluatorHealthIndicator,
  ) {}

  /** The process is up and serving HTTP. */
  @Get('live')
  @HealthCheck()
  live(): Promise<HealthCheckResult> {
    return this.health.check([]);
  }

  /**
   * The service can take traffic: its store answers and every read model is
   * live, at most READY_MAX_LAG positions behind the log. A 503 is
   * problem+json naming what is not ready, with every check's details. Each
   * part says its condition (live, catching-up with its lag, failed); the
   * Kafka relay and command consumer are shown where they run, and the
   * worklist evaluator always, but never make the service unready: the store
   * is the source of truth.
   */
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    try {
      return await this.health.check([
        () => this.eventStore.check(),
        () => this.readModels.check(),
        ...(this.kafkaRelay.enabled ? [() => this.kafkaRelay.check()] : []),
        ...(this.kafkaCommands.enabled ? [() => this.kafkaCommands.check()] : []),
        () => this.worklistEvaluator.check(),
      ]);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const failing = Object.entries(result.error ?? {})
        .map(([name, check]) => `${name}: ${String(check?.reason ?? check?.status)}`)
        .join('; ');
      throw new ProblemException(
        HttpStatus.SERVICE_UNAVAILABLE,
        'not-ready',
        'Not ready',
        `Not ready: ${failing}`,
        { checks: result.details },
        { 'retry-after': '5' },
      );
    }
  }
}
