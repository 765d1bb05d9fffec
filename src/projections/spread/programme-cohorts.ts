import { SpreadState } from './spread-state';

/** A cohort of the programme as recorded at the bounds, whether or not anyone is enrolled in it. */
export interface CohortRow {
  cohortId: string;
  name: string;
  phaseId: string;
  plannedLaunchDate: string;
  launchedOn: string | null;
  closedOn: string | null;
}

/**
 * Every cohort the programme scheduled, by planned launch then name: what a
 * filter by cohort offers (the breakdown by cohort lists only cohorts with an
 * enrolment on its date).
 */
export function programmeCohorts(state: SpreadState, programmeSlug: string): CohortRow[] {
  return Object.entries(state.programmes[programmeSlug]?.cohorts ?? {})
    .map(([cohortId, cohort]): CohortRow => ({ cohortId, ...cohort }))
    .sort(
      (a, b) =>
        a.plannedLaunchDate.localeCompare(b.plannedLaunchDate) ||
        a.name.localeCompare(b.name, 'en-GB', { numeric: true }) ||
        a.cohortId.localeCompare(b.cohortId),
    );
}
