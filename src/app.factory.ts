import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { FunctionClock, SystemClock } from './shared/clock';
import { authenticationHook } from './auth/authentication-hook';
import { clientIpHasher } from './auth/client-ip';
import { createAuthenticator } from './auth/create-authenticator';
import { CatalogueService } from './commands/catalogue.service';
import { buildOpenApiDocument } from './openapi/openapi-document';
import { ProblemException } from './shared/problem';
import { ProblemDetailsFilter } from './http/problem-details.filter';
import { AppConfig } from './config/app-config';
import { UPCASTERS } from './domain/upcasters';
import { openEventStore } from './event-store/wiring/event-store.module';
import { UpcasterRegistry } from './event-store/upcasting/upcaster-registry';
import { openStateDatabase } from './state/state-database';
import { CORRELATION_HEADER, correlationIdOf } from './logging/correlation-id';
import { startupLogger } from './logging/logging.module';
import { registerHttpHardening, serverHardening } from './security/http-hardening';
import { handlerTimedOut, registerHandlerTimeout } from './security/handler-timeout';
import { methodNotAllowedHook } from './security/method-not-allowed';
import { recordRoutes } from './security/route-inventory';
import { rateLimitHook } from './security/rate-limit-hook';
import { RateLimiter, rateLimitSettings } from './security/rate-limits';
import { registerDashboard } from './dashboard/dashboard';
import { frameworkErrorHandler } from './security/framework-errors';
import { useJsonBodyLimits } from './security/json-body-parser';
import { registerRequestScreening } from './security/request-screening';
import { IMPORTS_PATH, registerImportUploads } from './imports/import-uploads';

/** Commands and everything else: 1 MiB. */
export const BODY_LIMIT_BYTES = 1024 * 1024;
/** Series posted for charting may hold up to 100,000 points. */
export const ANALYTICS_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

function bodyLimitFor(url: string, config: AppConfig): number {
  if (url.split('?')[0] === IMPORTS_PATH) return config.IMPORT_MAX_BYTES;
  return url.startsWith('/v1/analytics/') ? ANALYTICS_BODY_LIMIT_BYTES : BODY_LIMIT_BYTES;
}

/** The domain's upcasters, registered with the store here: the store itself knows no aggregate. */
export const eventUpcasters = (): UpcasterRegistry => new UpcasterRegistry(UPCASTERS);

/** Builds the application (used by main and by the e2e tests, so both run the same wiring). */
export interface AppOptions {
  /** Pins the service's clock (commands' now, the embedded store's recordedAt): for tests of time. */
  now?: () => Date;
}

export async function createApp(
  config: AppConfig,
  options: AppOptions = {},
): Promise<NestFastifyApplication> {
  const authenticator = createAuthenticator(config);
  const problems = new ProblemDetailsFilter();
  const adapter = new FastifyAdapter({
    bodyLimit: ANALYTICS_BODY_LIMIT_BYTES,
    genReqId: correlationIdOf,
    frameworkErrors: frameworkErrorHandler(problems),
    ...serverHardening(config),
  });
  const fastify = adapter.getInstance();
  await registerHttpHardening(fastify, config);
  // First of the onRequest hooks: the time runs from routing, as Fastify's own option did.
  registerHandlerTimeout(fastify, config.HANDLER_TIMEOUT_MS, (request, reply) =>
    problems.send(request, reply, handlerTimedOut()),
  );
  // Before anything that records or logs the request (the request logger runs after every hook here).
  registerRequestScreening(fastify, problems);
  recordRoutes(fastify);
  fastify.addHook('onRequest', methodNotAllowedHook(fastify, problems));
  const limiter = new RateLimiter(rateLimitSettings(config));
  fastify.addHook(
    'onRequest',
    authenticationHook(authenticator, clientIpHasher(config.CLIENT_IP_HASH_SALT), limiter),
  );
  fastify.addHook('onRequest', rateLimitHook(limiter, problems));
  // Fastify's limit is per server; the tighter per-route limit is enforced on the declared length up front.
  fastify.addHook('onRequest', async (request, reply) => {
    const length = Number(request.headers['content-length'] ?? 0);
    if (length > bodyLimitFor(request.url, config)) {
      await problems.send(
        request,
        reply,
        new ProblemException(
          413,
          'payload-too-large',
          'Payload too large',
          `The request body (${length} bytes) is larger than this route accepts (${bodyLimitFor(request.url, config)} bytes)`,
        ),
      );
    }
  });
  fastify.addHook('onSend', async (request, reply) => {
    reply.header(CORRELATION_HEADER, request.id);
  });
  // Spreadsheets for POST /v1/imports, streamed to a file by the route (docs/integrators/imports.md).
  await registerImportUploads(fastify);
  // After every hook above, so the dashboard's routes get them too (its context copies them when it loads).
  await registerDashboard(fastify);
  // The state database holds what the log can restore (snapshots, checkpoints); idempotency keys are
  // kept by the event store (docs/architecture/guarantees.md). It survives a killed process either
  // way; an fsync per command there would double the cost of every write for nothing.
  const state = openStateDatabase(config.STATE_SQLITE_PATH, 'NORMAL');
  const clock = options.now ? new FunctionClock(options.now) : new SystemClock();
  const store = await openEventStore(config, eventUpcasters(), options.now).catch((error: unknown) => {
    state.close();
    throw error;
  });
  // Only the embedded store can be "fresh"; an EventStoreDB may be unreachable at start-up, which must not stop it.
  const storeWasEmpty = config.EVENT_STORE === 'sqlite' && (await store.headPosition()) === 0;
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.forRoot(config, { store, state, clock, authenticator, storeWasEmpty }),
    adapter,
    { logger: startupLogger(config), abortOnError: false },
  );
  useJsonBodyLimits(app, ANALYTICS_BODY_LIMIT_BYTES);
  app.useGlobalFilters(problems);
  app.enableShutdownHooks();
  // Built on its first request, not at start-up (about 0.2 s of every start); the OpenAPI tests and the fuzzing read it.
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app, app.get(CatalogueService)), {
    jsonDocumentUrl: 'openapi.json',
    yamlDocumentUrl: 'openapi.yaml',
  });
  return app;
}
