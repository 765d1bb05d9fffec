import type { EnrolmentRoute, InterestChannel, StepBackReason } from '../../../src/domain/participation';

export type OrganisationKind = 'trust' | 'gp-practice';

/** A wave of enrolments: how many organisations join in a window, and how. */
export interface EnrolmentWave {
  waveId: string;
  kind: OrganisationKind;
  count: number;
  phaseId: string;
  route: EnrolmentRoute;
  cohortId?: string;
  channel: InterestChannel;
  from: string;
  to: string;
}

/**
 * The enrolment curve: fixed counts per window so every seed reproduces the
 * sourced shape — 3 pilots, 10 pilot sites by 2016, over 100 by 31 March 2018
 * (106 trusts enrolled, 103 of them with senior support on the day after one
 * withdrawal and two vacancies; see CHANGES_OF_HEART), about 135 by October 2019.
 */
export const ENROLMENT_WAVES: readonly EnrolmentWave[] = [
  {
    waveId: 'pilot',
    kind: 'trust',
    count: 3,
    phaseId: 'pilot',
    route: 'PilotInvite',
    channel: 'NationalTeam',
    from: '2015-04-13',
    to: '2015-06-30',
  },
  {
    waveId: 'toolkit-test',
    kind: 'trust',
    count: 7,
    phaseId: 'toolkit-test',
    route: 'PilotInvite',
    channel: 'NationalTeam',
    from: '2015-11-02',
    to: '2016-03-31',
  },
  {
    waveId: 'cohort-2016-12',
    kind: 'trust',
    count: 10,
    phaseId: 'spread',
    route: 'CohortLaunch',
    cohortId: 'cohort-2016-12',
    channel: 'CohortLaunchEvent',
    from: '2016-12-06',
    to: '2017-03-31',
  },
  {
    waveId: 'cohort-2017-04',
    kind: 'trust',
    count: 18,
    phaseId: 'spread',
    route: 'CohortLaunch',
    cohortId: 'cohort-2017-04',
    channel: 'CohortLaunchEvent',
    from: '2017-04-25',
    to: '2017-07-31',
  },
  {
    waveId: 'direct-2017',
    kind: 'trust',
    count: 4,
    phaseId: 'spread',
    route: 'Direct',
    channel: 'Webinar',
    from: '2017-02-01',
    to: '2017-12-15',
  },
  {
    waveId: 'cohort-2017-09',
    kind: 'trust',
    count: 24,
    phaseId: 'spread',
    route: 'CohortLaunch',
    cohortId: 'cohort-2017-09',
    channel: 'CohortLaunchEvent',
    from: '2017-09-19',
    to: '2017-12-20',
  },
  {
    waveId: 'cohort-2018-01',
    kind: 'trust',
    count: 24,
    phaseId: 'spread',
    route: 'CohortLaunch',
    cohortId: 'cohort-2018-01',
    channel: 'CohortLaunchEvent',
    from: '2018-01-23',
    to: '2018-03-23',
  },
  {
    waveId: 'cohort-2018-03',
    kind: 'trust',
    count: 14,
    phaseId: 'spread',
    route: 'CohortLaunch',
    cohortId: 'cohort-2018-03',
    channel: 'CohortLaunchEvent',
    from: '2018-03-13',
    to: '2018-03-29',
  },
  {
    waveId: 'direct-2018',
    kind: 'trust',
    count: 2,
    phaseId: 'spread',
    route: 'Direct',
    channel: 'PeerReferral',
    from: '2018-01-08',
    to: '2018-03-28',
  },
  {
    waveId: 'direct-2018-summer',
    kind: 'trust',
    count: 6,
    phaseId: 'spread',
    route: 'Direct',
    channel: 'PeerReferral',
    from: '2018-04-09',
    to: '2018-06-29',
  },
  {
    waveId: 'cohort-2018-10',
    kind: 'trust',
    count: 10,
    phaseId: 'primary-care-spread',
    route: 'CohortLaunch',
    cohortId: 'cohort-2018-10',
    channel: 'CohortLaunchEvent',
    from: '2018-10-09',
    to: '2019-09-30',
  },
  {
    waveId: 'primary-care',
    kind: 'gp-practice',
    count: 16,
    phaseId: 'primary-care-spread',
    route: 'CohortLaunch',
    cohortId: 'cohort-2018-10',
    channel: 'CohortLaunchEvent',
    from: '2018-10-09',
    to: '2019-09-30',
  },
];

interface Window {
  from: string;
  to: string;
}

/**
 * Organisations that step back or lose their sponsor, by the window the
 * change happens in. Counts are fixed so the headline does not depend on the
 * seed: on 31 March 2018 one withdrawal and two vacancies leave 103 of the 106
 * enrolled trusts with senior support.
 */
export const CHANGES_OF_HEART: {
  withdrawals: ReadonlyArray<Window & { reason: StepBackReason }>;
  /** Filled `refilledAfterDays` later; null: still vacant at the end of the history. */
  sponsorVacancies: ReadonlyArray<Window & { refilledAfterDays: number | null }>;
  /** A new sponsor below Board level: enrolled without senior support until a Board-level one returns. */
  sponsorsBelowBoard: ReadonlyArray<Window & { boardLevelAfterDays: number }>;
  pauses: ReadonlyArray<Window & { days: number }>;
} = {
  withdrawals: [
    { from: '2017-10-01', to: '2018-02-28', reason: 'Capacity' },
    { from: '2018-09-01', to: '2019-03-31', reason: 'Merger' },
    { from: '2019-04-01', to: '2019-09-30', reason: 'LeadershipChange' },
  ],
  sponsorVacancies: [
    { from: '2018-01-15', to: '2018-03-15', refilledAfterDays: 80 },
    { from: '2018-02-01', to: '2018-03-20', refilledAfterDays: null },
    { from: '2018-09-01', to: '2019-06-30', refilledAfterDays: 60 },
    { from: '2019-01-01', to: '2019-08-31', refilledAfterDays: 120 },
  ],
  sponsorsBelowBoard: [{ from: '2018-05-01', to: '2019-05-31', boardLevelAfterDays: 150 }],
  pauses: [
    { from: '2018-06-01', to: '2019-06-30', days: 90 },
    { from: '2019-01-01', to: '2019-07-31', days: 60 },
  ],
};
