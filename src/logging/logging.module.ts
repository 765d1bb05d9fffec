import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { Logger, LoggerModule, PinoLogger } from 'nestjs-pino';
import type { Params } from 'nestjs-pino';
import { destination } from 'pino';
import { AppConfig } from '../config/app-config';
import { requestForLog } from './request-for-log';

type LoggingSettings = Pick<AppConfig, 'LOG_LEVEL' | 'LOG_PRETTY' | 'LOG_DESTINATION' | 'LOG_FILE'>;

/** The stream the JSON lines go to: a file (appended, each line before the next), stderr or stdout. */
function logStream(config: LoggingSettings) {
  if (config.LOG_FILE) return destination({ dest: config.LOG_FILE, mkdir: true, sync: true });
  // stderr keeps stdout for data (the CLI).
  return config.LOG_DESTINATION === 'stderr' ? destination(2) : undefined;
}

/** The logger's settings, for the module and for the logger Nest starts with. */
export function loggerParams(config: LoggingSettings): Params {
  const options = {
    level: config.LOG_LEVEL,
    customAttributeKeys: { reqId: 'correlationId' },
    // pino-http binds the serialised request to a logger for every request, logged or not:
    // with all its headers, redacted, that was 3–4% of a command's CPU. Without headers there
    // are no credentials to redact.
    serializers: { req: requestForLog },
    transport: config.LOG_PRETTY
      ? {
          target: 'pino-pretty',
          options: config.LOG_FILE
            ? { destination: config.LOG_FILE, mkdir: true }
            : { destination: config.LOG_DESTINATION === 'stderr' ? 2 : 1 },
        }
      : undefined,
    autoLogging: { ignore: (req: { url?: string }) => (req.url ?? '').startsWith('/health') },
  };
  const stream = config.LOG_PRETTY ? undefined : logStream(config);
  return {
    // The package's default route pattern does not reach Fastify routes on Nest 12.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: stream ? [options, stream] : options,
  };
}

/**
 * The logger Nest itself starts with, so its start-up lines are written as
 * they happen, each with its own time (buffering them until the application
 * is built gave them all the one time they were flushed at).
 */
export const startupLogger = (config: LoggingSettings): Logger =>
  new Logger(new PinoLogger(loggerParams(config)), {});

/**
 * Structured JSON logs (pino). The request id is Fastify's, which the adapter
 * takes from the caller's correlation header (see app.factory), so every line
 * of a request carries the same `correlationId` the response echoes.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [LoggerModule.forRoot(loggerParams(config))],
    };
  }
}
