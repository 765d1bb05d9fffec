import { UnitLimitDecisions } from './state';

export interface LimitPhase {
  /** The recalculation that starts the phase; null for the first phase. */
  recalculation: UnitLimitDecisions['recalculations'][number] | null;
  /** The baseline the phase's lines rest on: the latest one set within it. */
  baseline: UnitLimitDecisions['baselines'][number] | null;
}

const NONE: UnitLimitDecisions = { recalculations: [], baselines: [] };

/** A unit's phases of limits, in period order, from its recorded decisions. */
export function limitPhases(decisions: UnitLimitDecisions = NONE): LimitPhase[] {
  const starts = [...decisions.recalculations].sort((a, b) => (a.period < b.period ? -1 : 1));
  const phases: LimitPhase[] = [null, ...starts].map((recalculation) => ({ recalculation, baseline: null }));
  for (const baseline of decisions.baselines) {
    phases[phaseIndexOf(starts, baseline.throughPeriod)].baseline = baseline;
  }
  return phases;
}

/** The index of the phase a period falls in, given the phases' starts in period order. */
export function phaseIndexOf(starts: ReadonlyArray<{ period: string }>, period: string): number {
  let index = 0;
  starts.forEach((start, i) => {
    if (start.period <= period) index = i + 1;
  });
  return index;
}
