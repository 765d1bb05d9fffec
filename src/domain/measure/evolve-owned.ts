import { evolve, MeasureState } from './state';
import { MeasureEvent } from './events';

/**
 * A copy of a measure's state that nothing else refers to, down to what
 * `evolveMeasureOwned` changes in place: each unit's values.
 */
export function copyMeasureState(state: MeasureState): MeasureState {
  const values: MeasureState['values'] = {};
  for (const [unitId, byPeriod] of Object.entries(state.values)) values[unitId] = { ...byPeriod };
  return { ...state, values };
}

/**
 * The measure decider's evolve, with measurements folded in place into a
 * state the caller owns (a read model's, or a copy from copyMeasureState).
 * `evolve` copies a unit's values on every measurement because its states
 * are shared (the command side caches them), which is quadratic in a
 * series' length; one who owns the state need not. The result equals
 * `evolve`'s (tested).
 */
export function evolveMeasureOwned(state: MeasureState, event: MeasureEvent): MeasureState {
  switch (event.type) {
    case 'MeasurementRecorded':
    case 'MeasurementCorrected': {
      const { numerator, denominator, categoryCounts, unitId, period } = event.data;
      const unit = (state.values[unitId] ??= {});
      const before = unit[period]?.corrections ?? 0;
      unit[period] = {
        numerator,
        denominator,
        categoryCounts,
        corrections: before + (event.type === 'MeasurementCorrected' ? 1 : 0),
      };
      if (state.status === 'Defined') state.status = 'Active';
      return state;
    }
    case 'MeasurementRetracted': {
      const unit = (state.values[event.data.unitId] ??= {});
      delete unit[event.data.period];
      return state;
    }
    default:
      return evolve(state, event);
  }
}
