import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { forbidden, unauthorised } from './auth-problems';
import { OrganisationResolver } from './organisation-resolver';
import { authoriseQuery } from './authorise-query';
import { routePolicy } from './policy';

/**
 * The global guard: every route Nest serves is decided here from the policy
 * table (policy.ts), and nowhere else. A route without an entry is refused.
 * For the command route it decides only what the route decides (a
 * principal); which command, and on what, is the command gateway's.
 */
@Injectable()
export class AuthorisationGuard implements CanActivate {
  constructor(private readonly resolver: OrganisationResolver) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const policy = routePolicy(request.method, request.routeOptions.url);
    if (policy?.public) return true;
    const principal = request.principal;
    if (!principal) throw unauthorised(request.authFailure);
    if (policy === undefined) throw forbidden('No access policy covers this route; it is refused');
    if (!policy.commands) await authoriseQuery(principal, policy, request, this.resolver);
    return true;
  }
}
