import { EngagementEvent } from '../../domain/engagement';
import { OrganisationEvent } from '../../domain/organisation';
import { ParticipationEvent } from '../../domain/participation';
import { ProgrammeEvent } from '../../domain/programme';
import { RecordedEvent } from '../../event-store/recorded-event';
import { Projection } from '../runner/projection';
import { routeEvent } from '../runner/routed-event';
import { ALWAYS_EVENT_FACTS, applyAlwaysEventFact } from './spread-always-events';
import { participationKey, ParticipationFacts, SpreadState } from './spread-state';

/** Keeps a dated history in date order even when facts arrive late (backfill, late returns). */
export function recordFrom<T>(history: Array<[string, T]>, date: string, value: T): void {
  let i = history.length;
  while (i > 0 && history[i - 1][0] > date) i--;
  history.splice(i, 0, [date, value]);
}

function participation(
  state: SpreadState,
  key: { programmeSlug: string; odsCode: string },
): ParticipationFacts {
  const id = participationKey(key.programmeSlug, key.odsCode);
  state.participations[id] ??= {
    programmeSlug: key.programmeSlug,
    odsCode: key.odsCode,
    interestOn: null,
    enrolledOn: null,
    phaseId: null,
    cohortId: null,
    route: null,
    statusHistory: [],
    seniorSupportHistory: [],
    returns: {},
  };
  return state.participations[id];
}

function applyRegister(state: SpreadState, e: OrganisationEvent): void {
  if (e.type === 'OrganisationRegistered') {
    const d = e.data;
    state.organisations[d.odsCode] = {
      name: d.name,
      type: d.type,
      regionCode: d.regionCode,
      region: d.region,
      isNhsTrust: d.isNhsTrust,
      openDate: d.openDate,
      closeDate: null,
      successorOdsCode: null,
      mergedOn: null,
    };
    return;
  }
  const organisation =
    state.organisations[e.type === 'OrganisationsMerged' ? e.data.predecessorOdsCode : e.data.odsCode];
  if (!organisation) return;
  switch (e.type) {
    case 'OrganisationRenamed':
      organisation.name = e.data.newName;
      return;
    case 'OrganisationReclassified':
      organisation.type = e.data.toType;
      return;
    case 'OrganisationsMerged':
      organisation.successorOdsCode = e.data.successorOdsCode;
      organisation.mergedOn = e.data.effectiveDate;
      // Merged into its successor, the predecessor closes that day: it leaves the trusts open after it.
      organisation.closeDate = e.data.effectiveDate;
      return;
    case 'OrganisationDissolved':
      organisation.closeDate = e.data.effectiveDate;
      return;
  }
}

function applyProgramme(state: SpreadState, e: ProgrammeEvent): void {
  if (e.type === 'ProgrammeLaunched') {
    state.programmes[e.data.programmeSlug] = {
      name: e.data.name,
      startDate: e.data.startDate,
      closedOn: null,
      target: null,
      phases: {},
      cohorts: {},
    };
    return;
  }
  const programme = state.programmes[e.data.programmeSlug];
  if (!programme) return;
  switch (e.type) {
    case 'ProgrammePhaseDefined':
      programme.phases[e.data.phaseId] = {
        name: e.data.name,
        startDate: e.data.startDate,
        endDate: e.data.endDate,
      };
      return;
    case 'EnrolmentTargetSet': {
      const { programmeSlug: _slug, ...target } = e.data;
      programme.target = target;
      return;
    }
    case 'CohortScheduled':
      programme.cohorts[e.data.cohortId] = {
        name: e.data.name,
        phaseId: e.data.phaseId,
        plannedLaunchDate: e.data.plannedLaunchDate,
        launchedOn: null,
        closedOn: null,
      };
      return;
    case 'CohortLaunched':
      if (programme.cohorts[e.data.cohortId])
        programme.cohorts[e.data.cohortId].launchedOn = e.data.launchedOn;
      return;
    case 'CohortClosed':
      if (programme.cohorts[e.data.cohortId]) programme.cohorts[e.data.cohortId].closedOn = e.data.closedOn;
      return;
    case 'ProgrammeClosed':
      programme.closedOn = e.data.closedOn;
      return;
    case 'ReportingWindowSet': {
      const window = { startsOn: e.data.startsOn, endsOn: e.data.endsOn };
      if (e.data.phaseId === null) programme.reportingWindow = window;
      else if (programme.phases[e.data.phaseId]) programme.phases[e.data.phaseId].reportingWindow = window;
      return;
    }
    case 'ProgrammePhaseClosed':
      if (programme.phases[e.data.phaseId]) programme.phases[e.data.phaseId].closedOn = e.data.closedOn;
      return;
  }
}

function applyParticipation(state: SpreadState, e: ParticipationEvent | EngagementEvent): void {
  switch (e.type) {
    case 'InterestExpressed':
      participation(state, e.data).interestOn = e.data.expressedOn;
      return;
    case 'ExecutiveSponsorConfirmed':
      recordFrom(participation(state, e.data).seniorSupportHistory, e.data.confirmedOn, e.data.seniorSupport);
      return;
    case 'OrganisationEnrolled': {
      const p = participation(state, e.data);
      p.enrolledOn = e.data.enrolledOn;
      p.phaseId = e.data.phaseId;
      p.cohortId = e.data.cohortId ?? p.cohortId;
      p.route = e.data.enrolmentRoute;
      recordFrom(p.statusHistory, e.data.enrolledOn, 'enrolled');
      recordFrom(p.seniorSupportHistory, e.data.enrolledOn, e.data.seniorSupport);
      return;
    }
    case 'OrganisationAssignedToCohort': {
      const p = participation(state, e.data);
      p.cohortId = e.data.cohortId;
      p.phaseId = p.enrolledOn === null ? e.data.phaseId : p.phaseId;
      return;
    }
    case 'ExecutiveSponsorChanged':
      recordFrom(participation(state, e.data).seniorSupportHistory, e.data.changedOn, e.data.seniorSupport);
      return;
    case 'ExecutiveSponsorVacated':
      recordFrom(participation(state, e.data).seniorSupportHistory, e.data.vacatedOn, false);
      return;
    case 'ParticipationPaused':
      recordFrom(participation(state, e.data).statusHistory, e.data.pausedOn, 'paused');
      return;
    case 'ParticipationResumed':
      recordFrom(participation(state, e.data).statusHistory, e.data.resumedOn, 'enrolled');
      return;
    case 'OrganisationWithdrew':
      recordFrom(participation(state, e.data).statusHistory, e.data.withdrawnOn, 'withdrawn');
      return;
    case 'ParticipationCompleted':
      recordFrom(participation(state, e.data).statusHistory, e.data.completedOn, 'completed');
      return;
    case 'MonthlyReturnSubmitted':
      participation(state, e.data).returns[e.data.period] ??= e.data.submittedOn;
      return;
  }
}

/** The events each apply… function takes (the others of their streams change nothing here). */
const REGISTER: readonly OrganisationEvent['type'][] = [
  'OrganisationRegistered',
  'OrganisationRenamed',
  'OrganisationReclassified',
  'OrganisationsMerged',
  'OrganisationDissolved',
];
const PROGRAMME: readonly ProgrammeEvent['type'][] = [
  'ProgrammeLaunched',
  'ProgrammePhaseDefined',
  'EnrolmentTargetSet',
  'CohortScheduled',
  'CohortLaunched',
  'CohortClosed',
  'ProgrammeClosed',
  'ReportingWindowSet',
  'ProgrammePhaseClosed',
];
const PARTICIPATION: readonly (ParticipationEvent | EngagementEvent)['type'][] = [
  'InterestExpressed',
  'ExecutiveSponsorConfirmed',
  'OrganisationEnrolled',
  'OrganisationAssignedToCohort',
  'ExecutiveSponsorChanged',
  'ExecutiveSponsorVacated',
  'ParticipationPaused',
  'ParticipationResumed',
  'OrganisationWithdrew',
  'ParticipationCompleted',
  'MonthlyReturnSubmitted',
];

export const spreadProjection: Projection<SpreadState> = {
  name: 'spread',
  // 2: reporting windows and programme settings; 3: a merger closes its predecessor (closeDate), as the register does.
  version: 3,
  // Organisations, programmes, participation and returns, and a few facts of Always Events: never measures or PDSA cycles.
  filter: { eventTypes: [...REGISTER, ...PROGRAMME, ...PARTICIPATION, ...ALWAYS_EVENT_FACTS] },
  initialState: () => ({ organisations: {}, programmes: {}, participations: {}, alwaysEvents: {} }),
  apply(state: SpreadState, event: RecordedEvent): SpreadState {
    const routed = routeEvent(event);
    switch (routed?.category) {
      case 'organisation':
        applyRegister(state, routed.event);
        break;
      case 'programme':
        applyProgramme(state, routed.event);
        break;
      case 'participation':
      case 'engagement':
        applyParticipation(state, routed.event);
        break;
      case 'always-event':
        applyAlwaysEventFact(state, routed.event);
        break;
    }
    return state;
  },
  table: (state) =>
    Object.values(state.participations).map((p) => {
      const organisation = state.organisations[p.odsCode];
      return {
        programmeSlug: p.programmeSlug,
        odsCode: p.odsCode,
        name: organisation?.name ?? null,
        regionCode: organisation?.regionCode ?? null,
        type: organisation?.type ?? null,
        isNhsTrust: organisation?.isNhsTrust ?? null,
        interestOn: p.interestOn,
        enrolledOn: p.enrolledOn,
        status: p.statusHistory.at(-1)?.[1] ?? null,
        seniorSupport: p.seniorSupportHistory.at(-1)?.[1] ?? null,
        phaseId: p.phaseId,
        cohortId: p.cohortId,
        monthlyReturns: Object.keys(p.returns).length,
      };
    }),
};
