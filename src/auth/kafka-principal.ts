import { isRole, parseOrganisationScope, Principal } from './principal';

/** The topic commands arrive on with the default KAFKA_TOPIC_PREFIX (docs/operations/kafka.md). */
export const COMMANDS_TOPIC = 'always-events.commands.v1';

/**
 * The principal Kafka commands run as, per topic, from
 * KAFKA_COMMANDS_PRINCIPAL: `role:ODS1,ODS2` (or `role:*`) for the commands
 * topic (`commandsTopic`: the service's own, whatever KAFKA_TOPIC_PREFIX), or
 * `topic=role:orgs` entries separated by `;`.
 *
 * A service principal per topic, not a token per message: the broker already
 * authenticates producers (SASL or mTLS) and its ACLs decide who may write
 * to a topic, so the topic stands for the producer. The consumer passes this
 * principal, the command's definition and its validated DTO to
 * `authoriseCommand`, exactly as the HTTP guard does, and records the
 * principal on the events as their actor.
 */
export function kafkaPrincipals(
  setting: string | undefined,
  commandsTopic: string = COMMANDS_TOPIC,
): Map<string, Principal> {
  const principals = new Map<string, Principal>();
  for (const entry of (setting ?? '').split(';').filter((e) => e.trim().length > 0)) {
    const [topic, spec] = entry.includes('=') ? entry.split('=', 2) : [commandsTopic, entry];
    const colon = spec.indexOf(':');
    const role = spec.slice(0, colon);
    const organisations = parseOrganisationScope(spec.slice(colon + 1).split(','));
    if (colon < 0 || !isRole(role) || organisations === undefined) {
      throw new Error(`KAFKA_COMMANDS_PRINCIPAL: "${entry}" must be role:ODS1,ODS2 or role:*`);
    }
    principals.set(topic.trim(), { id: `kafka:${topic.trim()}`, role, organisations, strategy: 'service' });
  }
  return principals;
}

/** The principal for a topic; undefined means commands from it are refused. */
export function kafkaPrincipalFor(
  setting: string | undefined,
  topic: string,
  commandsTopic: string = COMMANDS_TOPIC,
): Principal | undefined {
  return kafkaPrincipals(setting, commandsTopic).get(topic);
}
