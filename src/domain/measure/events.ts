import { DomainEvent, IsoDate, IsoDateTime } from '../shared';
import { MeasureFrequency } from './periods';
import {
  CategoryCounts,
  ImprovementDirection,
  MeasureDefinitionText,
  MeasureRole,
  ResponseCategory,
  ResponseScale,
} from './values';

/** Every measure event names its measure and Always Event, so read models never re-read the definition. */
interface MeasureSubject {
  measureId: string;
  alwaysEventId: string;
}

export type MeasureDefined = DomainEvent<
  'MeasureDefined',
  MeasureSubject &
    MeasureDefinitionText & {
      programmeSlug: string;
      odsCode: string;
      role: MeasureRole;
      responseScale: ResponseScale | null;
      countsAsSuccess: ResponseCategory[] | null;
      frequency: MeasureFrequency;
      improvementDirection: ImprovementDirection;
      definitionVersion: 1;
      definedAt: IsoDateTime;
    }
>;
export type MeasureDefinitionRevised = DomainEvent<
  'MeasureDefinitionRevised',
  MeasureSubject & {
    definitionVersion: number;
    effectiveFromPeriod: string;
    changes: Partial<MeasureDefinitionText>;
    reason: string;
    revisedAt: IsoDateTime;
  }
>;

interface MeasurementPoint extends MeasureSubject {
  unitId: string;
  period: string;
  periodStart: IsoDate;
  definitionVersion: number;
}
export type MeasurementRecorded = DomainEvent<
  'MeasurementRecorded',
  MeasurementPoint & {
    role: MeasureRole;
    numerator: number;
    denominator: number;
    categoryCounts: CategoryCounts | null;
    /** Present only when the measurement was stored at schemaVersion 1, as one percentage, and upcast on read (see upcasters.ts). */
    upcastFrom?: { schemaVersion: 1; percentage: number };
  }
>;
export type MeasurementCorrected = DomainEvent<
  'MeasurementCorrected',
  MeasurementPoint & {
    numerator: number;
    denominator: number;
    categoryCounts: CategoryCounts | null;
    previous: { numerator: number; denominator: number; categoryCounts: CategoryCounts | null };
    reason: string;
  }
>;
export type MeasurementRetracted = DomainEvent<
  'MeasurementRetracted',
  MeasurementPoint & {
    retracted: { numerator: number; denominator: number; categoryCounts: CategoryCounts | null };
    reason: string;
  }
>;
export type BaselineEstablished = DomainEvent<
  'BaselineEstablished',
  MeasureSubject & {
    unitId: string;
    periods: string[];
    /** Median of the periods' percentages: the run chart's frozen centre line. */
    medianPct: number;
    establishedAt: IsoDateTime;
  }
>;
export type ChartAnnotated = DomainEvent<
  'ChartAnnotated',
  MeasureSubject & {
    annotationId: string;
    period: string;
    unitId: string | null;
    text: string;
    pdsaCycleId: string | null;
    changeIdeaId: string | null;
  }
>;
export type MeasureRetired = DomainEvent<
  'MeasureRetired',
  MeasureSubject & { reason: string; retiredAt: IsoDateTime }
>;

export type LimitsRecalculated = DomainEvent<
  'LimitsRecalculated',
  MeasureSubject & {
    unitId: string;
    /** The first period of the new phase. */
    period: string;
    reason: string;
    /** The unit's phases of limits after this one, counting from 1 (definition revisions aside). */
    phase: number;
    recalculatedAt: IsoDateTime;
  }
>;
export type BaselineSet = DomainEvent<
  'BaselineSet',
  MeasureSubject & {
    unitId: string;
    /** The first period of the phase (null: the unit's first period) and the baseline's last. */
    fromPeriod: string | null;
    throughPeriod: string;
    /** Measured periods in the baseline when it was set. */
    points: number;
    reason: string;
    setAt: IsoDateTime;
  }
>;

export type MeasureEvent =
  | MeasureDefined
  | MeasureDefinitionRevised
  | MeasurementRecorded
  | MeasurementCorrected
  | MeasurementRetracted
  | BaselineEstablished
  | ChartAnnotated
  | MeasureRetired
  | LimitsRecalculated
  | BaselineSet;
