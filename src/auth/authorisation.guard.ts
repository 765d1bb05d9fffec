import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { CatalogueService } from '../commands/catalogue.service';
import { validateCommand } from '../commands/validation/validate-command';
import { forbidden, unauthorised } from './auth-problems';
import { authoriseCommand, commandPolicyFor, needsOrganisationCheck } from './authorise-command';
import { OrganisationResolver } from './organisation-resolver';
import { RoutePolicy, routePolicy } from './policy';
import { coversOrganisation, Principal } from './principal';

const KNOWLEDGE_BOUNDS = ['asKnownAt', 'atPosition'];

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
    else await this.authoriseQuery(principal, policy, request);
    return true;
  }

  private async authoriseQuery(
    principal: Principal,
    policy: RoutePolicy,
    request: FastifyRequest,
  ): Promise<void> {
    if (!policy.roles?.includes(principal.role)) {
      throw forbidden(`The role ${principal.role} may not use ${request.method} ${request.routeOptions.url}`);
    }
    const query = (request.query ?? {}) as Record<string, unknown>;
    const bound = KNOWLEDGE_BOUNDS.find((name) => query[name] !== undefined);
    if (bound && policy.knowledgeTimeTravel && !policy.knowledgeTimeTravel.includes(principal.role)) {
      throw forbidden(
        `The role ${principal.role} may read as of a business date (asOf) but not as known at (${bound})`,
      );
    }
    if (policy.streamScope && principal.organisations !== '*') {
      const { streamId } = request.params as { streamId: string };
      const stream = await this.resolver.organisationOfStream(streamId);
      const odsCode = stream.found ? stream.odsCode : undefined;
      if (odsCode === undefined || !coversOrganisation(principal, odsCode)) {
        throw forbidden("The stream does not belong to this credential's organisations");
      }
    }
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
