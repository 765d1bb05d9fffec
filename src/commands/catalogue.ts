import { alwaysEventAggregate } from './always-event/always-event.commands';
import { AggregateDefinition } from './command-definition';
import { evaluationAggregate } from './evaluation/evaluation.commands';
import { measureAggregate } from './measure/measure.commands';
import { organisationAggregate } from './organisation/organisation.commands';
import { pdsaAggregate } from './pdsa/pdsa.commands';

/** Every aggregate and its commands: the public command contract (DESIGN.md §4). */
export const AGGREGATES: readonly AggregateDefinition[] = [
  organisationAggregate,
  alwaysEventAggregate,
  pdsaAggregate,
  measureAggregate,
  evaluationAggregate,
];
