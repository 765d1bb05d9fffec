import { Decider } from '../decider';
import { isTakingPart } from '../participation/state';
import { DomainError, ensure, IsoDate } from '../shared';
import { ensureNotBefore, ensureNotInFuture } from '../shared/fact-dates';
import {
  AmendMonthlyReturn,
  EngagementCommand,
  EngagementFacts,
  MonthlyReturnContent,
  RecordLearningShared,
  RecordSupportContact,
  SubmitMonthlyReturn,
} from './commands';
import {
  EngagementEvent,
  LearningShared,
  MonthlyReturnAmended,
  MonthlyReturnSubmitted,
  SupportContactRecorded,
} from './events';
import { firstDayOf, MonthlyPeriod, periodOf } from './monthly-period';

export interface MonthlyReturn extends MonthlyReturnContent {
  submittedOn: IsoDate;
  amendments: number;
  lastAmendedOn: IsoDate | null;
}

/** The log is append-only; its state is only what its own rules need, plus counts to show. */
export interface EngagementState {
  returns: Record<MonthlyPeriod, MonthlyReturn>;
  sessionRefs: string[];
  supportContacts: number;
  learningShared: number;
}

export const initialState = (): EngagementState => ({
  returns: {},
  sessionRefs: [],
  supportContacts: 0,
  learningShared: 0,
});

export function evolve(state: EngagementState, event: EngagementEvent): EngagementState {
  switch (event.type) {
    case 'SupportContactRecorded':
      return {
        ...state,
        supportContacts: state.supportContacts + 1,
        sessionRefs:
          event.data.sessionRef === null ? state.sessionRefs : [...state.sessionRefs, event.data.sessionRef],
      };
    case 'MonthlyReturnSubmitted': {
      const { period, submittedOn, alwaysEventIds, measuresReported } = event.data;
      return {
        ...state,
        returns: {
          ...state.returns,
          [period]: {
            period,
            submittedOn,
            alwaysEventIds,
            measuresReported,
            amendments: 0,
            lastAmendedOn: null,
          },
        },
      };
    }
    case 'MonthlyReturnAmended': {
      const { period, alwaysEventIds, measuresReported, amendmentNumber, amendedOn } = event.data;
      const amended = {
        alwaysEventIds,
        measuresReported,
        amendments: amendmentNumber,
        lastAmendedOn: amendedOn,
      };
      return { ...state, returns: { ...state.returns, [period]: { ...state.returns[period], ...amended } } };
    }
    case 'LearningShared':
      return { ...state, learningShared: state.learningShared + 1 };
  }
}

function ensureTakingPart(facts: EngagementFacts): void {
  ensure(
    isTakingPart(facts.participation),
    'participation-not-enrolled',
    `The engagement log records only for an enrolled or paused participation; it is ${facts.participation.status}`,
  );
}

/** Late returns are normal; a return for a month that has not begun is not. */
function ensurePeriodStarted(period: MonthlyPeriod, now: string): void {
  ensure(
    period <= periodOf(now),
    'period-in-future',
    `Period ${period} has not begun (this month is ${periodOf(now)})`,
    'invalid',
    'period',
  );
}

function recordSupportContact(
  command: RecordSupportContact,
  state: EngagementState,
): SupportContactRecorded[] {
  const sessionRef = command.data.sessionRef ?? null;
  ensureTakingPart(command.facts);
  ensureNotInFuture(command.data.heldOn, command.context, 'heldOn');
  ensure(
    sessionRef === null || !state.sessionRefs.includes(sessionRef),
    'support-contact-already-recorded',
    `Session ${sessionRef} is already recorded for this organisation`,
    'conflict',
    'sessionRef',
  );
  return [{ type: 'SupportContactRecorded', data: { ...command.data, sessionRef } }];
}

function submitMonthlyReturn(command: SubmitMonthlyReturn, state: EngagementState): MonthlyReturnSubmitted[] {
  const { period, submittedOn } = command.data;
  ensureTakingPart(command.facts);
  ensurePeriodStarted(period, command.context.now);
  ensureNotInFuture(submittedOn, command.context, 'submittedOn');
  ensureNotBefore(submittedOn, firstDayOf(period), 'submitted-before-period', 'submittedOn', 'the period');
  const existing = state.returns[period];
  ensure(
    existing === undefined,
    'monthly-return-already-submitted',
    `The return for ${period} was submitted on ${existing?.submittedOn}; correct it with AmendMonthlyReturn`,
    'conflict',
    'period',
  );
  return [{ type: 'MonthlyReturnSubmitted', data: command.data }];
}

const sameContent = (a: MonthlyReturnContent, b: MonthlyReturnContent): boolean =>
  a.measuresReported === b.measuresReported &&
  a.alwaysEventIds.length === b.alwaysEventIds.length &&
  a.alwaysEventIds.every((id) => b.alwaysEventIds.includes(id));

function amendMonthlyReturn(command: AmendMonthlyReturn, state: EngagementState): MonthlyReturnAmended[] {
  const { period, amendedOn } = command.data;
  ensureTakingPart(command.facts);
  const existing = state.returns[period];
  ensure(
    existing !== undefined,
    'monthly-return-not-submitted',
    `No return for ${period} has been submitted; submit it with SubmitMonthlyReturn`,
    'conflict',
    'period',
  );
  ensureNotInFuture(amendedOn, command.context, 'amendedOn');
  ensureNotBefore(
    amendedOn,
    existing.submittedOn,
    'amended-before-submission',
    'amendedOn',
    'the submission',
  );
  ensure(
    !sameContent(existing, command.data),
    'monthly-return-unchanged',
    `The amendment repeats the return for ${period} as it stands`,
    'invalid',
  );
  return [
    {
      type: 'MonthlyReturnAmended',
      data: { ...command.data, amendmentNumber: existing.amendments + 1, submittedOn: existing.submittedOn },
    },
  ];
}

function recordLearningShared(command: RecordLearningShared, _state: EngagementState): LearningShared[] {
  ensureTakingPart(command.facts);
  ensureNotInFuture(command.data.sharedOn, command.context, 'sharedOn');
  return [
    {
      type: 'LearningShared',
      data: {
        ...command.data,
        alwaysEventId: command.data.alwaysEventId ?? null,
        title: command.data.title ?? null,
      },
    },
  ];
}

export function decide(command: EngagementCommand, state: EngagementState): EngagementEvent[] {
  switch (command.type) {
    case 'RecordSupportContact':
      return recordSupportContact(command, state);
    case 'SubmitMonthlyReturn':
      return submitMonthlyReturn(command, state);
    case 'AmendMonthlyReturn':
      return amendMonthlyReturn(command, state);
    case 'RecordLearningShared':
      return recordLearningShared(command, state);
    default:
      throw new DomainError(
        'unknown-command',
        `Unknown command ${(command as { type: string }).type}`,
        'invalid',
      );
  }
}

export const engagementDecider: Decider<EngagementCommand, EngagementEvent, EngagementState> = {
  initialState,
  evolve,
  decide,
};

/** `engagement-always-events-england.RYX`: the log of one organisation in one programme. */
export const engagementStreamId = (programmeSlug: string, odsCode: string): string =>
  `engagement-${programmeSlug}.${odsCode}`;
