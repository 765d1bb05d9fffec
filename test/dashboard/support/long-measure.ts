import { randomUUID } from 'node:crypto';
import type { Send } from './sender';

/** 2017-04 … 2019-09: thirty months, enough for Making Data Count's limits (13 points) in each of two phases. */
const MONTHS = Array.from({ length: 30 }, (_, i) => {
  const month = 3 + i;
  return `${2017 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
});

/** Out of 40 patients a month: around 62% before the new checklist, around 88% after, and one bad month. */
const NUMERATORS = [
  25, 24, 26, 25, 23, 27, 24, 16, 25, 26, 24, 25, 27, 23, 25, 26, 24, 35, 34, 36, 35, 33, 36, 35, 34, 36, 35,
  37, 34, 36,
];

/**
 * A process measure with a long monthly series, a definition revised from
 * July 2018 (a new phase: the limits are recalculated) and an annotation
 * there: what an SPC chart needs to show limits, special causes and icons.
 */
export async function longMeasure(send: Send, alwaysEventId: string, definedOn: string): Promise<string> {
  const measureId = randomUUID();
  await send(
    'DefineMeasure',
    {
      alwaysEventId,
      measureId,
      role: 'Process',
      name: 'Patients offered the communication checklist',
      operationalDefinition: 'Monthly audit of 40 admissions',
      dataSource: 'Audit',
      numeratorDefinition: 'Admissions offered the checklist on day one',
      denominatorDefinition: 'Admissions audited',
      frequency: 'Monthly',
      targetPct: 80,
      improvementDirection: 'increase',
    },
    definedOn,
  );
  await send('LinkMeasure', { alwaysEventId, measureId, role: 'Process' }, definedOn);
  for (const [i, period] of MONTHS.entries()) {
    await send(
      'RecordMeasurement',
      { measureId, period, unitId: 'home', numerator: NUMERATORS[i], denominator: 40 },
      `${period}-28`,
    );
    if (period === '2018-06') {
      await send(
        'ReviseMeasureDefinition',
        {
          measureId,
          effectiveFromPeriod: '2018-07',
          reason: 'Checklist offered by ward clerks too',
          operationalDefinition: 'Monthly audit of 40 admissions, ward clerks included',
        },
        '2018-06-30',
      );
      await send(
        'AnnotateChart',
        {
          measureId,
          annotationId: randomUUID(),
          period: '2018-07',
          text: 'Ward clerks start offering the checklist',
        },
        '2018-06-30',
      );
    }
  }
  return measureId;
}
