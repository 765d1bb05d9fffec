/**
 * The values the programme team's filters offer: the service's own lists
 * where they live in modules with no imports of their own (safe to bundle),
 * else spelt out here but keyed by the service's types, so a value added
 * there is a type error here until it is offered.
 */
import { ORGANISATION_TYPES, REGIONS } from '../../../src/domain/organisation/organisation-types';
import { ALWAYS_EVENT_PHASES, CARE_SETTINGS } from '../../../src/domain/always-event/values';
import type { EnrolmentStatus } from '../../../src/projections/organisations/organisation-rows';
import type { WorklistRule } from '../../../src/projections/worklist/worklist-report';

export { CARE_SETTINGS as SETTINGS, ORGANISATION_TYPES, REGIONS };

/** What the register's `state` takes: a lifecycle phase, Paused or Closed. */
export const REGISTER_STATES: readonly string[] = [...ALWAYS_EVENT_PHASES, 'Paused', 'Closed'];

const keys = <K extends string>(record: Record<K, true>): K[] => Object.keys(record) as K[];

export const ENROLMENT_STATUSES = keys<EnrolmentStatus>({
  enrolled: true,
  paused: true,
  withdrawn: true,
  completed: true,
  interested: true,
  'not-participating': true,
});

export const WORKLIST_RULE_NAMES: Record<WorklistRule, string> = {
  'return-overdue': 'Monthly return overdue',
  'sponsor-vacant': 'Executive sponsor vacant',
  'pdsa-quiet': 'PDSA chain quiet',
  'statement-awaiting-agreement': 'Statement awaiting agreement',
  'no-sustainment-plan': 'Aim achieved, no sustainment plan',
};
