import type { FastifyRequest } from 'fastify';
import { forbidden } from './auth-problems';
import type { OrganisationResolver } from './organisation-resolver';
import type { RoutePolicy } from './policy';
import { coversOrganisation, Principal } from './principal';

const KNOWLEDGE_BOUNDS = ['asKnownAt', 'atPosition'];

/** A query route's decision: the role, knowledge time travel, and the stream's organisation where the route is scoped. */
export async function authoriseQuery(
  principal: Principal,
  policy: RoutePolicy,
  request: Pick<FastifyRequest, 'method' | 'query' | 'params' | 'routeOptions'>,
  resolver: Pick<OrganisationResolver, 'organisationOfStream'>,
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
  const categories = policy.streamCategories?.[principal.role];
  if (categories) {
    const { streamId } = request.params as { streamId: string };
    if (!categories.some((category) => streamId.startsWith(`${category}-`))) {
      throw forbidden(`The role ${principal.role} may read only ${categories.join(', ')} streams`);
    }
  }
  if (policy.streamScope && principal.organisations !== '*') {
    const { streamId } = request.params as { streamId: string };
    const stream = await resolver.organisationOfStream(streamId);
    const odsCode = stream.found ? stream.odsCode : undefined;
    if (odsCode === undefined || !coversOrganisation(principal, odsCode)) {
      throw forbidden("The stream does not belong to this credential's organisations");
    }
  }
}
