/**
 * What the compiler refuses in a projection. Not a Jest spec: `tsc --noEmit
 * -p tsconfig.json` (npm run typecheck) checks it, and each `@ts-expect-error`
 * line must be an error there, or the typecheck fails. Nothing here runs.
 */
import type { OrganisationEvent } from '../../../src/domain/organisation';
import type { RecordedEvent } from '../../../src/event-store/recorded-event';
import type { Projection } from '../../../src/projections/runner/projection';
import { routeEvent } from '../../../src/projections/runner/routed-event';

export const registered: readonly OrganisationEvent['type'][] = [
  'OrganisationRegistered',
  // @ts-expect-error a misspelt event type
  'OrganisationRegisterd',
];

export const filtered: Projection<null>['filter'] = {
  // @ts-expect-error a projection's filter names domain event types only
  eventTypes: ['OrganisationRegistered', 'ParticipationEnroled'],
};

export function fold(event: RecordedEvent): string | undefined {
  const routed = routeEvent(event);
  switch (routed?.category) {
    case 'organisation':
      // The organisation's events, narrowed by the category: their data is typed.
      return routed.event.type === 'OrganisationRenamed' ? routed.event.data.newName : undefined;
    case 'participation':
      // @ts-expect-error a participation event has no organisation field of the register's
      return routed.event.data.newName;
  }
  return undefined;
}
