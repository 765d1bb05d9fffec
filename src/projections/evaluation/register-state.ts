import { AlwaysEventState } from '../../domain/always-event';

/**
 * The evaluators' Always Event register: every Always Event folded with the
 * write side's own `evolve` (so its phase, statement, team, units and scores
 * are exactly what the aggregate holds; its driver diagram is left to the
 * driver-diagrams model, and stays empty here), plus what evaluation needs and the
 * aggregate does not keep: dates, the team at agreement, listening counts,
 * measure names. Of a measure it keeps only what a row shows: the name and
 * each unit's current values (see RegisterMeasure); the measures read model
 * holds the full series.
 */

export interface OrganisationFacts {
  name: string;
  regionCode: string;
  region: string;
}

export interface ParticipationFacts {
  programmeSlug: string;
  odsCode: string;
  enrolledOn: string | null;
  cohortId: string | null;
}

/** Calendar dates (YYYY-MM-DD) each stage was first reached. */
export interface KeyDates {
  initiated: string | null;
  statementAgreed: string | null;
  firstPdsaStarted: string | null;
  testingStarted: string | null;
  implementationStarted: string | null;
  aimAchieved: string | null;
  sustained: string | null;
  closed: string | null;
}

export interface Agreement {
  agreedOn: string;
  byCategories: Record<string, number>;
  /** Patients, service users, families and carers ÷ the whole team, 0–1, as the agreement recorded it. */
  patientOrCarerShare: number;
  visionVoice: string;
}

export interface ListeningReach {
  activities: number;
  patientsOrServiceUsers: number;
  familiesOrCarers: number;
  staff: number;
  others: number;
}

export interface AlwaysEventRecord {
  aggregate: AlwaysEventState;
  dates: KeyDates;
  agreement: Agreement | null;
  listening: ListeningReach;
  measureNames: Record<string, string>;
}

/**
 * A measure as the register needs it for "latest value per unit": its name
 * and each unit's current [numerator, denominator] by period, corrections
 * replacing and retractions removing, as in the measure aggregate. The whole
 * aggregate state (categories, phases, baselines) doubled the register's
 * memory and snapshot over a million events for nothing a row shows.
 */
export interface RegisterMeasure {
  /** The current definition's name; null until the measure is defined. */
  name: string | null;
  values: Record<string, Record<string, [numerator: number, denominator: number]>>;
}

export interface RegisterState {
  organisations: Record<string, OrganisationFacts>;
  /** By `<programme>.<ods>`. */
  participations: Record<string, ParticipationFacts>;
  /** Cohort names by `<programme>.<cohortId>`. */
  cohorts: Record<string, string>;
  alwaysEvents: Record<string, AlwaysEventRecord>;
  measures: Record<string, RegisterMeasure>;
}

export const cohortKey = (programmeSlug: string, cohortId: string): string => `${programmeSlug}.${cohortId}`;

/** The earlier of two dates, so a backfilled fact recorded late still dates the stage. */
export function earliest(current: string | null, candidate: string): string {
  return current === null || candidate < current ? candidate : current;
}

/**
 * Groups items by the cohort of their participation (`<programme>.<cohortId>`,
 * or '' for none), in cohort key order with the cohort-less group last.
 */
export function groupByCohort<T>(
  items: readonly T[],
  participationOf: (item: T) => Pick<ParticipationFacts, 'programmeSlug' | 'cohortId'>,
): Array<{ key: string; cohortId: string | null; members: T[] }> {
  const groups = new Map<string, { key: string; cohortId: string | null; members: T[] }>();
  for (const item of items) {
    const { programmeSlug, cohortId } = participationOf(item);
    const key = cohortId === null ? '' : cohortKey(programmeSlug, cohortId);
    const group = groups.get(key) ?? { key, cohortId, members: [] };
    group.members.push(item);
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.key === '' ? 1 : b.key === '' ? -1 : a.key.localeCompare(b.key),
  );
}

/** A cohort's name as the programme scheduled it. */
export function cohortName(state: RegisterState, key: string, cohortId: string | null): string {
  return cohortId === null ? 'No cohort' : (state.cohorts[key] ?? cohortId);
}
