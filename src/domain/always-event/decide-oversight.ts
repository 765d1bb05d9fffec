import { isMonthPeriod, periodEndsBefore, periodIsInFuture } from '../measure';
import { ensure } from '../shared';
import { CloseAlwaysEvent, PauseAlwaysEvent, RecordProgressScore, ResumeAlwaysEvent } from './commands';
import {
  AlwaysEventClosed,
  AlwaysEventPaused,
  AlwaysEventResumed,
  AlwaysEventSubject,
  ProgressScoreAmended,
  ProgressScoreRecorded,
} from './events';
import { ensureOpen } from './guards';
import { AlwaysEventState } from './state';
import { AlwaysEventPhase, PROGRESS_SCORES } from './values';

export function recordProgressScore(
  command: RecordProgressScore,
  state: AlwaysEventState,
): Array<ProgressScoreRecorded | ProgressScoreAmended> {
  const subject = ensureOpen(state);
  const { period, score, note } = command.data;
  ensure(
    isMonthPeriod(period),
    'period-not-a-month',
    `period ${period} is not a month, YYYY-MM`,
    'invalid',
    'period',
  );
  ensure(
    (PROGRESS_SCORES as readonly number[]).includes(score),
    'progress-score-off-scale',
    `score ${score} is not on the 0.5 to 5.0 scale in steps of 0.5`,
    'invalid',
    'score',
  );
  ensure(
    !periodIsInFuture(period, command.context.now),
    'period-in-future',
    `Period ${period} has not started yet`,
    'invalid',
    'period',
  );
  ensure(
    !periodEndsBefore(period, state.initiatedAt as string),
    'period-before-initiation',
    `Period ${period} ended before the Always Event was initiated`,
    'invalid',
    'period',
  );
  const previousScore = state.progressScores[period];
  if (previousScore === undefined) {
    return [{ type: 'ProgressScoreRecorded', data: { ...subject, period, score, note } }];
  }
  ensure(
    previousScore !== score,
    'progress-score-unchanged',
    `${period} is already scored ${score}`,
    'invalid',
    'score',
  );
  return [{ type: 'ProgressScoreAmended', data: { ...subject, period, score, previousScore, note } }];
}

export function pauseAlwaysEvent(command: PauseAlwaysEvent, state: AlwaysEventState): AlwaysEventPaused[] {
  const subject = ensureOpen(state);
  return [
    {
      type: 'AlwaysEventPaused',
      data: {
        ...subject,
        pausedInPhase: state.phase as AlwaysEventPhase,
        reason: command.data.reason,
        expectedResumeDate: command.data.expectedResumeDate,
        pausedAt: command.context.occurredAt,
      },
    },
  ];
}

export function resumeAlwaysEvent(command: ResumeAlwaysEvent, state: AlwaysEventState): AlwaysEventResumed[] {
  ensure(
    state.phase !== 'NotInitiated',
    'always-event-not-initiated',
    'The Always Event has not been initiated',
  );
  ensure(state.phase !== 'Closed', 'always-event-closed', 'The Always Event is closed');
  ensure(state.phase === 'Paused', 'always-event-not-paused', 'The Always Event is not paused');
  return [
    {
      type: 'AlwaysEventResumed',
      data: {
        ...(state.subject as AlwaysEventSubject),
        resumedToPhase: state.pausedPhase as AlwaysEventPhase,
        resumedAt: command.context.occurredAt,
      },
    },
  ];
}

/** Closing is allowed from any state, paused included; closed is terminal. */
export function closeAlwaysEvent(command: CloseAlwaysEvent, state: AlwaysEventState): AlwaysEventClosed[] {
  ensure(
    state.phase !== 'NotInitiated',
    'always-event-not-initiated',
    'The Always Event has not been initiated',
  );
  ensure(state.phase !== 'Closed', 'always-event-closed', 'The Always Event is already closed');
  return [
    {
      type: 'AlwaysEventClosed',
      data: {
        ...(state.subject as AlwaysEventSubject),
        reason: command.data.reason,
        note: command.data.note,
        phaseAtClosure: state.pausedPhase ?? (state.phase as AlwaysEventPhase),
        closedAt: command.context.occurredAt,
      },
    },
  ];
}
