import type { CohortFormat, PhaseName } from '../../../src/domain/programme';

/**
 * The national programme as the sources describe it
 * (docs/architecture/improvement-method.md, "The national programme"). Where a source gives no day, the day here is the simulator's
 * choice and says so.
 */
export const PROGRAMME = {
  programmeSlug: 'always-events-england',
  name: 'NHS England Always Events programme',
  // NHS England leads, IHI owns the method, Picker evaluates, NHS Improvement partners.
  sponsors: [
    'NHS England',
    'Institute for Healthcare Improvement',
    'Picker Institute Europe',
    'NHS Improvement',
  ],
  // First tested in 2015; the sources give no day, 1 April 2015 is the simulator's choice.
  startDate: '2015-04-01',
} as const;

/** The simulated history ends before the COVID-19 pandemic paused improvement work. */
export const SIMULATION_END = '2020-02-29';

export interface PhaseShape {
  /** When the national team defined the phase: before its cohorts were scheduled (the simulator's choice). */
  definedOn: string;
  phaseId: string;
  name: PhaseName;
  description: string;
  startDate: string;
  endDate?: string;
}

/** Pilot with three organisations in 2015, toolkit testing from November 2015, spread, further spread. */
export const PHASES: readonly PhaseShape[] = [
  {
    definedOn: '2015-04-01',
    phaseId: 'pilot',
    name: 'Pilot',
    description: 'First test of the methodology with three organisations, Lancashire Care the most advanced',
    startDate: '2015-04-01',
    endDate: '2015-10-31',
  },
  {
    definedOn: '2015-10-01',
    phaseId: 'toolkit-test',
    name: 'ToolkitTest',
    description: 'Organisations enrolled to test the toolkit from November 2015: ten pilot sites in all',
    startDate: '2015-11-01',
    endDate: '2016-11-30',
  },
  {
    definedOn: '2016-10-03',
    phaseId: 'spread',
    name: 'Spread',
    description:
      'Spread to a substantial proportion of providers after the toolkit was published (December 2016), with scale-up inside early adopters',
    startDate: '2016-12-01',
    endDate: '2018-06-30',
  },
  {
    definedOn: '2018-06-01',
    phaseId: 'primary-care-spread',
    name: 'PrimaryCareSpread',
    description: 'Further spread to other providers, primary care included, 2018-19',
    startDate: '2018-07-01',
  },
];

/** The NHS Mandate 2017-18 deliverable, published 20 March 2017. */
export const MANDATE_TARGET = {
  targetId: 'mandate-2017-18',
  metric: 'EnrolledWithSeniorSupport',
  threshold: 100,
  deadline: '2018-03-31',
  setDate: '2017-03-20',
  source: 'NHS Mandate 2017-18',
  denominatorDefinition:
    'Organisations enrolled with senior support and commitment (a Board-level sponsor in post); the share is of NHS trusts in England open on the date (ODS register)',
} as const;

export interface CohortShape {
  cohortId: string;
  phaseId: string;
  name: string;
  scheduledOn: string;
  launchedOn: string;
  format: CohortFormat;
  location?: string;
  /** Cohorts still recruiting at the end of the simulated history stay open. */
  closedOn?: string;
}

/**
 * Face-to-face cohort launches; the January 2018 Central London and
 * March 2018 (location to be confirmed) cohorts are sourced, the earlier
 * dates are the simulator's choice within the phases.
 */
export const COHORTS: readonly CohortShape[] = [
  {
    cohortId: 'cohort-2016-12',
    phaseId: 'spread',
    name: 'Toolkit launch cohort, December 2016',
    scheduledOn: '2016-10-17',
    launchedOn: '2016-12-06',
    format: 'FaceToFace',
    closedOn: '2017-06-30',
  },
  {
    cohortId: 'cohort-2017-04',
    phaseId: 'spread',
    name: 'Spring 2017 cohort',
    scheduledOn: '2017-02-13',
    launchedOn: '2017-04-25',
    format: 'FaceToFace',
    closedOn: '2017-09-30',
  },
  {
    cohortId: 'cohort-2017-09',
    phaseId: 'spread',
    name: 'Autumn 2017 cohort',
    scheduledOn: '2017-07-10',
    launchedOn: '2017-09-19',
    format: 'FaceToFace',
    closedOn: '2017-12-31',
  },
  {
    cohortId: 'cohort-2018-01',
    phaseId: 'spread',
    name: 'January 2018 cohort',
    scheduledOn: '2017-11-06',
    launchedOn: '2018-01-23',
    format: 'FaceToFace',
    location: 'Central London',
    closedOn: '2018-03-31',
  },
  {
    cohortId: 'cohort-2018-03',
    phaseId: 'spread',
    name: 'March 2018 cohort',
    scheduledOn: '2018-01-08',
    launchedOn: '2018-03-13',
    format: 'FaceToFace',
    closedOn: '2018-06-30',
  },
  {
    cohortId: 'cohort-2018-10',
    phaseId: 'primary-care-spread',
    name: 'Primary care and further spread cohort, October 2018',
    scheduledOn: '2018-07-16',
    launchedOn: '2018-10-09',
    format: 'Virtual',
  },
];
