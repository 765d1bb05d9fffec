import { alwaysEventAggregate } from './always-event/always-event.commands';
import { AggregateDefinition } from './command-definition';
import { engagementAggregate } from './engagement/engagement.commands';
import { evaluationAggregate } from './evaluation/evaluation.commands';
import { measureAggregate } from './measure/measure.commands';
import { organisationAggregate } from './organisation/organisation.commands';
import { participationAggregate } from './participation/participation.commands';
import { personalDataAggregate } from './personal-data/personal-data.commands';
import { pdsaAggregate } from './pdsa/pdsa.commands';
import { programmeAggregate } from './programme/programme.commands';
import { worklistAggregate } from './worklist/worklist.commands';

/**
 * Every aggregate and its commands: the public command contract
 * (docs/architecture/domain-model.md); the worklist has none, only a state to show.
 */
export const AGGREGATES: readonly AggregateDefinition[] = [
  programmeAggregate,
  organisationAggregate,
  participationAggregate,
  engagementAggregate,
  alwaysEventAggregate,
  pdsaAggregate,
  measureAggregate,
  evaluationAggregate,
  personalDataAggregate,
  worklistAggregate,
];
