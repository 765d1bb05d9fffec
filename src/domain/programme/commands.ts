import { Command, IsoDate } from '../shared';
import { CohortFormat, EnrolmentMetric, PhaseName } from './programme-types';

export type LaunchProgramme = Command<
  'LaunchProgramme',
  { programmeSlug: string; name: string; sponsors: string[]; startDate: IsoDate }
>;
export type DefinePhase = Command<
  'DefinePhase',
  {
    programmeSlug: string;
    phaseId: string;
    name: PhaseName;
    description?: string;
    startDate: IsoDate;
    /** Absent: the phase runs until the next phase starts. */
    endDate?: IsoDate;
  }
>;
export type SetEnrolmentTarget = Command<
  'SetEnrolmentTarget',
  {
    programmeSlug: string;
    targetId: string;
    metric: EnrolmentMetric;
    threshold: number;
    deadline: IsoDate;
    setDate: IsoDate;
    source: string;
    denominatorDefinition: string;
  }
>;
export type ScheduleCohort = Command<
  'ScheduleCohort',
  {
    programmeSlug: string;
    cohortId: string;
    phaseId: string;
    name: string;
    plannedLaunchDate: IsoDate;
    location?: string;
  }
>;
export type LaunchCohort = Command<
  'LaunchCohort',
  { programmeSlug: string; cohortId: string; launchedOn: IsoDate; format: CohortFormat }
>;
export type CloseCohort = Command<
  'CloseCohort',
  { programmeSlug: string; cohortId: string; closedOn: IsoDate }
>;
export type CloseProgramme = Command<
  'CloseProgramme',
  { programmeSlug: string; closedOn: IsoDate; reason: string }
>;

export type SetReportingWindow = Command<
  'SetReportingWindow',
  {
    programmeSlug: string;
    /** Absent: the programme's window; present: that phase's. */
    phaseId?: string;
    startsOn?: IsoDate;
    endsOn: IsoDate;
  }
>;
export type ClosePhase = Command<
  'ClosePhase',
  { programmeSlug: string; phaseId: string; closedOn: IsoDate; reason: string }
>;
/** Thresholds the worklist raises items by: days and weeks, whole numbers. */
export interface WorklistThresholds {
  /** A monthly return overdue by more than this many days after its due date. */
  returnOverdueDays: number;
  /** An active Always Event with no PDSA cycle planned for this many weeks. */
  pdsaQuietWeeks: number;
  /** A statement drafted and not agreed for this many weeks. */
  statementAwaitingWeeks: number;
  /** An aim achieved with no sustainment confirmed for this many weeks. */
  sustainmentPlanWeeks: number;
}
export type SetWorklistThresholds = Command<
  'SetWorklistThresholds',
  { programmeSlug: string } & WorklistThresholds
>;

export type ProgrammeCommand =
  | LaunchProgramme
  | DefinePhase
  | SetEnrolmentTarget
  | ScheduleCohort
  | LaunchCohort
  | CloseCohort
  | CloseProgramme
  | SetReportingWindow
  | ClosePhase
  | SetWorklistThresholds;
