import { ParticipationFacts, ParticipationStatus, SpreadState } from './spread-state';

/**
 * Figures "on date D" from the spread state. Definitions (docs/analysts/read-models.md, "Spread"):
 * - enrolled on D: enrolled on or before D and not withdrawn by D (paused and
 *   completed participations still count: they joined and did not leave);
 * - with senior support: also had a Board-level sponsor in post on D;
 * - NHS trusts open on D: NHS trusts in England in the register whose open
 *   date is on or before D and whose close date, if any, is after D;
 * - a merged organisation counts once, as its successor, from the merger date.
 */

/** The latest value recorded on or before `date` in a date-ordered history. */
export function valueOn<T>(history: ReadonlyArray<[string, T]>, date: string): T | undefined {
  let value: T | undefined;
  for (const [from, v] of history) {
    if (from > date) break;
    value = v;
  }
  return value;
}

const COUNTS_AS_ENROLLED: ReadonlySet<ParticipationStatus | undefined> = new Set([
  'enrolled',
  'paused',
  'completed',
]);

export function isEnrolledOn(p: ParticipationFacts, date: string): boolean {
  return (
    p.enrolledOn !== null && p.enrolledOn <= date && COUNTS_AS_ENROLLED.has(valueOn(p.statusHistory, date))
  );
}

export function hasSeniorSupportOn(p: ParticipationFacts, date: string): boolean {
  return valueOn(p.seniorSupportHistory, date) === true;
}

/** Follows mergers that had happened by `date` to the organisation that now stands for `odsCode`. */
export function resolveOrganisation(state: SpreadState, odsCode: string, date: string): string {
  let current = odsCode;
  for (let hops = 0; hops < 20; hops++) {
    const organisation = state.organisations[current];
    if (!organisation?.successorOdsCode || !organisation.mergedOn || organisation.mergedOn > date)
      return current;
    current = organisation.successorOdsCode;
  }
  return current;
}

export function isNhsTrustInEngland(state: SpreadState, odsCode: string): boolean {
  const organisation = state.organisations[odsCode];
  return organisation !== undefined && organisation.isNhsTrust && organisation.regionCode !== 'W00';
}

export function nhsTrustsOpenOn(state: SpreadState, date: string): string[] {
  return Object.entries(state.organisations)
    .filter(
      ([odsCode, o]) =>
        isNhsTrustInEngland(state, odsCode) &&
        o.openDate <= date &&
        (o.closeDate === null || o.closeDate > date) &&
        (o.mergedOn === null || o.mergedOn > date),
    )
    .map(([odsCode]) => odsCode);
}

export function participationsOf(state: SpreadState, programmeSlug: string): ParticipationFacts[] {
  return Object.values(state.participations).filter((p) => p.programmeSlug === programmeSlug);
}

export interface EnrolmentCounts {
  enrolled: Set<string>;
  enrolledWithSeniorSupport: Set<string>;
}

/** Enrolled organisations (merger-resolved ODS codes) on a date, optionally among some participations only. */
export function enrolmentsOn(
  state: SpreadState,
  programmeSlug: string,
  date: string,
  include: (p: ParticipationFacts) => boolean = () => true,
): EnrolmentCounts {
  const enrolled = new Set<string>();
  const enrolledWithSeniorSupport = new Set<string>();
  for (const p of participationsOf(state, programmeSlug)) {
    if (!include(p) || !isEnrolledOn(p, date)) continue;
    const odsCode = resolveOrganisation(state, p.odsCode, date);
    enrolled.add(odsCode);
    if (hasSeniorSupportOn(p, date)) enrolledWithSeniorSupport.add(odsCode);
  }
  return { enrolled, enrolledWithSeniorSupport };
}
