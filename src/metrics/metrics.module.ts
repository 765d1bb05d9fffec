import { Global, Module } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';
import { CommandMetrics } from './command-metrics';
import { MetricsController } from './metrics.controller';

/**
 * One Prometheus registry per application, injectable as `Registry`: a
 * capability registers its own metrics in it (e.g. the Kafka relay's) and
 * GET /metrics serves them all. Not the library's global registry, so several
 * applications in one process (tests) never collide.
 */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [
    {
      provide: Registry,
      useFactory: () => {
        const registry = new Registry();
        collectDefaultMetrics({ register: registry });
        return registry;
      },
    },
    CommandMetrics,
  ],
  exports: [Registry, CommandMetrics],
})
export class MetricsModule {}
