import fc from 'fast-check';
import { evolve, initialState, MeasureEvent } from '../../../src/domain/measure';
import { evolveMeasureInPlace } from '../../../src/projections/measures/evolve-measure-in-place';

const subject = { measureId: 'm-1', alwaysEventId: 'ae-1' };
const defined = {
  type: 'MeasureDefined',
  data: {
    ...subject,
    programmeSlug: 'p',
    odsCode: 'RA1',
    role: 'Outcome',
    name: 'n',
    operationalDefinition: 'o',
    numeratorDefinition: 'n',
    denominatorDefinition: 'd',
    dataSource: 'Audit',
    responseScale: null,
    countsAsSuccess: null,
    frequency: 'Monthly',
    targetPct: 90,
    improvementDirection: 'increase',
    definitionVersion: 1,
    definedAt: '2017-01-01T00:00:00Z',
  },
} as unknown as MeasureEvent;

const measurement = fc.record({
  kind: fc.constantFrom('MeasurementRecorded', 'MeasurementCorrected', 'MeasurementRetracted'),
  unitId: fc.constantFrom('ward-1', 'ward-2'),
  period: fc.constantFrom('2017-01', '2017-02', '2017-03'),
  numerator: fc.integer({ min: 0, max: 20 }),
});

describe('evolveMeasureInPlace', () => {
  it("folds any sequence of measurements to what the decider's evolve folds", () => {
    fc.assert(
      fc.property(fc.array(measurement, { maxLength: 40 }), (steps) => {
        const events: MeasureEvent[] = [
          defined,
          ...steps.map(
            (s) =>
              ({
                type: s.kind,
                data: {
                  ...subject,
                  unitId: s.unitId,
                  period: s.period,
                  periodStart: `${s.period}-01`,
                  numerator: s.numerator,
                  denominator: 20,
                  categoryCounts: null,
                  definitionVersion: 1,
                  reason: 'r',
                  previous: null,
                },
              }) as unknown as MeasureEvent,
          ),
        ];
        const pure = events.reduce(evolve, initialState());
        const inPlace = events.reduce(evolveMeasureInPlace, initialState());
        // Empty units are the only difference a retraction can leave: compare what holds values.
        const values = (v: Record<string, Record<string, unknown>>) =>
          Object.fromEntries(Object.entries(v).filter(([, periods]) => Object.keys(periods).length > 0));
        expect({ ...inPlace, values: values(inPlace.values) }).toEqual({
          ...pure,
          values: values(pure.values),
        });
      }),
    );
  });
});
