import { AggregateDefinition } from './command-definition';
import { organisationAggregate } from './organisation/organisation.commands';

/** Every aggregate and its commands: the public command contract (DESIGN.md §4). */
export const AGGREGATES: readonly AggregateDefinition[] = [organisationAggregate];
