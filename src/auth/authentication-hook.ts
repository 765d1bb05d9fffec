import { HttpStatus } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../http/problem';
import { ProblemDetailsFilter } from '../http/problem-details.filter';
import { unauthorised } from './auth-problems';
import type { Authenticator } from './authenticator';
import { routePolicy } from './policy';

const problems = new ProblemDetailsFilter();

/**
 * Fastify onRequest hook: establishes `request.principal` (and the client IP
 * hash) for every request. A request without a valid principal is answered
 * 401 here, before its body is read, unless its route is public; the
 * authorisation guard then decides what the principal may do.
 */
export function authenticationHook(authenticator: Authenticator, hashIp: (ip: string) => string) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    request.clientIpHash = hashIp(request.ip);
    const outcome = await authenticator.authenticate(request.headers);
    if ('principal' in outcome) request.principal = outcome.principal;
    if ('failure' in outcome) request.authFailure = outcome.failure;
    // Preflights carry no credentials by design; CORS answers them, or they are 404s.
    if (request.principal || request.method === 'OPTIONS') return;
    if (routePolicy(request.method, request.routeOptions.url)?.public) return;
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
    await problems.send(request, reply, unauthorised(request.authFailure));
  };
}
