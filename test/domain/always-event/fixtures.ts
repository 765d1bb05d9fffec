import {
  AlwaysEventCommand,
  alwaysEventDecider,
  AlwaysEventEvent,
  AlwaysEventSubject,
  CoDesignMember,
} from '../../../src/domain/always-event';
import { CommandContext } from '../../../src/domain/shared';
import { context } from '../support/decider-spec';
import { historyOf } from '../support/history';

export const AE = '0b5a6d1e-7c1f-4f0e-9d2a-3c4b5e6f7a80';
export const OTHER_AE = '1c6b7e2f-8d20-4a1f-8e3b-4d5c6f708192';
export const subject: AlwaysEventSubject = {
  alwaysEventId: AE,
  programmeSlug: 'always-events-england',
  odsCode: 'RV9',
};
export const HOME = {
  unitId: 'townend-court',
  name: 'Townend Court ATU',
  setting: 'LearningDisability' as const,
};
export const INITIATED_AT = '2017-06-15T09:00:00.000Z';
export const ACTIVITY = 'a1a1a1a1-0000-4000-8000-000000000001';
export const THEME = 'a1a1a1a1-0000-4000-8000-000000000002';
export const DRAFT = 'a1a1a1a1-0000-4000-8000-000000000003';
export const IDEA = 'a1a1a1a1-0000-4000-8000-000000000004';
export const OUTCOME_MEASURE = 'a1a1a1a1-0000-4000-8000-000000000005';
export const PROCESS_MEASURE = 'a1a1a1a1-0000-4000-8000-000000000006';
export const PDSA = 'a1a1a1a1-0000-4000-8000-000000000007';

type Of<T extends AlwaysEventCommand['type']> = Extract<AlwaysEventCommand, { type: T }>;

/** A command to this Always Event; `alwaysEventId` is filled in. */
export function command<T extends AlwaysEventCommand['type']>(
  type: T,
  data: Omit<Of<T>['data'], 'alwaysEventId'>,
  facts?: Of<T>['facts'],
  overrides: Partial<CommandContext> = {},
): Of<T> {
  return {
    type,
    data: { alwaysEventId: AE, ...data },
    context: context(overrides),
    facts,
  } as unknown as Of<T>;
}

export const eventsOf = (...commands: AlwaysEventCommand[]): AlwaysEventEvent[] =>
  historyOf(alwaysEventDecider, ...commands);

export const aim = {
  population: 'Patients at Townend Court',
  behaviourOrOutcome: 'have their preferred equipment to contact important people within 5 minutes',
  targetPct: 95,
  deadline: '2018-03-31',
  reviewCadence: null,
};
const met = { met: true, rationale: 'Service users said so in every listening session' };

export const patient: CoDesignMember = { memberId: 'P-001', category: 'PatientOrServiceUser' };
export const carer: CoDesignMember = { memberId: 'C-001', category: 'FamilyOrCarer' };
export const nurse: CoDesignMember = { memberId: 'S-001', category: 'PointOfCareStaff' };
export const manager: CoDesignMember = { memberId: 'M-001', category: 'Manager' };

export const commands = {
  initiate: () =>
    command(
      'InitiateAlwaysEvent',
      {
        programmeSlug: subject.programmeSlug,
        odsCode: subject.odsCode,
        homeUnit: HOME,
        population: 'People with a learning disability staying at Townend Court',
        derivedFromAlwaysEventId: null,
      },
      { participationEnrolled: true, derivedFrom: null },
      { occurredAt: INITIATED_AT },
    ),
  formTeam: (...members: CoDesignMember[]) => command('FormCoDesignTeam', { members }),
  listen: (patientsOrServiceUsers = 4, activityId = ACTIVITY) =>
    command('RecordListeningActivity', {
      activityId,
      method: 'Conversation',
      heldOn: '2017-07-01',
      participants: { patientsOrServiceUsers, familiesOrCarers: 0, staff: 3, others: 0 },
      summary: 'Contact with family matters most',
    }),
  theme: () =>
    command('IdentifyWhatMattersTheme', {
      themeId: THEME,
      label: 'Contact with people who matter',
      sourceActivityIds: [ACTIVITY],
    }),
  startCoDesign: () => command('StartCoDesign', { selectedThemeId: THEME }),
  draft: (overrides: Partial<Of<'DraftStatement'>['data']> = {}) =>
    command('DraftStatement', {
      draftId: DRAFT,
      visionStatement: 'We will always be able to contact people who are important to us 24hrs a day',
      visionVoice: 'PatientWords',
      aim,
      ...overrides,
    }),
  assess: (measurable = met) =>
    command('AssessCriteria', {
      draftId: DRAFT,
      important: met,
      evidenceBased: met,
      measurable,
      affordableSustainable: met,
    }),
  agree: () => command('AgreeStatement', { draftId: DRAFT }),
  proposeIdea: (origin: Of<'ProposeChangeIdea'>['data']['origin'] = 'CoDesignSession', changeIdeaId = IDEA) =>
    command('ProposeChangeIdea', {
      changeIdeaId,
      description: 'A ward phone on a trolley, charged every night',
      origin,
      originatingSessionId: null,
    }),
  link: (measureId: string, role: 'Outcome' | 'Process' | 'Balancing') =>
    command(
      'LinkMeasure',
      { measureId, role },
      { measure: { alwaysEventId: AE, role, name: `${role} measure` } },
    ),
  startTesting: () => command('StartTesting', {}),
  startImplementation: () =>
    command(
      'StartImplementation',
      { pdsaCycleIds: [PDSA] },
      {
        pdsaCycles: [
          {
            pdsaCycleId: PDSA,
            alwaysEventId: AE,
            changeIdeaId: IDEA,
            status: 'Completed',
            decision: 'Adopt',
          },
        ],
      },
    ),
};

/** Histories at each stage of the lifecycle, each built on the one before. */
export const initiated = eventsOf(commands.initiate());
export const inDiscovery = eventsOf(commands.initiate(), commands.listen());
export const coDesignSteps = [
  commands.initiate(),
  commands.formTeam(patient, nurse),
  commands.listen(),
  commands.theme(),
  commands.startCoDesign(),
];
export const inCoDesign = eventsOf(...coDesignSteps);
export const agreementSteps = [...coDesignSteps, commands.draft(), commands.assess(), commands.agree()];
export const agreed = eventsOf(...agreementSteps);
export const testingSteps = [
  ...agreementSteps,
  commands.proposeIdea(),
  commands.link(OUTCOME_MEASURE, 'Outcome'),
  commands.link(PROCESS_MEASURE, 'Process'),
  commands.startTesting(),
];
export const testing = eventsOf(...testingSteps);
export const implementingSteps = [...testingSteps, commands.startImplementation()];
export const implementing = eventsOf(...implementingSteps);
