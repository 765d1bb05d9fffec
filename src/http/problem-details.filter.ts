import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../domain/shared';
import {
  EventStoreUnavailableError,
  IdempotencyConflictError,
  IdempotencyKeyReusedError,
  InvalidAppendError,
  InvalidReadError,
  StreamDeletedError,
  WrongExpectedRevisionError,
} from '../event-store/errors';
import { ProblemBody, ProblemException, problemType } from '../shared/problem';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorised',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  410: 'Gone',
  412: 'Precondition failed',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** What the framework's own refusals say, whatever the input was. */
const FRAMEWORK_DETAILS: Record<number, string> = {
  400: 'The request cannot be processed',
  404: 'Nothing is served at this path',
  405: 'This method is not served at this path',
  413: 'The request body is larger than the server accepts (1 MiB)',
  414: 'The request URL, or a part of its path, is longer than the server accepts',
  415: 'The Content-Type is not one this route accepts: send application/json',
};

const FASTIFY_DETAILS: Record<string, string> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is larger than the server accepts (1 MiB)',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: FRAMEWORK_DETAILS[415],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The request body is not as long as its Content-Length says',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty but its Content-Type says JSON',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON',
  FST_ERR_BAD_URL: 'The request URL is not valid (a malformed percent-encoding)',
  FST_ERR_MAX_PARAM_LENGTH: FRAMEWORK_DETAILS[414],
};

/** Fastify's own errors (body parsing, limits) carry a code and a statusCode. */
interface FastifyLikeError {
  code?: string;
  statusCode?: number;
  message: string;
}

function frameworkDetail(status: number, error: unknown): string {
  const code = (error as FastifyLikeError | undefined)?.code ?? '';
  return (
    FASTIFY_DETAILS[code] ??
    (error instanceof SyntaxError ? FASTIFY_DETAILS.FST_ERR_CTP_INVALID_JSON_BODY : undefined) ??
    FRAMEWORK_DETAILS[status] ??
    TITLES[status] ??
    'The request cannot be processed'
  );
}

function slugOf(status: number): string {
  return (TITLES[status] ?? 'error').toLowerCase().replace(/[^a-z]+/g, '-');
}

/**
 * Every error leaves the service as RFC 9457 application/problem+json: our
 * own ProblemExceptions as they are, domain and store errors mapped to their
 * status, framework errors by status, and anything unexpected as a 500 that
 * says nothing about internals (the log has the details, under the same
 * correlation id).
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    void this.send(http.getRequest<FastifyRequest>(), http.getResponse<FastifyReply>(), exception);
  }

  /** Also used by Fastify hooks and handlers that answer before Nest sees the request. */
  send(request: FastifyRequest, reply: FastifyReply, exception: unknown): FastifyReply {
    const { body, headers } = this.toProblem(exception);
    // A problem that leaves `instance` out on purpose (a refused path) says so with an undefined one.
    if (!('instance' in body)) body.instance = request.url?.split('?')[0];
    body.correlationId = String(request.id);
    if (exception instanceof ProblemException && body.status === HttpStatus.SERVICE_UNAVAILABLE) {
      // A deliberate "not now" (not ready yet, a rebuild folding, a dependency down): a state the
      // answer already explains, asked again every few seconds by probes; not a fault with a stack.
      this.logger.warn({ correlationId: request.id, problem: body.type }, body.detail);
    } else if (body.status >= 500) {
      this.logger.error({ err: exception, correlationId: request.id }, body.detail);
    }
    return reply
      .status(body.status)
      .headers({ ...headers, 'content-type': 'application/problem+json; charset=utf-8' })
      .send(JSON.stringify(body));
  }

  toProblem(exception: unknown): { body: ProblemBody; headers: Record<string, string> } {
    if (exception instanceof ProblemException) {
      return { body: exception.body(), headers: exception.headers };
    }
    if (exception instanceof DomainError) {
      const status = exception.kind === 'conflict' ? HttpStatus.CONFLICT : HttpStatus.UNPROCESSABLE_ENTITY;
      return {
        body: {
          type: problemType(`rule/${exception.rule}`),
          title:
            exception.kind === 'conflict'
              ? 'The command conflicts with the current state'
              : 'The command breaks a rule',
          status,
          detail: exception.message,
          rule: exception.rule,
          ...(exception.field
            ? { errors: [{ field: exception.field, rule: exception.rule, message: exception.message }] }
            : {}),
        },
        headers: {},
      };
    }
    if (exception instanceof WrongExpectedRevisionError) {
      const problem = this.simple(HttpStatus.CONFLICT, 'concurrency-conflict', exception.message, {
        stream: exception.stream,
        actualRevision: exception.actual,
      });
      return { ...problem, headers: { 'retry-after': '1' } };
    }
    if (exception instanceof IdempotencyKeyReusedError) {
      const detail = `it was first used for a different ${exception.firstCommand} request`;
      return {
        body: {
          type: problemType('idempotency-key-reused'),
          title: 'Idempotency key reused',
          status: HttpStatus.UNPROCESSABLE_ENTITY,
          detail,
          errors: [
            {
              field: 'Idempotency-Key',
              rule: 'idempotency-key-reused',
              message: `Key ${exception.key}: ${detail}`,
            },
          ],
        },
        headers: {},
      };
    }
    if (exception instanceof StreamDeletedError) {
      // A refusal, not an outage: retrying gets the same answer (port.ts says what a deleted stream takes).
      return this.simple(HttpStatus.GONE, 'stream-deleted', exception.message, {
        stream: exception.stream,
        tombstoned: exception.tombstoned,
      });
    }
    if (exception instanceof InvalidReadError) {
      return this.simple(HttpStatus.BAD_REQUEST, 'invalid-read', exception.message);
    }
    if (exception instanceof IdempotencyConflictError || exception instanceof InvalidAppendError) {
      return this.simple(HttpStatus.UNPROCESSABLE_ENTITY, 'append-refused', exception.message);
    }
    if (exception instanceof EventStoreUnavailableError) {
      const problem = this.simple(
        HttpStatus.SERVICE_UNAVAILABLE,
        'event-store-unavailable',
        'The event store cannot be reached; nothing was written. Retry with the same Idempotency-Key.',
      );
      return { ...problem, headers: { 'retry-after': '5' } };
    }
    // Framework errors word their messages from the input (`Cannot GET /path`, a parser's snippet
    // of the body): a fixed detail per code or status is sent instead, never their message.
    // Nest wraps Fastify's 4xx errors in an HttpException whose cause is the original.
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return this.simple(status, slugOf(status), frameworkDetail(status, exception.cause));
    }
    const fastify = exception as FastifyLikeError;
    if (typeof fastify?.statusCode === 'number' && fastify.statusCode >= 400 && fastify.statusCode < 500) {
      return this.simple(
        fastify.statusCode,
        slugOf(fastify.statusCode),
        frameworkDetail(fastify.statusCode, fastify),
      );
    }
    return this.simple(
      HttpStatus.INTERNAL_SERVER_ERROR,
      'internal-error',
      'An unexpected error occurred; it has been logged under this correlation id',
    );
  }

  private simple(
    status: number,
    slug: string,
    detail: string,
    extensions: Partial<ProblemBody> = {},
  ): { body: ProblemBody; headers: Record<string, string> } {
    return {
      body: { type: problemType(slug), title: TITLES[status] ?? 'Error', status, detail, ...extensions },
      headers: {},
    };
  }
}
