import { MeasureEvent } from './events';
import { MeasureFrequency } from './periods';
import {
  DefinitionPhase,
  ImprovementDirection,
  MeasureDefinitionText,
  MeasuredValue,
  MeasureRole,
  ResponseCategory,
  ResponseScale,
} from './values';

export interface CurrentValue extends MeasuredValue {
  corrections: number;
}

/** A unit's recorded decisions on its chart's limits, in the order they were taken. */
export interface UnitLimitDecisions {
  /** Each starts a phase; at most one per period. */
  recalculations: Array<{ period: string; reason: string; decidedAt: string }>;
  /** Each fixes the lines of the phase holding `throughPeriod`; a later one for that phase replaces it. */
  baselines: Array<{ throughPeriod: string; reason: string; decidedAt: string }>;
}

export interface MeasureState {
  status: 'Undefined' | 'Defined' | 'Active' | 'Retired';
  measureId: string | null;
  alwaysEventId: string | null;
  role: MeasureRole | null;
  frequency: MeasureFrequency | null;
  improvementDirection: ImprovementDirection | null;
  responseScale: ResponseScale | null;
  countsAsSuccess: ResponseCategory[] | null;
  definition: MeasureDefinitionText | null;
  phases: DefinitionPhase[];
  /** Current value per unit and period: corrections replace, retractions remove. */
  values: Record<string, Record<string, CurrentValue>>;
  baselines: Record<string, { periods: string[]; medianPct: number }>;
  limitDecisions: Record<string, UnitLimitDecisions>;
  annotationIds: string[];
}

export const initialState = (): MeasureState => ({
  status: 'Undefined',
  measureId: null,
  alwaysEventId: null,
  role: null,
  frequency: null,
  improvementDirection: null,
  responseScale: null,
  countsAsSuccess: null,
  definition: null,
  phases: [],
  values: {},
  baselines: {},
  limitDecisions: {},
  annotationIds: [],
});

function withDecision(
  state: MeasureState,
  unitId: string,
  kind: keyof UnitLimitDecisions,
  decision: { period: string; reason: string; decidedAt: string },
): MeasureState['limitDecisions'] {
  const unit = state.limitDecisions[unitId] ?? { recalculations: [], baselines: [] };
  const entry =
    kind === 'recalculations'
      ? decision
      : { throughPeriod: decision.period, reason: decision.reason, decidedAt: decision.decidedAt };
  return { ...state.limitDecisions, [unitId]: { ...unit, [kind]: [...unit[kind], entry] } };
}

function withValue(
  state: MeasureState,
  unitId: string,
  period: string,
  value: CurrentValue | null,
): MeasureState['values'] {
  const unit = { ...state.values[unitId] };
  if (value) unit[period] = value;
  else delete unit[period];
  return { ...state.values, [unitId]: unit };
}

export function evolve(state: MeasureState, event: MeasureEvent): MeasureState {
  switch (event.type) {
    case 'MeasureDefined': {
      const data = event.data;
      const definition: MeasureDefinitionText = {
        name: data.name,
        operationalDefinition: data.operationalDefinition,
        numeratorDefinition: data.numeratorDefinition,
        denominatorDefinition: data.denominatorDefinition,
        dataSource: data.dataSource,
        targetPct: data.targetPct,
      };
      return {
        ...state,
        status: 'Defined',
        measureId: data.measureId,
        alwaysEventId: data.alwaysEventId,
        role: data.role,
        frequency: data.frequency,
        improvementDirection: data.improvementDirection,
        responseScale: data.responseScale,
        countsAsSuccess: data.countsAsSuccess,
        definition,
        phases: [{ definitionVersion: 1, effectiveFromPeriod: null, targetPct: data.targetPct }],
      };
    }
    case 'MeasureDefinitionRevised': {
      const definition = { ...(state.definition as MeasureDefinitionText), ...event.data.changes };
      return {
        ...state,
        definition,
        phases: [
          ...state.phases,
          {
            definitionVersion: event.data.definitionVersion,
            effectiveFromPeriod: event.data.effectiveFromPeriod,
            targetPct: definition.targetPct,
          },
        ],
      };
    }
    case 'MeasurementRecorded':
    case 'MeasurementCorrected': {
      const { numerator, denominator, categoryCounts, unitId, period } = event.data;
      const corrections = event.type === 'MeasurementCorrected' ? 1 : 0;
      const before = state.values[unitId]?.[period]?.corrections ?? 0;
      return {
        ...state,
        status: state.status === 'Defined' ? 'Active' : state.status,
        values: withValue(state, unitId, period, {
          numerator,
          denominator,
          categoryCounts,
          corrections: before + corrections,
        }),
      };
    }
    case 'MeasurementRetracted':
      return { ...state, values: withValue(state, event.data.unitId, event.data.period, null) };
    case 'BaselineEstablished':
      return {
        ...state,
        baselines: {
          ...state.baselines,
          [event.data.unitId]: { periods: event.data.periods, medianPct: event.data.medianPct },
        },
        // The chart's first phase rests on it, as on any baseline set later.
        limitDecisions: withDecision(state, event.data.unitId, 'baselines', {
          period: event.data.periods.at(-1) as string,
          reason: `Baseline established over ${event.data.periods.length} periods`,
          decidedAt: event.data.establishedAt,
        }),
      };
    case 'LimitsRecalculated':
      return {
        ...state,
        limitDecisions: withDecision(state, event.data.unitId, 'recalculations', {
          period: event.data.period,
          reason: event.data.reason,
          decidedAt: event.data.recalculatedAt,
        }),
      };
    case 'BaselineSet':
      return {
        ...state,
        limitDecisions: withDecision(state, event.data.unitId, 'baselines', {
          period: event.data.throughPeriod,
          reason: event.data.reason,
          decidedAt: event.data.setAt,
        }),
      };
    case 'ChartAnnotated':
      return { ...state, annotationIds: [...state.annotationIds, event.data.annotationId] };
    case 'MeasureRetired':
      return { ...state, status: 'Retired' };
  }
}

/** The definition version a period falls under: the latest revision effective at or before it. */
export function definitionVersionAt(phases: DefinitionPhase[], period: string): number {
  let version = 1;
  for (const phase of phases) {
    if (phase.effectiveFromPeriod === null || phase.effectiveFromPeriod <= period)
      version = phase.definitionVersion;
  }
  return version;
}
