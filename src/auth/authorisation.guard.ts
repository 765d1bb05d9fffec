import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CatalogueService } from '../commands/catalogue.service';
import { validateCommand } from '../commands/validation/validate-command';
import { forbidden, unauthorised } from './auth-problems';
import { authoriseCommand, commandPolicyFor, needsOrganisationCheck } from './authorise-command';
import { OrganisationResolver } from './organisation-resolver';
import { authoriseQuery } from './authorise-query';
import { routePolicy } from './policy';
import { Principal } from './principal';

/**
 * The global guard: every route Nest serves is decided here from the policy
 * table (policy.ts), and nowhere else. A route without an entry is refused.
 */
@Injectable()
export class AuthorisationGuard implements CanActivate {
  constructor(
    private readonly catalogue: CatalogueService,
    private readonly resolver: OrganisationResolver,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const policy = routePolicy(request.method, request.routeOptions.url);
    if (policy?.public) return true;
    const principal = request.principal;
    if (!principal) throw unauthorised(request.authFailure);
    if (policy === undefined) throw forbidden('No access policy covers this route; it is refused');
    if (policy.commands) await this.authoriseCommandRequest(principal, request);
    else await authoriseQuery(principal, policy, request, this.resolver);
    return true;
  }

  private async authoriseCommandRequest(principal: Principal, request: FastifyRequest): Promise<void> {
    const { name } = request.params as { name: string };
    const definition = this.catalogue.command(name);
    // The gateway answers 404 for it.
    if (definition === undefined) return;
    const policy = commandPolicyFor(principal, name);
    if (!needsOrganisationCheck(principal, policy)) return;
    // An organisation the raw body plainly names is refused before validation, so an
    // out-of-scope caller learns nothing from the validation errors...
    const body = request.body;
    if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
      const named = await this.resolver.organisationsOfCommand(body);
      if (named !== undefined) await authoriseCommand(principal, definition, body, this.resolver);
    }
    // ...and the decision that counts is made on the validated body, exactly as the command will run it.
    const dto = await validateCommand(definition, body);
    await authoriseCommand(principal, definition, dto, this.resolver);
  }
}
