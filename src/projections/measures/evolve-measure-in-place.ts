import { evolve, MeasureEvent, MeasureState } from '../../domain/measure';

/**
 * The measure decider's evolve, with measurements folded in place. The
 * decider copies a unit's values on every measurement because its states are
 * shared (the command side caches them); a read model owns its state, so the
 * copies only cost time and memory there — quadratic in a series' length
 * over a million events. The result equals `evolve`'s (tested).
 */
export function evolveMeasureInPlace(state: MeasureState, event: MeasureEvent): MeasureState {
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
