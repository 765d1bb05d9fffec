import { fold } from '../../../src/domain/decider';
import {
  CloseProgramme,
  DefinePhase,
  LaunchProgramme,
  programmeDecider,
  ProgrammeEvent,
  ProgrammePhaseDefined,
  SetEnrolmentTarget,
} from '../../../src/domain/programme';
import { deciderSpec } from '../support/decider-spec';
import {
  launched,
  phase,
  pilotPhase,
  programmeCommand,
  SLUG,
  spreadPhase,
  toolkitPhase,
} from './programme-fixtures';

const spec = deciderSpec(programmeDecider);
const closed: ProgrammeEvent = {
  type: 'ProgrammeClosed',
  data: { programmeSlug: SLUG, closedOn: '2020-03-31', reason: 'Business as usual' },
};

describe('Programme decider', () => {
  describe('LaunchProgramme', () => {
    const launch = programmeCommand<LaunchProgramme>('LaunchProgramme', {
      name: launched.data.name,
      sponsors: launched.data.sponsors,
      startDate: '2015-01-01',
    });
    it('launches a draft programme', () => {
      spec.given([]).when(launch).then([launched]);
    });
    it('refuses to launch twice', () => {
      spec.given([launched]).when(launch).thenThrows('programme-already-launched', 'conflict');
    });
  });

  describe('DefinePhase', () => {
    /** The command that defines the phase the event describes. */
    const define = ({ data: { programmeSlug: _, description, endDate, ...rest } }: ProgrammePhaseDefined) =>
      programmeCommand<DefinePhase>('DefinePhase', {
        ...rest,
        description: description ?? undefined,
        endDate: endDate ?? undefined,
      });
    it('defines a phase with a date range', () => {
      spec.given([launched]).when(define(pilotPhase)).then([pilotPhase]);
    });
    it('defines an open-ended phase with a description', () => {
      const careHomes = phase('care-homes', 'Other', '2019-04-01', null, 'Spread to care homes');
      spec.given([launched, pilotPhase, toolkitPhase]).when(define(careHomes)).then([careHomes]);
    });
    it('allows a phase that starts the day after the previous one ends', () => {
      spec.given([launched, pilotPhase]).when(define(toolkitPhase)).then([toolkitPhase]);
    });
    it('lets a later phase end an open-ended one: it ran until the next started', () => {
      const primaryCare = phase('primary-care', 'PrimaryCareSpread', '2018-04-01', null);
      spec.given([launched, spreadPhase]).when(define(primaryCare)).then([primaryCare]);
    });
    it('refuses a phase overlapping another one', () => {
      spec
        .given([launched, pilotPhase])
        .when(define(phase('toolkit-test', 'ToolkitTest', '2015-10-01', '2016-12-31')))
        .thenThrows('phases-overlap', 'conflict', 'startDate');
    });
    it('refuses a phase that runs into an open-ended later phase', () => {
      spec
        .given([launched, spreadPhase])
        .when(define(phase('toolkit-test', 'ToolkitTest', '2016-01-01', '2017-01-01')))
        .thenThrows('phases-overlap', 'conflict');
    });
    it('refuses two phases starting on the same day', () => {
      spec
        .given([launched, toolkitPhase])
        .when(define(phase('spread', 'Spread', '2015-11-01', null)))
        .thenThrows('phases-overlap', 'conflict');
    });
    it('refuses a phase id defined before', () => {
      spec
        .given([launched, pilotPhase])
        .when(define(pilotPhase))
        .thenThrows('phase-already-defined', 'conflict', 'phaseId');
    });
    it('refuses an end before the start', () => {
      spec
        .given([launched])
        .when(define(phase('pilot', 'Pilot', '2015-01-01', '2014-12-31')))
        .thenThrows('phase-ends-before-start', 'invalid', 'endDate');
    });
    it('refuses a phase starting before the programme', () => {
      spec
        .given([launched])
        .when(define(phase('pilot', 'Pilot', '2014-06-01', '2015-10-31')))
        .thenThrows('phase-starts-before-programme', 'invalid', 'startDate');
    });
    it('refuses a programme not launched', () => {
      spec.given([]).when(define(pilotPhase)).thenThrows('programme-not-launched', 'conflict');
    });
    it('refuses a closed programme', () => {
      spec.given([launched, closed]).when(define(pilotPhase)).thenThrows('programme-closed', 'conflict');
    });
  });

  describe('SetEnrolmentTarget', () => {
    const target = {
      targetId: 'mandate-2017-18',
      metric: 'EnrolledWithSeniorSupport' as const,
      threshold: 100,
      deadline: '2018-03-31',
      setDate: '2017-03-20',
      source: 'NHS Mandate 2017-18',
      denominatorDefinition: 'NHS trusts open on the deadline (ODS register)',
    };
    const set = (data: Partial<SetEnrolmentTarget['data']> = {}) =>
      programmeCommand<SetEnrolmentTarget>('SetEnrolmentTarget', { ...target, ...data });
    it('sets the Mandate target: 100 organisations with senior support by 31 March 2018', () => {
      spec
        .given([launched])
        .when(set())
        .then([{ type: 'EnrolmentTargetSet', data: { programmeSlug: SLUG, ...target } }]);
    });
    it('refuses a deadline on the set date', () => {
      spec
        .given([launched])
        .when(set({ deadline: '2017-03-20' }))
        .thenThrows('target-deadline-not-after-set-date', 'invalid', 'deadline');
    });
    it('refuses a blank denominator definition', () => {
      spec
        .given([launched])
        .when(set({ denominatorDefinition: '   ' }))
        .thenThrows('target-denominator-required', 'invalid', 'denominatorDefinition');
    });
    it('refuses a set date in the future', () => {
      spec
        .given([launched])
        .when(set({ setDate: '2018-05-01', deadline: '2019-03-31' }))
        .thenThrows('date-in-future', 'invalid', 'setDate');
    });
    it('refuses a target id set before', () => {
      spec
        .given([launched, { type: 'EnrolmentTargetSet', data: { programmeSlug: SLUG, ...target } }])
        .when(set())
        .thenThrows('target-already-set', 'conflict', 'targetId');
    });
    it('refuses a programme not launched', () => {
      spec.given([]).when(set()).thenThrows('programme-not-launched', 'conflict');
    });
  });

  describe('CloseProgramme', () => {
    const close = (closedOn: string) =>
      programmeCommand<CloseProgramme>('CloseProgramme', { closedOn, reason: 'Business as usual' });
    it('closes an active programme', () => {
      spec
        .given([launched])
        .when(close('2018-03-31'))
        .then([
          {
            type: 'ProgrammeClosed',
            data: { programmeSlug: SLUG, closedOn: '2018-03-31', reason: 'Business as usual' },
          },
        ]);
    });
    it('refuses to close twice', () => {
      spec.given([launched, closed]).when(close('2018-03-31')).thenThrows('programme-closed', 'conflict');
    });
    it('refuses a programme not launched', () => {
      spec.given([]).when(close('2018-03-31')).thenThrows('programme-not-launched', 'conflict');
    });
    it('refuses a close before the start', () => {
      spec
        .given([launched])
        .when(close('2014-12-31'))
        .thenThrows('programme-closes-before-start', 'invalid', 'closedOn');
    });
    it('refuses a close in the future', () => {
      spec.given([launched]).when(close('2018-04-02')).thenThrows('date-in-future', 'invalid', 'closedOn');
    });
  });

  it('folds into a state that lists phases by id and tracks the lifecycle', () => {
    const state = fold(programmeDecider, [launched, pilotPhase, toolkitPhase, closed]);
    expect(state).toMatchObject({
      status: 'closed',
      programmeSlug: SLUG,
      closedOn: '2020-03-31',
      phases: { pilot: { name: 'Pilot', endDate: '2015-10-31' }, 'toolkit-test': { name: 'ToolkitTest' } },
    });
  });
});
