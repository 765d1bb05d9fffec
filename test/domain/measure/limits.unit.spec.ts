import { limitPhases, measureDecider, MeasureEvent } from '../../../src/domain/measure';
import { deciderSpec, NOW } from '../support/decider-spec';
import { decided } from '../support/history';
import { AE, command, commands, eventsOf, HOME, MEASURE, WARD } from './fixtures';

const spec = deciderSpec(measureDecider);
const subject = { measureId: MEASURE, alwaysEventId: AE };
const months = ['2017-10', '2017-11', '2017-12', '2018-01', '2018-02', '2018-03'];
const recalculate = (period: string, unitId = HOME) =>
  command('RecalculateLimits', { unitId, period, reason: 'Ward phone trolley adopted' });
const setBaseline = (throughPeriod: string, unitId = HOME) =>
  command('SetBaseline', { unitId, throughPeriod, reason: 'Baseline of the first three months' });
/** Six months measured on the home unit (the first three at 10/20, then 18/20). */
const measured = eventsOf(
  commands.define(),
  ...months.map((m, i) => commands.record(m, i < 3 ? 10 : 18, 20)),
  commands.record('2018-01', 9, 10, WARD),
);
const baselined = [...measured, ...decided(measureDecider, measured, setBaseline('2017-12'))];

describe('Measure: limits recalculated and baselines set, as recorded decisions', () => {
  describe('RecalculateLimits', () => {
    it('starts a new phase at a measured period, with its reason', () => {
      spec
        .given(measured)
        .when(recalculate('2018-01'))
        .then([
          {
            type: 'LimitsRecalculated',
            data: {
              ...subject,
              unitId: HOME,
              period: '2018-01',
              reason: 'Ward phone trolley adopted',
              phase: 2,
              recalculatedAt: NOW,
            },
          },
        ]);
    });

    it('counts the phases of each unit on its own', () => {
      const [event] = measureDecider.decide(
        recalculate('2018-03'),
        fold([...measured, ...recalculated('2018-01')]),
      );
      expect(event.type === 'LimitsRecalculated' && event.data.phase).toBe(3);
    });

    it('refuses a period that was not measured for the unit', () => {
      spec
        .given(measured)
        .when(recalculate('2018-04'))
        .thenThrows('period-not-measured', 'invalid', 'period');
      spec
        .given(measured)
        .when(recalculate('2017-12', WARD))
        .thenThrows('period-not-measured', 'invalid', 'period');
    });

    it('refuses a period that is not of the measure’s frequency', () => {
      spec
        .given(measured)
        .when(recalculate('2018-W02'))
        .thenThrows('period-does-not-match-frequency', 'invalid', 'period');
    });

    it('refuses the first period: the first phase starts there already', () => {
      spec
        .given(measured)
        .when(recalculate('2017-10'))
        .thenThrows('recalculation-at-first-period', 'invalid', 'period');
    });

    it('refuses a period within the phase’s baseline, and before it', () => {
      spec
        .given(baselined)
        .when(recalculate('2017-12'))
        .thenThrows('recalculation-not-after-baseline', 'invalid', 'period');
      spec
        .given(baselined)
        .when(recalculate('2017-11'))
        .thenThrows('recalculation-not-after-baseline', 'invalid', 'period');
      const [event] = measureDecider.decide(recalculate('2018-01'), fold(baselined));
      expect(event.type).toBe('LimitsRecalculated');
    });

    it('refuses recalculating twice at the same period', () => {
      spec
        .given([...measured, ...recalculated('2018-01')])
        .when(recalculate('2018-01'))
        .thenThrows('limits-already-recalculated', 'conflict');
    });

    it('refuses a retired measure, and one never defined', () => {
      spec
        .given([...measured, ...decided(measureDecider, measured, commands.retire())])
        .when(recalculate('2018-01'))
        .thenThrows('measure-retired', 'conflict');
      spec.given([]).when(recalculate('2018-01')).thenThrows('measure-not-defined', 'conflict');
    });
  });

  describe('SetBaseline', () => {
    it('fixes the first phase’s lines on its points up to the period', () => {
      spec
        .given(measured)
        .when(setBaseline('2017-12'))
        .then([
          {
            type: 'BaselineSet',
            data: {
              ...subject,
              unitId: HOME,
              fromPeriod: null,
              throughPeriod: '2017-12',
              points: 3,
              reason: 'Baseline of the first three months',
              setAt: NOW,
            },
          },
        ]);
    });

    it('belongs to the phase holding the period, counting from the phase’s start', () => {
      const [event] = measureDecider.decide(
        setBaseline('2018-02'),
        fold([...measured, ...recalculated('2018-01')]),
      );
      expect(event.type === 'BaselineSet' && [event.data.fromPeriod, event.data.points]).toEqual([
        '2018-01',
        2,
      ]);
    });

    it('changes an earlier baseline of the phase, and refuses one that changes nothing', () => {
      const longer = fold([...baselined, ...decided(measureDecider, baselined, setBaseline('2018-02'))]);
      expect(limitPhases(longer.limitDecisions[HOME]).map((p) => p.baseline?.throughPeriod)).toEqual([
        '2018-02',
      ]);
      spec
        .given(baselined)
        .when(setBaseline('2017-12'))
        .thenThrows('baseline-unchanged', 'invalid', 'throughPeriod');
    });

    it('refuses a period that was not measured, and a retired measure', () => {
      spec
        .given(measured)
        .when(setBaseline('2019-01'))
        .thenThrows('period-not-measured', 'invalid', 'throughPeriod');
      spec
        .given([...measured, ...decided(measureDecider, measured, commands.retire())])
        .when(setBaseline('2017-12'))
        .thenThrows('measure-retired', 'conflict');
    });

    it('reads an established baseline as the first phase’s', () => {
      const establish = command('EstablishBaseline', { unitId: HOME, periods: months.slice(0, 2) });
      const state = fold([...measured, ...decided(measureDecider, measured, establish)]);
      expect(limitPhases(state.limitDecisions[HOME])).toEqual([
        {
          recalculation: null,
          baseline: {
            throughPeriod: '2017-11',
            reason: 'Baseline established over 2 periods',
            decidedAt: NOW,
          },
        },
      ]);
    });
  });

  it('lists each unit’s phases in period order, whatever order they were decided in', () => {
    const state = fold([...measured, ...recalculated('2018-03'), ...recalculated('2018-01')]);
    expect(limitPhases(state.limitDecisions[HOME]).map((p) => p.recalculation?.period ?? null)).toEqual([
      null,
      '2018-01',
      '2018-03',
    ]);
    expect(limitPhases(state.limitDecisions[WARD])).toEqual([{ recalculation: null, baseline: null }]);
  });
});

function fold(events: MeasureEvent[]) {
  return events.reduce(measureDecider.evolve, measureDecider.initialState());
}

/** The events of a recalculation at `period`, decided on the measured history. */
function recalculated(period: string): MeasureEvent[] {
  return measureDecider.decide(recalculate(period), fold(measured));
}
