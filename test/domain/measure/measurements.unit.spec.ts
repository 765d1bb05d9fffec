import { measureDecider } from '../../../src/domain/measure';
import { deciderSpec } from '../support/decider-spec';
import { decided } from '../support/history';
import {
  AE,
  alwaysEvent,
  command,
  commands,
  defined,
  eventsOf,
  HOME,
  MEASURE,
  WARD,
  weekly,
} from './fixtures';

const spec = deciderSpec(measureDecider);
const point = (period: string, periodStart: string, unitId = HOME, definitionVersion = 1) => ({
  measureId: MEASURE,
  alwaysEventId: AE,
  unitId,
  period,
  periodStart,
  definitionVersion,
});
const counts = { always: 17, usually: 2, sometimes: 1, never: 0 };
const withCounts = (categoryCounts: typeof counts, numerator = 17, denominator = 20) =>
  command(
    'RecordMeasurement',
    { period: '2018-02', unitId: HOME, numerator, denominator, categoryCounts },
    { alwaysEvent },
  );

describe('Measure: measurements', () => {
  describe('RecordMeasurement', () => {
    it("records a unit's value for a month", () => {
      spec
        .given(defined)
        .when(commands.record('2018-02', 17, 20))
        .then([
          {
            type: 'MeasurementRecorded',
            data: {
              ...point('2018-02', '2018-02-01'),
              role: 'Outcome',
              numerator: 17,
              denominator: 20,
              categoryCounts: null,
            },
          },
        ]);
    });
    it('records an ISO week of a weekly measure, with the Monday it starts on', () => {
      spec
        .given(weekly)
        .when(commands.record('2018-W01', 9, 10, WARD))
        .then([
          {
            type: 'MeasurementRecorded',
            data: {
              ...point('2018-W01', '2018-01-01', WARD),
              role: 'Outcome',
              numerator: 9,
              denominator: 10,
              categoryCounts: null,
            },
          },
        ]);
    });
    it('records Always/Usually/Sometimes/Never counts that add up', () => {
      const [event] = decided(measureDecider, defined, withCounts(counts));
      expect(event.type === 'MeasurementRecorded' && event.data.categoryCounts).toEqual(counts);
    });
    it('refuses a second value for the same unit and period: that is a correction', () => {
      spec
        .given(eventsOf(commands.define(), commands.record('2018-02', 17, 20)))
        .when(commands.record('2018-02', 18, 20))
        .thenThrows('measurement-already-recorded', 'conflict');
    });
    it('takes the same period for another unit', () => {
      const history = eventsOf(commands.define(), commands.record('2018-02', 17, 20));
      const [event] = decided(measureDecider, history, commands.record('2018-02', 5, 8, WARD));
      expect(event.type).toBe('MeasurementRecorded');
    });
    it('refuses a numerator above the denominator', () => {
      spec
        .given(defined)
        .when(commands.record('2018-02', 21, 20))
        .thenThrows('numerator-exceeds-denominator', 'invalid', 'numerator');
    });
    it('refuses a denominator of zero', () => {
      spec
        .given(defined)
        .when(commands.record('2018-02', 0, 0))
        .thenThrows('denominator-not-positive', 'invalid', 'denominator');
    });
    it('refuses a negative numerator', () => {
      spec
        .given(defined)
        .when(commands.record('2018-02', -1, 20))
        .thenThrows('numerator-negative', 'invalid', 'numerator');
    });
    it('refuses a period that has not started', () => {
      spec
        .given(defined)
        .when(commands.record('2018-05', 1, 2))
        .thenThrows('period-in-future', 'invalid', 'period');
    });
    it('accepts the period that holds today', () => {
      const [event] = decided(measureDecider, weekly, commands.record('2018-W13', 1, 2));
      expect(event.type === 'MeasurementRecorded' && event.data.periodStart).toBe('2018-03-26');
    });
    it('refuses a period that ended before the Always Event was initiated', () => {
      spec
        .given(defined)
        .when(commands.record('2017-05', 1, 2))
        .thenThrows('period-before-initiation', 'invalid', 'period');
    });
    it('accepts the period in which the Always Event was initiated', () => {
      const [event] = decided(measureDecider, defined, commands.record('2017-06', 1, 2));
      expect(event.type).toBe('MeasurementRecorded');
    });
    it('refuses a unit that is neither the home unit nor a scale-up unit', () => {
      spec
        .given(defined)
        .when(commands.record('2018-02', 1, 2, 'ward-99'))
        .thenThrows('unit-not-in-always-event', 'invalid', 'unitId');
    });
    it('refuses a week for a monthly measure', () => {
      spec
        .given(defined)
        .when(commands.record('2018-W05', 1, 2))
        .thenThrows('period-does-not-match-frequency', 'invalid', 'period');
    });
    it('refuses week 53 of a year that has 52', () => {
      spec
        .given(weekly)
        .when(commands.record('2017-W53', 1, 2))
        .thenThrows('period-does-not-match-frequency', 'invalid', 'period');
    });
    it('refuses category counts that do not add up to the denominator', () => {
      spec
        .given(defined)
        .when(withCounts({ ...counts, never: 1 }))
        .thenThrows('category-counts-do-not-sum-to-denominator', 'invalid', 'categoryCounts');
    });
    it('refuses category counts whose successes are not the numerator', () => {
      spec
        .given(defined)
        .when(withCounts({ always: 16, usually: 3, sometimes: 1, never: 0 }))
        .thenThrows('category-successes-differ-from-numerator', 'invalid', 'numerator');
    });
    it('refuses category counts on a measure without the frequency scale', () => {
      spec
        .given(eventsOf(commands.define({ responseScale: null, countsAsSuccess: null })))
        .when(withCounts(counts))
        .thenThrows('category-counts-need-response-scale', 'invalid', 'categoryCounts');
    });
    it('refuses a measure never defined', () => {
      spec
        .given([])
        .when(commands.record('2018-02', 1, 2))
        .thenThrows('measure-not-defined', 'conflict');
    });
    it('refuses a retired measure', () => {
      spec
        .given(eventsOf(commands.define(), commands.retire()))
        .when(commands.record('2018-02', 1, 2))
        .thenThrows('measure-retired', 'conflict');
    });
    it('places a period under the definition version in force', () => {
      const history = eventsOf(commands.define(), commands.revise('2018-01', { targetPct: 90 }));
      const [event] = decided(measureDecider, history, commands.record('2018-02', 1, 2));
      expect(event.type === 'MeasurementRecorded' && event.data.definitionVersion).toBe(2);
    });
  });

  describe('CorrectMeasurement', () => {
    const recorded = eventsOf(commands.define(), commands.record('2018-02', 17, 20));
    it('corrects the current value, keeping the one it replaces', () => {
      spec
        .given(recorded)
        .when(commands.correct('2018-02', 18, 21))
        .then([
          {
            type: 'MeasurementCorrected',
            data: {
              ...point('2018-02', '2018-02-01'),
              numerator: 18,
              denominator: 21,
              categoryCounts: null,
              previous: { numerator: 17, denominator: 20, categoryCounts: null },
              reason: 'Late survey returns',
            },
          },
        ]);
    });
    it('refuses a period with no current value', () => {
      spec
        .given(recorded)
        .when(commands.correct('2018-01', 1, 2))
        .thenThrows('measurement-not-found', 'conflict');
    });
    it('refuses a retracted value', () => {
      spec
        .given(eventsOf(commands.define(), commands.record('2018-02', 17, 20), commands.retract('2018-02')))
        .when(commands.correct('2018-02', 1, 2))
        .thenThrows('measurement-not-found');
    });
    it('refuses a correction that changes nothing', () => {
      spec
        .given(recorded)
        .when(commands.correct('2018-02', 17, 20))
        .thenThrows('correction-changes-nothing', 'invalid');
    });
    it('applies the same rules to the corrected numbers', () => {
      spec
        .given(recorded)
        .when(commands.correct('2018-02', 22, 21))
        .thenThrows('numerator-exceeds-denominator', 'invalid', 'numerator');
    });
  });

  describe('RetractMeasurement', () => {
    it('retracts the current value, recording what it was', () => {
      spec
        .given(eventsOf(commands.define(), commands.record('2018-02', 17, 20)))
        .when(commands.retract('2018-02'))
        .then([
          {
            type: 'MeasurementRetracted',
            data: {
              ...point('2018-02', '2018-02-01'),
              retracted: { numerator: 17, denominator: 20, categoryCounts: null },
              reason: 'Entered against the wrong unit',
            },
          },
        ]);
    });
    it('lets the period be recorded afresh after a retraction', () => {
      const history = eventsOf(
        commands.define(),
        commands.record('2018-02', 17, 20),
        commands.retract('2018-02'),
      );
      const [event] = decided(measureDecider, history, commands.record('2018-02', 17, 20, HOME));
      expect(event.type).toBe('MeasurementRecorded');
    });
    it('refuses a period with no current value', () => {
      spec.given(defined).when(commands.retract('2018-02')).thenThrows('measurement-not-found', 'conflict');
    });
  });
});
