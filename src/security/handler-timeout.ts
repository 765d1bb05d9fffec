import { HttpStatus } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../shared/problem';

/** The answer to a request whose route took too long to start answering. */
export const handlerTimedOut = (): ProblemException =>
  new ProblemException(
    HttpStatus.SERVICE_UNAVAILABLE,
    'timeout',
    'Service unavailable',
    'The request took too long and was abandoned; a command may still complete: retry it with the same Idempotency-Key',
    {},
    { 'retry-after': '5' },
  );

interface InFlight {
  request: FastifyRequest;
  reply: FastifyReply;
  deadline: number;
}

const IN_FLIGHT = Symbol('handlerTimeout');

type TrackedRequest = FastifyRequest & { [IN_FLIGHT]?: InFlight };

/**
 * Answers a request through `onTimeout` when its route has not started
 * answering `ms` after routing (a command may still complete after that), to
 * within a quarter of `ms` or a second, whichever is less.
 *
 * Fastify's own `handlerTimeout` gives every request an AbortController and
 * aborts it when the request closes, answered or not, building a DOMException
 * each time; a timer per request costs nearly as much here, where async hooks
 * are on (the request logger's AsyncLocalStorage) and run for every timer
 * created. So one sweep looks over the requests still waiting for an answer,
 * whose number it answers.
 */
export function registerHandlerTimeout(
  fastify: FastifyInstance,
  ms: number,
  onTimeout: (request: FastifyRequest, reply: FastifyReply) => void,
): { waiting(): number } {
  const waiting = new Set<InFlight>();
  const sweep = setInterval(
    () => {
      const now = Date.now();
      for (const entry of waiting) {
        if (entry.deadline > now) continue;
        waiting.delete(entry);
        // A hijacked reply (a stream written by hand) counts as sent.
        if (!entry.reply.sent) onTimeout(entry.request, entry.reply);
      }
    },
    Math.min(1000, ms / 4),
  ).unref();
  fastify.addHook('onClose', (_instance, done) => {
    clearInterval(sweep);
    done();
  });
  fastify.addHook('onRequest', (request: TrackedRequest, reply, done) => {
    const entry = { request, reply, deadline: Date.now() + ms };
    request[IN_FLIGHT] = entry;
    waiting.add(entry);
    done();
  });
  fastify.addHook('onSend', (request: TrackedRequest, _reply, payload, done) => {
    const entry = request[IN_FLIGHT];
    if (entry) waiting.delete(entry);
    done(null, payload);
  });
  return { waiting: () => waiting.size };
}
