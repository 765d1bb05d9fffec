import { HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../shared/problem';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import type { RateLimiter } from '../security/rate-limits';
import { unauthorised } from './auth-problems';
import type { Authenticator } from './authenticator';
import { routePolicy } from './policy';

const problems = new ProblemDetailsFilter();

/**
 * Fastify onRequest hook: establishes `request.principal` (and the client IP
 * hash) for every request to a protected route. A request without a valid
 * principal is answered 401 here, before its body is read, and counted
 * against its address; an address over that limit is answered 429 before its
 * credentials are even looked at, so a flood of bad tokens costs no signature
 * checks. The authorisation guard then decides what the principal may do.
 */
export function authenticationHook(
  authenticator: Authenticator,
  hashIp: (ip: string) => string,
  limiter: RateLimiter,
) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.clientIpHash = hashIp(request.ip);
    // Preflights carry no credentials by design (CORS answers them, or they are 404s); public routes need none.
    if (request.method === 'OPTIONS' || routePolicy(request.method, request.routeOptions.url)?.public) return;
    const refusal = limiter.addressRefusal(request.ip);
    if (refusal) {
      await problems.send(request, reply, refusal);
      return;
    }
    const outcome = await authenticator.authenticate(request.headers);
    if ('principal' in outcome) {
      request.principal = outcome.principal;
      return;
    }
    if ('failure' in outcome) request.authFailure = outcome.failure;
    if ('unavailable' in outcome) {
      request.log.error({ reason: outcome.unavailable }, 'Cannot fetch the token issuer keys');
      await problems.send(
        request,
        reply,
        new ProblemException(
          HttpStatus.SERVICE_UNAVAILABLE,
          'authentication-unavailable',
          'Service unavailable',
          'Tokens cannot be verified right now; retry later',
          {},
          { 'retry-after': '5' },
        ),
      );
      return;
    }
    limiter.countRefused(request.ip);
    await problems.send(request, reply, unauthorised(request.authFailure));
  };
}
