import {
  CohortClosed,
  CohortLaunched,
  CohortScheduled,
  ProgrammeCommand,
  ProgrammeLaunched,
  ProgrammePhaseDefined,
} from '../../../src/domain/programme';
import { CommandContext } from '../../../src/domain/shared';
import { context } from '../support/decider-spec';

export const SLUG = 'always-events-england';

export const programmeCommand = <C extends ProgrammeCommand>(
  type: C['type'],
  data: Omit<C['data'], 'programmeSlug'>,
  overrides: Partial<CommandContext> = {},
): C =>
  ({ type, data: { programmeSlug: SLUG, ...data }, context: context(overrides), facts: undefined }) as C;

export const launched: ProgrammeLaunched = {
  type: 'ProgrammeLaunched',
  data: {
    programmeSlug: SLUG,
    name: 'Always Events England',
    sponsors: ['NHS England', 'Institute for Healthcare Improvement', 'Picker Institute Europe'],
    startDate: '2015-01-01',
  },
};

export const phase = (
  phaseId: string,
  name: ProgrammePhaseDefined['data']['name'],
  startDate: string,
  endDate: string | null,
  description: string | null = null,
): ProgrammePhaseDefined => ({
  type: 'ProgrammePhaseDefined',
  data: { programmeSlug: SLUG, phaseId, name, description, startDate, endDate },
});
export const pilotPhase = phase('pilot', 'Pilot', '2015-01-01', '2015-10-31');
export const toolkitPhase = phase('toolkit-test', 'ToolkitTest', '2015-11-01', '2016-12-31');
export const spreadPhase = phase('spread', 'Spread', '2017-01-01', null);

export const COHORT = 'london-2018-01';
export const cohortScheduled: CohortScheduled = {
  type: 'CohortScheduled',
  data: {
    programmeSlug: SLUG,
    cohortId: COHORT,
    phaseId: 'spread',
    name: 'Central London, January 2018',
    plannedLaunchDate: '2018-01-15',
    location: 'Central London',
  },
};
export const cohortLaunched: CohortLaunched = {
  type: 'CohortLaunched',
  data: {
    programmeSlug: SLUG,
    cohortId: COHORT,
    phaseId: 'spread',
    launchedOn: '2018-01-16',
    format: 'FaceToFace',
  },
};
export const cohortClosed: CohortClosed = {
  type: 'CohortClosed',
  data: {
    programmeSlug: SLUG,
    cohortId: COHORT,
    phaseId: 'spread',
    closedOn: '2018-03-31',
    wasLaunched: true,
  },
};
