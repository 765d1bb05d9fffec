/**
 * The analysts' spread read model: the programme's shape, the register and
 * every participation as dated facts, so any date's figures can be computed
 * from one state (and the same state can be folded at any bounds).
 */
export interface RegisteredOrganisation {
  name: string;
  type: string;
  regionCode: string;
  region: string;
  isNhsTrust: boolean;
  openDate: string;
  closeDate: string | null;
  successorOdsCode: string | null;
  mergedOn: string | null;
}

export interface ProgrammeShape {
  name: string;
  startDate: string;
  closedOn: string | null;
  target: {
    targetId: string;
    metric: string;
    threshold: number;
    deadline: string;
    setDate: string;
    source: string;
    denominatorDefinition: string;
  } | null;
  phases: Record<
    string,
    {
      name: string;
      startDate: string;
      endDate: string | null;
      closedOn?: string | null;
      reportingWindow?: { startsOn: string | null; endsOn: string } | null;
    }
  >;
  /** Where the programme's reports end unless asked otherwise (SetReportingWindow). */
  reportingWindow?: { startsOn: string | null; endsOn: string } | null;
  cohorts: Record<
    string,
    {
      name: string;
      phaseId: string;
      plannedLaunchDate: string;
      launchedOn: string | null;
      closedOn: string | null;
    }
  >;
}

export type ParticipationStatus = 'enrolled' | 'paused' | 'withdrawn' | 'completed';

export interface ParticipationFacts {
  programmeSlug: string;
  odsCode: string;
  interestOn: string | null;
  enrolledOn: string | null;
  phaseId: string | null;
  cohortId: string | null;
  route: string | null;
  /** Status from each date on, in date order. */
  statusHistory: Array<[date: string, status: ParticipationStatus]>;
  /** Senior support (a Board-level sponsor in post) from each date on. */
  seniorSupportHistory: Array<[date: string, supported: boolean]>;
  /** Monthly returns by period (YYYY-MM): the first submission's date. */
  returns: Record<string, string>;
}

export interface AlwaysEventFacts {
  alwaysEventId: string;
  programmeSlug: string;
  odsCode: string;
  setting: string;
  initiatedOn: string;
  statementAgreedOn: string | null;
  derivedFromAlwaysEventId: string | null;
  closedOn: string | null;
  /** Scale-up units: live from goLiveDate until stoppedOn. */
  units: Record<string, { name: string; setting: string; goLiveOn: string | null; stoppedOn: string | null }>;
}

export interface SpreadState {
  organisations: Record<string, RegisteredOrganisation>;
  programmes: Record<string, ProgrammeShape>;
  participations: Record<string, ParticipationFacts>;
  alwaysEvents: Record<string, AlwaysEventFacts>;
}

export const participationKey = (programmeSlug: string, odsCode: string): string =>
  `${programmeSlug}.${odsCode}`;
