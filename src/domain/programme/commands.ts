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

export type ProgrammeCommand =
  | LaunchProgramme
  | DefinePhase
  | SetEnrolmentTarget
  | ScheduleCohort
  | LaunchCohort
  | CloseCohort
  | CloseProgramme;
