import type { FastifyReply, FastifyRequest } from 'fastify';
import { routePolicy } from '../auth/policy';
import type { ProblemDetailsFilter } from '../http/problem-details.filter';
import { RateLimiter, requestKind } from './rate-limits';

/**
 * Fastify onRequest hook, after authentication: counts the request against
 * its credential's limit for its kind (command or query) and answers 429 past
 * it, before the body is read. Requests the policy then refuses count too.
 */
export function rateLimitHook(limiter: RateLimiter, problems: ProblemDetailsFilter) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const principal = request.principal;
    if (!principal) return;
    const route = request.routeOptions.url;
    if (routePolicy(request.method, route)?.public) return;
    const refusal = limiter.checkPrincipal(principal, requestKind(request.method, route));
    if (refusal) await problems.send(request, reply, refusal);
  };
}
