import { fold } from '../decider';
import { MeasureEvent } from './events';
import { MeasureFrequency } from './periods';
import { definitionVersionAt, evolve, initialState, MeasureState } from './state';
import { CategoryCounts, DefinitionPhase, ImprovementDirection, MeasureRole } from './values';

export interface SeriesPoint {
  period: string;
  numerator: number;
  denominator: number;
  pct: number;
  categoryCounts: CategoryCounts | null;
  /** The definition the period falls under: a change of version is a break in the chart. */
  definitionVersion: number;
  corrected: boolean;
}

/** A measure as charts and rules read it: current values only, in period order, per unit. */
export interface MeasureSeries {
  measureId: string;
  alwaysEventId: string;
  role: MeasureRole;
  frequency: MeasureFrequency;
  improvementDirection: ImprovementDirection;
  phases: DefinitionPhase[];
  units: Record<string, SeriesPoint[]>;
}

/** The series of a folded measure; undefined when the measure was never defined. */
export function seriesOf(state: MeasureState): MeasureSeries | undefined {
  if (state.status === 'Undefined') return undefined;
  const units = Object.fromEntries(
    Object.entries(state.values).map(([unitId, byPeriod]) => [
      unitId,
      Object.keys(byPeriod)
        .sort()
        .map((period): SeriesPoint => {
          const value = byPeriod[period];
          return {
            period,
            numerator: value.numerator,
            denominator: value.denominator,
            pct: (value.numerator / value.denominator) * 100,
            categoryCounts: value.categoryCounts,
            definitionVersion: definitionVersionAt(state.phases, period),
            corrected: value.corrections > 0,
          };
        }),
    ]),
  );
  return {
    measureId: state.measureId as string,
    alwaysEventId: state.alwaysEventId as string,
    role: state.role as MeasureRole,
    frequency: state.frequency as MeasureFrequency,
    improvementDirection: state.improvementDirection as ImprovementDirection,
    phases: state.phases,
    units,
  };
}

/** Folds a measure's events to its current series: corrections applied, retractions removed. */
export function currentSeries(events: Iterable<MeasureEvent>): MeasureSeries | undefined {
  return seriesOf(fold({ initialState, evolve }, events));
}
