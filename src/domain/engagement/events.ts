import { ParticipationKey } from '../participation';
import { DomainEvent, IsoDate } from '../shared';
import { MonthlyReturnContent } from './commands';
import { LearningChannel, SupportContactType } from './engagement-types';

export type SupportContactRecorded = DomainEvent<
  'SupportContactRecorded',
  ParticipationKey & {
    contactType: SupportContactType;
    heldOn: IsoDate;
    attendeesCount: number;
    sessionRef: string | null;
  }
>;
export type MonthlyReturnSubmitted = DomainEvent<
  'MonthlyReturnSubmitted',
  ParticipationKey & MonthlyReturnContent & { submittedOn: IsoDate }
>;
export type MonthlyReturnAmended = DomainEvent<
  'MonthlyReturnAmended',
  ParticipationKey &
    MonthlyReturnContent & {
      amendedOn: IsoDate;
      /** 1 for the first amendment of the period. */
      amendmentNumber: number;
      /** The original submission's date: return compliance counts from it, not from amendments. */
      submittedOn: IsoDate;
    }
>;
export type LearningShared = DomainEvent<
  'LearningShared',
  ParticipationKey & {
    channel: LearningChannel;
    sharedOn: IsoDate;
    alwaysEventId: string | null;
    title: string | null;
  }
>;

export type EngagementEvent =
  SupportContactRecorded | MonthlyReturnSubmitted | MonthlyReturnAmended | LearningShared;
