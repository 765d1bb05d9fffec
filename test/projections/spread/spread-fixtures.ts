import { RecordedEvent } from '../../../src/event-store';
import { recorded } from '../support/recorded';

export const SLUG = 'always-events-england';

export function trust(
  odsCode: string,
  openDate = '2000-04-01',
  extra: Record<string, unknown> = {},
): RecordedEvent {
  return recorded(`organisation-${odsCode}`, 'OrganisationRegistered', {
    odsCode,
    name: `Trust ${odsCode}`,
    type: 'AcuteTrust',
    regionCode: 'Y56',
    region: 'London',
    isNhsTrust: true,
    openDate,
    ...extra,
  });
}

export function programme(): RecordedEvent[] {
  const stream = `programme-${SLUG}`;
  return [
    recorded(stream, 'ProgrammeLaunched', {
      programmeSlug: SLUG,
      name: 'Always Events',
      sponsors: ['NHS England'],
      startDate: '2015-04-01',
    }),
    recorded(stream, 'ProgrammePhaseDefined', {
      programmeSlug: SLUG,
      phaseId: 'spread',
      name: 'Spread',
      description: null,
      startDate: '2016-04-01',
      endDate: null,
    }),
    recorded(stream, 'EnrolmentTargetSet', {
      programmeSlug: SLUG,
      targetId: 'mandate-2017-18',
      metric: 'EnrolledWithSeniorSupport',
      threshold: 100,
      deadline: '2018-03-31',
      setDate: '2017-04-01',
      source: 'NHS Mandate 2017-18',
      denominatorDefinition: 'NHS trusts in England open on the date (ODS register)',
    }),
    recorded(stream, 'CohortScheduled', {
      programmeSlug: SLUG,
      cohortId: 'cohort-1',
      phaseId: 'spread',
      name: 'Cohort 1',
      plannedLaunchDate: '2016-06-01',
      location: null,
    }),
  ];
}

/** Interest, a Board-level sponsor and enrolment, as the participation decider writes them. */
export function enrolment(
  odsCode: string,
  enrolledOn: string,
  options: { boardLevel?: boolean; cohortId?: string; phaseId?: string } = {},
): RecordedEvent[] {
  const stream = `participation-${SLUG}.${odsCode}`;
  const key = { programmeSlug: SLUG, odsCode };
  const supported = options.boardLevel ?? true;
  return [
    recorded(stream, 'InterestExpressed', {
      ...key,
      expressedOn: enrolledOn,
      channel: null,
      contactRole: null,
    }),
    recorded(stream, 'ExecutiveSponsorConfirmed', {
      ...key,
      sponsor: { personId: 'p', title: 'Chief Nurse', isBoardLevel: supported },
      confirmedOn: enrolledOn,
      seniorSupport: supported,
    }),
    recorded(stream, 'OrganisationEnrolled', {
      ...key,
      enrolledOn,
      phaseId: options.phaseId ?? 'spread',
      enrolmentRoute: 'Direct',
      cohortId: options.cohortId ?? null,
      sponsorPersonId: 'p',
      sponsorIsBoardLevel: supported,
      seniorSupport: supported,
    }),
  ];
}

export function participationEvent(
  odsCode: string,
  type: string,
  data: Record<string, unknown>,
): RecordedEvent {
  return recorded(`participation-${SLUG}.${odsCode}`, type, { programmeSlug: SLUG, odsCode, ...data });
}

export function alwaysEvent(
  alwaysEventId: string,
  odsCode: string,
  setting: string,
  initiatedOn: string,
  derivedFrom: { alwaysEventId: string; odsCode: string } | null = null,
): RecordedEvent {
  return recorded(`always-event-${alwaysEventId}`, 'AlwaysEventInitiated', {
    alwaysEventId,
    programmeSlug: SLUG,
    odsCode,
    homeUnit: { unitId: `${alwaysEventId}-home`, name: 'Ward', setting },
    population: 'Adults on the ward',
    derivedFrom: derivedFrom && {
      ...derivedFrom,
      lineage: derivedFrom.odsCode === odsCode ? 'ScaleUp' : 'Spread',
    },
    initiatedAt: `${initiatedOn}T09:00:00.000Z`,
  });
}

export function alwaysEventEvent(
  alwaysEventId: string,
  odsCode: string,
  type: string,
  data: Record<string, unknown>,
): RecordedEvent {
  return recorded(`always-event-${alwaysEventId}`, type, {
    alwaysEventId,
    programmeSlug: SLUG,
    odsCode,
    ...data,
  });
}

/** A pilot phase of the programme from 2015-04-01, beside the spread phase programme() defines. */
export function pilotPhase(): RecordedEvent {
  return recorded(`programme-${SLUG}`, 'ProgrammePhaseDefined', {
    programmeSlug: SLUG,
    phaseId: 'pilot',
    name: 'Pilot',
    description: null,
    startDate: '2015-04-01',
    endDate: null,
  });
}

export function phaseClosed(phaseId: string, closedOn: string): RecordedEvent {
  return recorded(`programme-${SLUG}`, 'ProgrammePhaseClosed', {
    programmeSlug: SLUG,
    phaseId,
    closedOn,
    reason: 'Pilot complete',
  });
}

export function phaseWindow(phaseId: string, startsOn: string, endsOn: string): RecordedEvent {
  return recorded(`programme-${SLUG}`, 'ReportingWindowSet', {
    programmeSlug: SLUG,
    phaseId,
    startsOn,
    endsOn,
  });
}
