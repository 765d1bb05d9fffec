import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { FunctionClock, SystemClock } from './commands/clock';
import { CatalogueService } from './commands/catalogue.service';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { AppConfig } from './config/app-config';
import { openEventStore } from './event-store/event-store.module';
import { openStateDatabase } from './state/state-database';
import { CORRELATION_HEADER, correlationIdOf } from './logging/correlation-id';

/** Commands and everything else: 1 MiB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Series posted for charting may hold up to 100,000 points. */
export const ANALYTICS_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

function bodyLimitFor(url: string): number {
  return url.startsWith('/v1/analytics/') ? ANALYTICS_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
}

/** Builds the application (used by main and by the e2e tests, so both run the same wiring). */
export interface AppOptions {
  /** Pins the service's clock (commands' now, the embedded store's recordedAt): for tests of time. */
  now?: () => Date;
}

export async function createApp(
  config: AppConfig,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: ANALYTICS_BODY_LIMIT_BYTES, genReqId: correlationIdOf });
  // Fastify's limit is per server; the tighter per-route limit is enforced on the declared length up front.
  adapter.getInstance().addHook('onRequest', async (request, reply) => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > bodyLimitFor(request.url)) {
      await reply
        .status(413)
        .header('content-type', 'application/problem+json; charset=utf-8')
        .send(
          JSON.stringify({
            type: 'urn:always-events:problem:payload-too-large',
            title: 'Payload too large',
            status: 413,
            detail: `The request body (${length} bytes) is larger than this route accepts (${bodyLimitFor(request.url)} bytes)`,
            instance: request.url.split('?')[0],
            correlationId: request.id,
          }),
        );
    }
  });
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    reply.header(CORRELATION_HEADER, request.id);
  });
  const state = openStateDatabase(config.STATE_SQLITE_PATH, config.SQLITE_SYNCHRONOUS);
  const clock = options.now ? new FunctionClock(options.now) : new SystemClock();
  const store = await openEventStore(config, options.now).catch((error: unknown) => {
    state.close();
    throw error;
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { store, state, clock }),
    adapter,
    {
      bufferLogs: true,
      abortOnError: false,
    },
  );
  app.useLogger(app.get(Logger));
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app, app.get(CatalogueService));
  SwaggerModule.setup('docs', app, document, {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
  return app;
}
