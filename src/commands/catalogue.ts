import { AggregateDefinition } from './command-definition';
import { engagementAggregate } from './engagement/engagement.commands';
import { organisationAggregate } from './organisation/organisation.commands';
import { participationAggregate } from './participation/participation.commands';
import { programmeAggregate } from './programme/programme.commands';

/** Every aggregate and its commands: the public command contract (DESIGN.md §4). */
export const AGGREGATES: readonly AggregateDefinition[] = [
  organisationAggregate,
  programmeAggregate,
  participationAggregate,
  engagementAggregate,
];
