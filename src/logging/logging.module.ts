import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule, Params } from 'nestjs-pino';
import { destination } from 'pino';
import { AppConfig } from '../config/app-config';
import { requestForLog } from './request-for-log';

/**
 * Structured JSON logs (pino). The request id is Fastify's, which the adapter
 * takes from the caller's correlation header (see app.factory), so every line
 * of a request carries the same `correlationId` the response echoes.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    const file = config.LOG_FILE;
    const options = {
      level: config.LOG_LEVEL,
      customAttributeKeys: { reqId: 'correlationId' },
      // pino-http binds the serialised request to a logger for every request, logged or not:
      // with all its headers, redacted, that was 3–4% of a command's CPU. Without headers there
      // are no credentials to redact.
      serializers: { req: requestForLog },
      transport: config.LOG_PRETTY
        ? { target: 'pino-pretty', options: file ? { destination: file, mkdir: true } : {} }
        : undefined,
      autoLogging: { ignore: (req: { url?: string }) => (req.url ?? '').startsWith('/health') },
    };
    const pinoHttp: Params['pinoHttp'] =
      file && !config.LOG_PRETTY ? [options, destination({ dest: file, mkdir: true, sync: true })] : options;
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // The package's default route pattern does not reach Fastify routes on Nest 12.
          forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
          pinoHttp,
        }),
      ],
    };
  }
}
