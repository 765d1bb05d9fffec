import { Controller, Get, Header } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Registry } from 'prom-client';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly registry: Registry) {}

  /** Prometheus text exposition format. */
  @Get()
  @ApiOperation({
    summary:
      'Prometheus metrics (text exposition format 0.0.4): commands, read models, the worklist evaluator, Kafka relay and command consumer, the process. Roles: programme-admin, metrics',
  })
  @ApiResponse({
    status: 200,
    description: 'One sample per line',
    content: { [Registry.PROMETHEUS_CONTENT_TYPE]: { schema: { type: 'string' } } },
  })
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
