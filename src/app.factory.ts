import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { CatalogueService } from './commands/catalogue.service';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { AppConfig } from './config/app-config';
import { openEventStore } from './event-store/event-store.module';
import { openStateDatabase } from './state/state-database';
import { CORRELATION_HEADER, correlationIdOf } from './logging/correlation-id';

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the application (used by main and by the e2e tests, so both run the same wiring). */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: BODY_LIMIT_BYTES, genReqId: correlationIdOf });
  adapter.getInstance().addHook('onSend', async (request, reply) => {
    reply.header(CORRELATION_HEADER, request.id);
  });
  const state = openStateDatabase(config.STATE_SQLITE_PATH, config.SQLITE_SYNCHRONOUS);
  const store = await openEventStore(config).catch((error: unknown) => {
    state.close();
    throw error;
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { store, state }),
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
