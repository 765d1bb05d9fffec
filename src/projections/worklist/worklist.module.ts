import { Module } from '@nestjs/common';
import { EVENT_STORE } from '../../event-store/port';
import type { EventStore } from '../../event-store/port';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../../shared/clock';
import { ProjectionRunner } from '../runner/projection-runner';
import { runnerReadModels, WorklistEvaluator } from './worklist-evaluator';
import { WorklistEvaluatorMetrics } from './worklist-evaluator-metrics';
import { WorklistEvaluatorRunner } from './worklist-evaluator-runner';
import { WorklistController } from './worklist.controller';

@Module({
  controllers: [WorklistController],
  providers: [
    {
      provide: WorklistEvaluator,
      inject: [EVENT_STORE, ProjectionRunner, Clock, AppConfig],
      useFactory: (store: EventStore, runner: ProjectionRunner, clock: Clock, config: AppConfig) =>
        new WorklistEvaluator({
          store,
          clock,
          readModels: runnerReadModels(runner, config.READ_YOUR_WRITES_TIMEOUT_MS),
        }),
    },
    WorklistEvaluatorMetrics,
    WorklistEvaluatorRunner,
  ],
  exports: [WorklistEvaluator, WorklistEvaluatorRunner],
})
export class WorklistModule {}
