import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

const TIMER = Symbol('handlerTimeout');

type TimedRequest = FastifyRequest & { [TIMER]?: NodeJS.Timeout };

/**
 * Answers a request through `onTimeout` when its route has not started
 * answering `ms` after routing (a command may still complete after that).
 *
 * Fastify's own `handlerTimeout` does the same, but gives every request an
 * AbortController and aborts it when the request closes, answered or not:
 * building a DOMException per request was 4–5% of a command's CPU under load.
 * Here a request costs one timer, cleared when its answer starts (a request
 * whose client left still times out: its handler is as stuck either way).
 */
export function registerHandlerTimeout(
  fastify: FastifyInstance,
  ms: number,
  onTimeout: (request: FastifyRequest, reply: FastifyReply) => void,
): void {
  fastify.addHook('onRequest', (request: TimedRequest, reply, done) => {
    request[TIMER] = setTimeout(() => {
      // A hijacked reply (a stream written by hand) counts as sent.
      if (!reply.sent) onTimeout(request, reply);
    }, ms);
    done();
  });
  fastify.addHook('onSend', (request: TimedRequest, _reply, payload, done) => {
    clearTimeout(request[TIMER]);
    done(null, payload);
  });
}
