import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../shared/problem';
import type { ProblemDetailsFilter } from '../http/problem-details.filter';

interface FrameworkError {
  code?: string;
  statusCode?: number;
}

/**
 * Fastify's `frameworkErrors`: the errors its router raises before any hook
 * runs (a path segment over maxParamLength, a malformed percent-encoding).
 * Fastify answers them with plain JSON quoting the path; these answer
 * problem+json that quotes nothing, not even the path as `instance`.
 */
export function frameworkErrorHandler(problems: ProblemDetailsFilter) {
  return (error: FrameworkError, request: FastifyRequest, reply: FastifyReply): void => {
    const { body } = problems.toProblem(error);
    void problems.send(
      request,
      reply,
      new ProblemException(body.status, body.type.split(':').pop() ?? 'error', body.title, body.detail, {
        instance: undefined,
      }),
    );
  };
}
