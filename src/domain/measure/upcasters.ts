import { periodStart } from './periods';

/**
 * MeasurementRecorded v1 carried a measurement as one `percentage` of an
 * unnamed sample (as the first monthly returns did). v2 carries a numerator
 * over a denominator, which run and SPC charts need (p charts weigh each
 * period by its denominator). A v1 percentage becomes that many out of 100,
 * flagged so evaluators can tell an upcast point from a counted one.
 */
export interface MeasurementRecordedV1 {
  measureId: string;
  alwaysEventId: string;
  unitId: string;
  period: string;
  role: string;
  percentage: number;
}

export function measurementRecordedV1ToV2(data: MeasurementRecordedV1): Record<string, unknown> {
  const { percentage, ...rest } = data;
  return {
    ...rest,
    periodStart: periodStart(data.period),
    definitionVersion: 1,
    numerator: Math.round(percentage),
    denominator: 100,
    categoryCounts: null,
    upcastFrom: { schemaVersion: 1, percentage },
  };
}
