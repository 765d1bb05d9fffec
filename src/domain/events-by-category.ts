import type { AlwaysEventEvent } from './always-event/events';
import type { EngagementEvent } from './engagement/events';
import type { EvaluationEvent } from './evaluation/events';
import type { MeasureEvent } from './measure/events';
import type { OrganisationEvent } from './organisation/events';
import type { ParticipationEvent } from './participation/events';
import type { PdsaEvent } from './pdsa/events';
import type { PersonalDataEvent } from './personal-data/events';
import type { ProgrammeEvent } from './programme/events';
import type { StreamCategory } from './stream-names';
import type { WorklistEvent } from './worklist/events';

/** Holds a map only if it names every stream category: a new category without its events does not compile. */
type EveryCategory<T extends Record<StreamCategory, { type: string; data: unknown }>> = T;

/** The events each stream category's decider writes. */
export type EventsByCategory = EveryCategory<{
  organisation: OrganisationEvent;
  programme: ProgrammeEvent;
  participation: ParticipationEvent;
  engagement: EngagementEvent;
  'always-event': AlwaysEventEvent;
  pdsa: PdsaEvent;
  measure: MeasureEvent;
  evaluation: EvaluationEvent;
  'personal-data': PersonalDataEvent;
  worklist: WorklistEvent;
}>;

/** Every event of the domain. */
export type DomainEvent = EventsByCategory[StreamCategory];

/** Every event type of the domain: a misspelt one does not compile. */
export type DomainEventType = DomainEvent['type'];
