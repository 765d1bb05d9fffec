import { Command } from '../shared';
import { MeasureFrequency } from './periods';
import {
  AlwaysEventForMeasure,
  CategoryCounts,
  DataSource,
  ImprovementDirection,
  MeasureRole,
  ResponseCategory,
  ResponseScale,
} from './values';

export type DefineMeasure = Command<
  'DefineMeasure',
  {
    measureId: string;
    alwaysEventId: string;
    role: MeasureRole;
    name: string;
    operationalDefinition: string;
    numeratorDefinition: string;
    denominatorDefinition: string;
    dataSource: DataSource;
    responseScale: ResponseScale | null;
    countsAsSuccess: ResponseCategory[] | null;
    frequency: MeasureFrequency;
    targetPct: number;
    improvementDirection: ImprovementDirection;
  },
  { alwaysEvent: AlwaysEventForMeasure | null }
>;
export type ReviseMeasureDefinition = Command<
  'ReviseMeasureDefinition',
  {
    measureId: string;
    effectiveFromPeriod: string;
    reason: string;
    name?: string;
    operationalDefinition?: string;
    numeratorDefinition?: string;
    denominatorDefinition?: string;
    dataSource?: DataSource;
    targetPct?: number;
  }
>;

interface MeasurementData {
  measureId: string;
  period: string;
  unitId: string;
  numerator: number;
  denominator: number;
  categoryCounts: CategoryCounts | null;
}
export type RecordMeasurement = Command<
  'RecordMeasurement',
  MeasurementData,
  { alwaysEvent: AlwaysEventForMeasure | null }
>;
export type CorrectMeasurement = Command<'CorrectMeasurement', MeasurementData & { reason: string }>;
export type RetractMeasurement = Command<
  'RetractMeasurement',
  { measureId: string; period: string; unitId: string; reason: string }
>;
export type EstablishBaseline = Command<
  'EstablishBaseline',
  { measureId: string; unitId: string; periods: string[] }
>;
export type AnnotateChart = Command<
  'AnnotateChart',
  {
    measureId: string;
    annotationId: string;
    period: string;
    unitId: string | null;
    text: string;
    pdsaCycleId: string | null;
    changeIdeaId: string | null;
  }
>;
export type RetireMeasure = Command<'RetireMeasure', { measureId: string; reason: string }>;
/** A decision on the chart: new limits from `period` on, for a stated reason (Making Data Count). */
export type RecalculateLimits = Command<
  'RecalculateLimits',
  { measureId: string; unitId: string; period: string; reason: string }
>;
/** A decision on the chart: the phase holding `throughPeriod` takes its lines from its points up to it. */
export type SetBaseline = Command<
  'SetBaseline',
  { measureId: string; unitId: string; throughPeriod: string; reason: string }
>;

export type MeasureCommand =
  | DefineMeasure
  | ReviseMeasureDefinition
  | RecordMeasurement
  | CorrectMeasurement
  | RetractMeasurement
  | EstablishBaseline
  | AnnotateChart
  | RetireMeasure
  | RecalculateLimits
  | SetBaseline;
