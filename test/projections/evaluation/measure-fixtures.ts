import { recorded } from '../support/recorded';
import { SLUG } from '../spread/spread-fixtures';
import { at } from './always-event-fixtures';

/** One measure's stream. */
export function measure(measureId: string, alwaysEventId: string, role = 'Outcome') {
  const stream = `measure-${measureId}`;
  const subject = { measureId, alwaysEventId };
  const point = (period: string, unitId: string) => ({
    ...subject,
    unitId,
    period,
    periodStart: `${period}-01`,
    definitionVersion: 1,
  });
  const value = (numerator: number, denominator: number) => ({
    numerator,
    denominator,
    categoryCounts: null,
  });
  return {
    defined: (name: string, date: string) =>
      recorded(
        stream,
        'MeasureDefined',
        {
          ...subject,
          programmeSlug: SLUG,
          odsCode: 'X',
          role,
          name,
          operationalDefinition: 'Asked at discharge',
          numeratorDefinition: 'Yes answers',
          denominatorDefinition: 'Answers',
          dataSource: 'PatientSurvey',
          targetPct: 90,
          responseScale: null,
          countsAsSuccess: null,
          frequency: 'Monthly',
          improvementDirection: 'increase',
          definitionVersion: 1,
          definedAt: at(date),
        },
        at(date),
      ),
    measured: (period: string, unitId: string, numerator: number, denominator: number) =>
      recorded(stream, 'MeasurementRecorded', {
        ...point(period, unitId),
        role,
        ...value(numerator, denominator),
      }),
    corrected: (period: string, unitId: string, numerator: number, denominator: number) =>
      recorded(stream, 'MeasurementCorrected', {
        ...point(period, unitId),
        ...value(numerator, denominator),
        previous: value(0, 1),
        reason: 'Late returns',
      }),
    retracted: (period: string, unitId: string) =>
      recorded(stream, 'MeasurementRetracted', {
        ...point(period, unitId),
        retracted: value(0, 1),
        reason: 'Wrong ward',
      }),
  };
}
