import { hasSeniorSupportOn, valueOn } from '../spread/spread-figures';
import { participationKey, SpreadState } from '../spread/spread-state';

export const ENROLMENT_STATUSES = [
  'enrolled',
  'paused',
  'withdrawn',
  'completed',
  'interested',
  'not-participating',
] as const;
export type EnrolmentStatus = (typeof ENROLMENT_STATUSES)[number];

export interface OrganisationRow {
  odsCode: string;
  name: string;
  type: string;
  regionCode: string;
  region: string;
  isNhsTrust: boolean;
  openDate: string;
  closeDate: string | null;
  successorOdsCode: string | null;
  status: EnrolmentStatus;
  enrolledOn: string | null;
  phaseId: string | null;
  cohortId: string | null;
  cohort: string | null;
  seniorSupport: boolean;
  monthlyReturns: number;
}

/** Every registered organisation with its participation in the programme as it stood on the date. */
export function organisationRows(state: SpreadState, programmeSlug: string, date: string): OrganisationRow[] {
  const programme = state.programmes[programmeSlug];
  return Object.entries(state.organisations).map(([odsCode, o]) => {
    const p = state.participations[participationKey(programmeSlug, odsCode)];
    const status: EnrolmentStatus = !p
      ? 'not-participating'
      : (valueOn(p.statusHistory, date) ??
        (p.interestOn !== null && p.interestOn <= date ? 'interested' : 'not-participating'));
    return {
      odsCode,
      name: o.name,
      type: o.type,
      regionCode: o.regionCode,
      region: o.region,
      isNhsTrust: o.isNhsTrust,
      openDate: o.openDate,
      closeDate: o.closeDate ?? o.mergedOn,
      successorOdsCode: o.successorOdsCode,
      status,
      enrolledOn: p?.enrolledOn && p.enrolledOn <= date ? p.enrolledOn : null,
      phaseId: p?.phaseId ?? null,
      cohortId: p?.cohortId ?? null,
      cohort: (p?.cohortId && programme?.cohorts[p.cohortId]?.name) || null,
      seniorSupport: p ? hasSeniorSupportOn(p, date) : false,
      monthlyReturns: p ? Object.values(p.returns).filter((on) => on <= date).length : 0,
    };
  });
}

export const ORGANISATION_SORTS: Readonly<Record<string, (row: OrganisationRow) => unknown>> = {
  name: (r) => r.name,
  odsCode: (r) => r.odsCode,
  region: (r) => r.region,
  type: (r) => r.type,
  status: (r) => r.status,
  enrolledOn: (r) => r.enrolledOn,
};
