import { forbidden } from './auth-problems';
import type { OrganisationResolver } from './organisation-resolver';
import { COMMAND_POLICIES, CommandPolicy } from './policy';
import { coversOrganisation, Principal } from './principal';

/** Whether the role may run the command at all, before its body is looked at. */
export function commandPolicyFor(principal: Principal, name: string): CommandPolicy {
  const policy = COMMAND_POLICIES[name];
  if (policy === undefined) throw forbidden(`No access policy covers the command ${name}; it is refused`);
  if (!policy.roles.includes(principal.role)) {
    throw forbidden(`The role ${principal.role} may not run ${name}`);
  }
  return policy;
}

/** Whether organisation scoping applies, and so whether the validated body is needed. */
export const needsOrganisationCheck = (principal: Principal, policy: CommandPolicy): boolean =>
  policy.scope === 'organisation' && principal.organisations !== '*';

/**
 * The whole command decision, for every transport (the HTTP guard calls it;
 * the Kafka consumer calls it with the topic's service principal): the role
 * must be allowed, and an organisation-scoped principal may only touch its own
 * organisations. A command whose organisation cannot be determined is refused.
 * Throws a 403 ProblemException; returns when the command may run.
 */
export async function authoriseCommand(
  principal: Principal,
  definition: { name: string },
  dto: object,
  resolver: Pick<OrganisationResolver, 'organisationsOfCommand'>,
): Promise<void> {
  const policy = commandPolicyFor(principal, definition.name);
  if (!needsOrganisationCheck(principal, policy)) return;
  const organisations = await resolver.organisationsOfCommand(dto);
  if (organisations === undefined) {
    throw forbidden(`The organisation ${definition.name} concerns cannot be determined; it is refused`);
  }
  // Not naming the organisation: it may have been read from another organisation's stream.
  if (!organisations.every((odsCode) => coversOrganisation(principal, odsCode))) {
    throw forbidden(`${definition.name} concerns an organisation outside this credential's organisations`);
  }
}
