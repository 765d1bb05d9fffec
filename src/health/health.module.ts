import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { EventStoreHealthIndicator } from './event-store.health';
import { HealthController } from './health.controller';
import { ProjectionsHealthIndicator } from './projections.health';
import { KafkaRelayHealthIndicator } from './kafka-relay.health';
import { KafkaCommandsHealthIndicator } from './kafka-commands.health';
import { WorklistModule } from '../projections/worklist/worklist.module';
import { WorklistEvaluatorHealthIndicator } from './worklist-evaluator.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false }), WorklistModule],
  controllers: [HealthController],
  providers: [
    EventStoreHealthIndicator,
    ProjectionsHealthIndicator,
    KafkaRelayHealthIndicator,
    KafkaCommandsHealthIndicator,
    WorklistEvaluatorHealthIndicator,
  ],
})
export class HealthModule {}
