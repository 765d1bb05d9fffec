/** What other transports (the Kafka command consumer) need to authorise a command as HTTP does. */
export { authoriseCommand } from './authorise-command';
export { COMMANDS_TOPIC, kafkaPrincipalFor, kafkaPrincipals } from './kafka-principal';
export { OrganisationResolver } from './organisation-resolver';
export { COMMAND_POLICIES, ROUTE_POLICIES, READ_MODEL_ROUTE } from './policy';
export type { Principal, Role } from './principal';
