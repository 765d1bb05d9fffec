import { alwaysEventDecider } from '../../../src/domain/always-event';
import { decided, stateOf } from '../support/history';
import { deciderSpec, NOW } from '../support/decider-spec';
import { command, commands, eventsOf, patient, subject, testing, testingSteps } from './fixtures';

const spec = deciderSpec(alwaysEventDecider);
const score = (period: string, value: number, note: string | null = null) =>
  command('RecordProgressScore', { period, score: value, note });
const pause = command('PauseAlwaysEvent', { reason: 'Ward refurbishment', expectedResumeDate: '2018-06-01' });
const resume = command('ResumeAlwaysEvent', {});
const close = command('CloseAlwaysEvent', { reason: 'Abandoned', note: 'Unit closed' });
const paused = eventsOf(...testingSteps, pause);
const closed = eventsOf(...testingSteps, close);

describe('Always Event: progress scores, pause and closure', () => {
  describe('RecordProgressScore', () => {
    it("records a month's score", () => {
      spec
        .given(testing)
        .when(score('2018-03', 3.5, 'Testing on two shifts'))
        .then([
          {
            type: 'ProgressScoreRecorded',
            data: { ...subject, period: '2018-03', score: 3.5, note: 'Testing on two shifts' },
          },
        ]);
    });
    it('amends a month already scored, keeping the score it replaces', () => {
      spec
        .given(eventsOf(...testingSteps, score('2018-03', 3)))
        .when(score('2018-03', 3.5))
        .then([
          {
            type: 'ProgressScoreAmended',
            data: { ...subject, period: '2018-03', score: 3.5, previousScore: 3, note: null },
          },
        ]);
    });
    it('refuses the same score again for a month', () => {
      spec
        .given(eventsOf(...testingSteps, score('2018-03', 3)))
        .when(score('2018-03', 3))
        .thenThrows('progress-score-unchanged', 'invalid', 'score');
    });
    it.each([0, 0.75, 5.5, 3.25])('refuses %s, off the 0.5 to 5.0 half-step scale', (value) => {
      spec
        .given(testing)
        .when(score('2018-03', value))
        .thenThrows('progress-score-off-scale', 'invalid', 'score');
    });
    it('refuses a period that is not a month', () => {
      spec.given(testing).when(score('2018-W10', 3)).thenThrows('period-not-a-month', 'invalid', 'period');
    });
    it('refuses a month that has not started', () => {
      spec.given(testing).when(score('2018-05', 3)).thenThrows('period-in-future', 'invalid', 'period');
    });
    it('accepts the current month', () => {
      spec
        .given(testing)
        .when(score('2018-04', 1))
        .then([
          { type: 'ProgressScoreRecorded', data: { ...subject, period: '2018-04', score: 1, note: null } },
        ]);
    });
    it('refuses a month that ended before initiation', () => {
      spec
        .given(testing)
        .when(score('2017-05', 1))
        .thenThrows('period-before-initiation', 'invalid', 'period');
    });
  });

  describe('PauseAlwaysEvent', () => {
    it('pauses, remembering the phase', () => {
      spec
        .given(testing)
        .when(pause)
        .then([
          {
            type: 'AlwaysEventPaused',
            data: {
              ...subject,
              pausedInPhase: 'Testing',
              reason: 'Ward refurbishment',
              expectedResumeDate: '2018-06-01',
              pausedAt: NOW,
            },
          },
        ]);
    });
    it('refuses pausing twice', () => {
      spec.given(paused).when(pause).thenThrows('always-event-paused', 'conflict');
    });
    it('refuses work while paused', () => {
      spec.given(paused).when(score('2018-03', 3)).thenThrows('always-event-paused');
    });
  });

  describe('ResumeAlwaysEvent', () => {
    it('resumes in the phase it was paused in', () => {
      spec
        .given(paused)
        .when(resume)
        .then([
          { type: 'AlwaysEventResumed', data: { ...subject, resumedToPhase: 'Testing', resumedAt: NOW } },
        ]);
    });
    it('refuses when not paused', () => {
      spec.given(testing).when(resume).thenThrows('always-event-not-paused', 'conflict');
    });
    it('refuses when closed', () => {
      spec.given(closed).when(resume).thenThrows('always-event-closed');
    });
    it('refuses before initiation', () => {
      spec.given([]).when(resume).thenThrows('always-event-not-initiated');
    });
  });

  describe('CloseAlwaysEvent', () => {
    it('closes with a reason and the phase it reached', () => {
      spec
        .given(testing)
        .when(close)
        .then([
          {
            type: 'AlwaysEventClosed',
            data: {
              ...subject,
              reason: 'Abandoned',
              note: 'Unit closed',
              phaseAtClosure: 'Testing',
              closedAt: NOW,
            },
          },
        ]);
    });
    it('closes a paused Always Event, recording the phase it was paused in', () => {
      const [event] = decided(alwaysEventDecider, paused, close);
      expect(event.type === 'AlwaysEventClosed' && event.data.phaseAtClosure).toBe('Testing');
    });
    it('refuses closing twice', () => {
      spec.given(closed).when(close).thenThrows('always-event-closed', 'conflict');
    });
    it('refuses before initiation', () => {
      spec.given([]).when(close).thenThrows('always-event-not-initiated');
    });
  });

  describe('Closed is terminal', () => {
    it.each([
      ['a co-design member', command('AddCoDesignTeamMember', { ...patient, memberId: 'P-002' })],
      ['a change idea', commands.proposeIdea('StaffSuggestion', 'c0c0c0c0-0000-4000-8000-000000000001')],
      ['a pause', pause],
      ['a progress score', score('2018-03', 2)],
    ])('refuses %s once closed', (_, next) => {
      spec.given(closed).when(next).thenThrows('always-event-closed', 'conflict');
    });
    it('refuses work after closing from an early phase too', () => {
      spec
        .given(eventsOf(commands.initiate(), close))
        .when(commands.formTeam(patient))
        .thenThrows('always-event-closed');
    });
  });

  it('refuses work on an Always Event never initiated', () => {
    spec.given([]).when(score('2018-03', 1)).thenThrows('always-event-not-initiated', 'conflict');
  });
  it('keeps the co-design phase when paused and resumed', () => {
    const state = stateOf(
      alwaysEventDecider,
      eventsOf(
        commands.initiate(),
        commands.formTeam(patient),
        commands.listen(),
        commands.theme(),
        commands.startCoDesign(),
        pause,
        resume,
      ),
    );
    expect(state.phase).toBe('CoDesign');
  });
});
