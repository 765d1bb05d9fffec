import { ParticipationKey, ParticipationState } from '../participation';
import { Command, IsoDate } from '../shared';
import { LearningChannel, SupportContactType } from './engagement-types';
import { MonthlyPeriod } from './monthly-period';

/** The participation as its stream says (a fold of `participation-<programme>.<ODS>`). */
export type EngagementFacts = { participation: Pick<ParticipationState, 'status'> };

export interface MonthlyReturnContent {
  period: MonthlyPeriod;
  /** The Always Events the return reports on. */
  alwaysEventIds: string[];
  measuresReported: number;
}

export type RecordSupportContact = Command<
  'RecordSupportContact',
  ParticipationKey & {
    contactType: SupportContactType;
    heldOn: IsoDate;
    attendeesCount: number;
    /** The session's reference, when it has one (e.g. a webinar's); one record per session. */
    sessionRef?: string;
  },
  EngagementFacts
>;
export type SubmitMonthlyReturn = Command<
  'SubmitMonthlyReturn',
  ParticipationKey & MonthlyReturnContent & { submittedOn: IsoDate },
  EngagementFacts
>;
export type AmendMonthlyReturn = Command<
  'AmendMonthlyReturn',
  ParticipationKey & MonthlyReturnContent & { amendedOn: IsoDate },
  EngagementFacts
>;
export type RecordLearningShared = Command<
  'RecordLearningShared',
  ParticipationKey & { channel: LearningChannel; sharedOn: IsoDate; alwaysEventId?: string; title?: string },
  EngagementFacts
>;

export type EngagementCommand =
  RecordSupportContact | SubmitMonthlyReturn | AmendMonthlyReturn | RecordLearningShared;
