import { DomainEvent, IsoDate } from '../shared';
import type { WorklistThresholds } from './commands';
import { CohortFormat, EnrolmentMetric, PhaseName } from './programme-types';

export type ProgrammeLaunched = DomainEvent<
  'ProgrammeLaunched',
  { programmeSlug: string; name: string; sponsors: string[]; startDate: IsoDate }
>;
export type ProgrammePhaseDefined = DomainEvent<
  'ProgrammePhaseDefined',
  {
    programmeSlug: string;
    phaseId: string;
    name: PhaseName;
    description: string | null;
    startDate: IsoDate;
    endDate: IsoDate | null;
  }
>;
export type EnrolmentTargetSet = DomainEvent<
  'EnrolmentTargetSet',
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
export type CohortScheduled = DomainEvent<
  'CohortScheduled',
  {
    programmeSlug: string;
    cohortId: string;
    phaseId: string;
    name: string;
    plannedLaunchDate: IsoDate;
    location: string | null;
  }
>;
export type CohortLaunched = DomainEvent<
  'CohortLaunched',
  { programmeSlug: string; cohortId: string; phaseId: string; launchedOn: IsoDate; format: CohortFormat }
>;
export type CohortClosed = DomainEvent<
  'CohortClosed',
  {
    programmeSlug: string;
    cohortId: string;
    phaseId: string;
    closedOn: IsoDate;
    /** False when a scheduled cohort was called off before it launched. */
    wasLaunched: boolean;
  }
>;
export type ProgrammeClosed = DomainEvent<
  'ProgrammeClosed',
  { programmeSlug: string; closedOn: IsoDate; reason: string }
>;

export type ReportingWindowSet = DomainEvent<
  'ReportingWindowSet',
  { programmeSlug: string; phaseId: string | null; startsOn: IsoDate | null; endsOn: IsoDate }
>;
export type ProgrammePhaseClosed = DomainEvent<
  'ProgrammePhaseClosed',
  { programmeSlug: string; phaseId: string; closedOn: IsoDate; reason: string }
>;
export type WorklistThresholdsSet = DomainEvent<
  'WorklistThresholdsSet',
  { programmeSlug: string } & WorklistThresholds
>;

export type ProgrammeEvent =
  | ProgrammeLaunched
  | ProgrammePhaseDefined
  | EnrolmentTargetSet
  | CohortScheduled
  | CohortLaunched
  | CohortClosed
  | ProgrammeClosed
  | ReportingWindowSet
  | ProgrammePhaseClosed
  | WorklistThresholdsSet;
