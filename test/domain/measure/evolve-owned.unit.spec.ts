import fc from 'fast-check';
import {
  copyMeasureState,
  evolve,
  evolveMeasureOwned,
  initialState,
  MeasureEvent,
} from '../../../src/domain/measure';

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

const toEvent = (s: { kind: string; unitId: string; period: string; numerator: number }): MeasureEvent =>
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
  }) as unknown as MeasureEvent;

describe('evolveMeasureOwned', () => {
  it("folds any sequence of measurements to what the decider's evolve folds", () => {
    fc.assert(
      fc.property(fc.array(measurement, { maxLength: 40 }), (steps) => {
        const events: MeasureEvent[] = [defined, ...steps.map(toEvent)];
        const pure = events.reduce(evolve, initialState());
        const inPlace = events.reduce(evolveMeasureOwned, initialState());
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

  it('folds onto a copy of a shared state without changing the shared one', () => {
    fc.assert(
      fc.property(fc.array(measurement, { maxLength: 30 }), fc.nat(30), (steps, cut) => {
        const events = [defined, ...steps.map(toEvent)];
        const shared = events.slice(0, cut + 1).reduce(evolve, initialState());
        const before = structuredClone(shared);
        const owned = events.slice(cut + 1).reduce(evolveMeasureOwned, copyMeasureState(shared));
        expect(shared).toEqual(before);
        const values = (v: Record<string, Record<string, unknown>>) =>
          Object.fromEntries(Object.entries(v).filter(([, periods]) => Object.keys(periods).length > 0));
        const pure = events.reduce(evolve, initialState());
        expect({ ...owned, values: values(owned.values) }).toEqual({ ...pure, values: values(pure.values) });
      }),
    );
  });
});
