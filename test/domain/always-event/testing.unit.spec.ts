import { alwaysEventDecider, PdsaCycleFact } from '../../../src/domain/always-event';
import { decided } from '../support/history';
import { deciderSpec, NOW } from '../support/decider-spec';
import {
  AE,
  agreed,
  agreementSteps,
  command,
  commands,
  eventsOf,
  IDEA,
  inCoDesign,
  inDiscovery,
  OTHER_AE,
  OUTCOME_MEASURE,
  PDSA,
  PROCESS_MEASURE,
  subject,
  testing,
} from './fixtures';

const spec = deciderSpec(alwaysEventDecider);
const BALANCING = 'b0b0b0b0-0000-4000-8000-000000000001';

describe('Always Event: change ideas, measures and testing', () => {
  describe('ProposeChangeIdea', () => {
    it('records a co-designed idea', () => {
      spec
        .given(inCoDesign)
        .when(commands.proposeIdea())
        .then([
          {
            type: 'ChangeIdeaProposed',
            data: {
              ...subject,
              changeIdeaId: IDEA,
              description: 'A ward phone on a trolley, charged every night',
              origin: 'CoDesignSession',
              originatingSessionId: null,
              warnings: [],
            },
          },
        ]);
    });
    it('flags, without refusing, an idea brought in from outside during co-design', () => {
      const [event] = decided(alwaysEventDecider, inCoDesign, commands.proposeIdea('Literature'));
      expect(event.type === 'ChangeIdeaProposed' && event.data.warnings).toEqual([
        'idea-not-co-designed-during-co-design',
      ]);
    });
    it('does not flag ideas from elsewhere once testing', () => {
      const [event] = decided(alwaysEventDecider, testing, commands.proposeIdea('OtherSite', OTHER_AE));
      expect(event.type === 'ChangeIdeaProposed' && event.data.warnings).toEqual([]);
    });
    it('refuses ideas before co-design (blank canvas)', () => {
      spec
        .given(inDiscovery)
        .when(commands.proposeIdea())
        .thenThrows('change-idea-before-co-design', 'conflict');
    });
    it('refuses the same idea twice', () => {
      spec
        .given(eventsOf(...agreementSteps, commands.proposeIdea()))
        .when(commands.proposeIdea())
        .thenThrows('change-idea-already-proposed');
    });
  });

  describe('LinkMeasure', () => {
    it('links a measure of this Always Event in its role', () => {
      spec
        .given(agreed)
        .when(commands.link(OUTCOME_MEASURE, 'Outcome'))
        .then([
          {
            type: 'MeasureLinked',
            data: { ...subject, measureId: OUTCOME_MEASURE, role: 'Outcome', measureName: 'Outcome measure' },
          },
        ]);
    });
    it('refuses a measure that does not exist', () => {
      spec
        .given(agreed)
        .when(command('LinkMeasure', { measureId: OUTCOME_MEASURE, role: 'Outcome' }, { measure: null }))
        .thenThrows('measure-not-found', 'invalid', 'measureId');
    });
    it('refuses a measure of another Always Event', () => {
      const measure = { alwaysEventId: OTHER_AE, role: 'Outcome' as const, name: 'x' };
      spec
        .given(agreed)
        .when(command('LinkMeasure', { measureId: OUTCOME_MEASURE, role: 'Outcome' }, { measure }))
        .thenThrows('measure-of-another-always-event', 'invalid', 'measureId');
    });
    it('refuses a role other than the one the measure was defined with', () => {
      const measure = { alwaysEventId: AE, role: 'Process' as const, name: 'x' };
      spec
        .given(agreed)
        .when(command('LinkMeasure', { measureId: OUTCOME_MEASURE, role: 'Outcome' }, { measure }))
        .thenThrows('measure-role-mismatch', 'invalid', 'role');
    });
    it('refuses linking twice', () => {
      spec
        .given(eventsOf(...agreementSteps, commands.link(OUTCOME_MEASURE, 'Outcome')))
        .when(commands.link(OUTCOME_MEASURE, 'Outcome'))
        .thenThrows('measure-already-linked');
    });
  });

  describe('StartTesting', () => {
    const withMeasures = [
      ...agreementSteps,
      commands.link(OUTCOME_MEASURE, 'Outcome'),
      commands.link(PROCESS_MEASURE, 'Process'),
    ];
    it('starts testing, flagging the missing balancing measure', () => {
      spec
        .given(eventsOf(...withMeasures))
        .when(commands.startTesting())
        .then([
          {
            type: 'TestingStarted',
            data: {
              ...subject,
              setting: 'LearningDisability',
              outcomeMeasureIds: [OUTCOME_MEASURE],
              processMeasureIds: [PROCESS_MEASURE],
              balancingMeasureIds: [],
              warnings: ['no-balancing-measure'],
              startedAt: NOW,
            },
          },
        ]);
    });
    it('does not flag when a balancing measure is linked', () => {
      const history = eventsOf(...withMeasures, commands.link(BALANCING, 'Balancing'));
      const [event] = decided(alwaysEventDecider, history, commands.startTesting());
      expect(event.type === 'TestingStarted' && event.data.warnings).toEqual([]);
    });
    it('refuses before the statement is agreed', () => {
      spec.given(inCoDesign).when(commands.startTesting()).thenThrows('statement-not-agreed', 'conflict');
    });
    it('refuses without an outcome measure', () => {
      spec
        .given(eventsOf(...agreementSteps, commands.link(PROCESS_MEASURE, 'Process')))
        .when(commands.startTesting())
        .thenThrows('no-outcome-measure', 'conflict');
    });
    it('refuses without a process measure', () => {
      spec
        .given(eventsOf(...agreementSteps, commands.link(OUTCOME_MEASURE, 'Outcome')))
        .when(commands.startTesting())
        .thenThrows('no-process-measure', 'conflict');
    });
  });

  describe('StartImplementation', () => {
    const adopted: PdsaCycleFact = {
      pdsaCycleId: PDSA,
      alwaysEventId: AE,
      changeIdeaId: IDEA,
      status: 'Completed',
      decision: 'Adopt',
    };
    const implement = (...cycles: PdsaCycleFact[]) =>
      command(
        'StartImplementation',
        { pdsaCycleIds: cycles.map((c) => c.pdsaCycleId) },
        { pdsaCycles: cycles },
      );

    it('starts implementing the adopted change ideas', () => {
      spec
        .given(testing)
        .when(commands.startImplementation())
        .then([
          {
            type: 'ImplementationStarted',
            data: {
              ...subject,
              setting: 'LearningDisability',
              adoptedChangeIdeaIds: [IDEA],
              pdsaCycleIds: [PDSA],
              startedAt: NOW,
            },
          },
        ]);
    });
    it('refuses before testing', () => {
      spec.given(agreed).when(implement(adopted)).thenThrows('testing-not-started', 'conflict');
    });
    it('refuses without a PDSA cycle', () => {
      spec.given(testing).when(implement()).thenThrows('no-adopted-change-idea', 'invalid', 'pdsaCycleIds');
    });
    it('refuses a PDSA cycle that does not exist', () => {
      const missing = {
        ...adopted,
        alwaysEventId: null,
        changeIdeaId: null,
        status: 'Unplanned',
        decision: null,
      };
      spec
        .given(testing)
        .when(implement(missing))
        .thenThrows('pdsa-cycle-not-found', 'invalid', 'pdsaCycleIds');
    });
    it('refuses a cycle of another Always Event', () => {
      spec
        .given(testing)
        .when(implement({ ...adopted, alwaysEventId: OTHER_AE }))
        .thenThrows('pdsa-cycle-of-another-always-event', 'invalid');
    });
    it('refuses a cycle testing a change idea not on this Always Event', () => {
      spec
        .given(testing)
        .when(implement({ ...adopted, changeIdeaId: OTHER_AE }))
        .thenThrows('change-idea-not-found', 'invalid');
    });
    it.each([
      ['decided Adapt', { status: 'Completed', decision: 'Adapt' }],
      ['still running', { status: 'Running', decision: null }],
    ])('refuses a cycle %s', (_, outcome) => {
      spec
        .given(testing)
        .when(implement({ ...adopted, ...outcome }))
        .thenThrows('pdsa-cycle-not-adopted', 'conflict');
    });
  });
});
