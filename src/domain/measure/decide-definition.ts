import { DomainError, ensure } from '../shared';
import {
  AnnotateChart,
  DefineMeasure,
  EstablishBaseline,
  ReviseMeasureDefinition,
  RetireMeasure,
} from './commands';
import {
  BaselineEstablished,
  ChartAnnotated,
  MeasureDefined,
  MeasureDefinitionRevised,
  MeasureRetired,
} from './events';
import { ensureMeasureOpen, ensurePeriodOfMeasure, ensureTargetInRange } from './guards';
import { MeasureState } from './state';
import { MeasureDefinitionText } from './values';

export function defineMeasure(command: DefineMeasure, state: MeasureState): MeasureDefined[] {
  const { data, facts, context } = command;
  ensure(
    state.status === 'Undefined',
    'measure-already-defined',
    `Measure ${data.measureId} is already defined`,
  );
  const alwaysEvent = facts.alwaysEvent;
  if (alwaysEvent === null) {
    throw new DomainError(
      'always-event-not-found',
      `There is no Always Event ${data.alwaysEventId}`,
      'invalid',
      'alwaysEventId',
    );
  }
  ensure(!alwaysEvent.closed, 'always-event-closed', `Always Event ${data.alwaysEventId} is closed`);
  ensureTargetInRange(data.targetPct, 'targetPct');
  const scaled = data.responseScale === 'NeverSometimesUsuallyAlways';
  ensure(
    scaled || data.countsAsSuccess === null,
    'counts-as-success-needs-response-scale',
    'countsAsSuccess applies only to the NeverSometimesUsuallyAlways response scale',
    'invalid',
    'countsAsSuccess',
  );
  ensure(
    !scaled || (data.countsAsSuccess !== null && data.countsAsSuccess.length > 0),
    'counts-as-success-missing',
    'A measure on the NeverSometimesUsuallyAlways scale says which answers count as success',
    'invalid',
    'countsAsSuccess',
  );
  return [
    {
      type: 'MeasureDefined',
      data: {
        ...data,
        programmeSlug: alwaysEvent.programmeSlug,
        odsCode: alwaysEvent.odsCode,
        definitionVersion: 1,
        definedAt: context.occurredAt,
      },
    },
  ];
}

const REVISABLE = [
  'name',
  'operationalDefinition',
  'numeratorDefinition',
  'denominatorDefinition',
  'dataSource',
  'targetPct',
] as const;

export function reviseMeasureDefinition(
  command: ReviseMeasureDefinition,
  state: MeasureState,
): MeasureDefinitionRevised[] {
  const subject = ensureMeasureOpen(state);
  const { data, context } = command;
  ensurePeriodOfMeasure(state, data.effectiveFromPeriod, 'effectiveFromPeriod');
  const latest = state.phases[state.phases.length - 1];
  ensure(
    latest.effectiveFromPeriod === null || data.effectiveFromPeriod > latest.effectiveFromPeriod,
    'revision-not-after-previous',
    `Definition version ${latest.definitionVersion} already applies from ${latest.effectiveFromPeriod}; a revision applies from a later period`,
    'invalid',
    'effectiveFromPeriod',
  );
  if (data.targetPct !== undefined) ensureTargetInRange(data.targetPct, 'targetPct');
  const current = state.definition as MeasureDefinitionText;
  const changes: Partial<MeasureDefinitionText> = {};
  for (const key of REVISABLE) {
    const value = data[key];
    if (value !== undefined && value !== current[key]) Object.assign(changes, { [key]: value });
  }
  ensure(
    Object.keys(changes).length > 0,
    'revision-changes-nothing',
    'The revision changes nothing in the current definition',
    'invalid',
  );
  return [
    {
      type: 'MeasureDefinitionRevised',
      data: {
        ...subject,
        definitionVersion: latest.definitionVersion + 1,
        effectiveFromPeriod: data.effectiveFromPeriod,
        changes,
        reason: data.reason,
        revisedAt: context.occurredAt,
      },
    },
  ];
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function establishBaseline(command: EstablishBaseline, state: MeasureState): BaselineEstablished[] {
  const subject = ensureMeasureOpen(state);
  const { unitId, periods } = command.data;
  periods.forEach((period) => ensurePeriodOfMeasure(state, period, 'periods'));
  ensure(
    new Set(periods).size === periods.length,
    'baseline-periods-duplicated',
    'A baseline names each period once',
    'invalid',
    'periods',
  );
  const missing = periods.filter((period) => !state.values[unitId]?.[period]);
  ensure(
    periods.length > 0 && missing.length === 0,
    'baseline-period-without-measurement',
    periods.length === 0
      ? 'A baseline needs at least one period'
      : `Unit ${unitId} has no current measurement for ${missing.join(', ')}`,
    'invalid',
    'periods',
  );
  const sorted = [...periods].sort();
  const pcts = sorted.map((period) => {
    const value = state.values[unitId][period];
    return (value.numerator / value.denominator) * 100;
  });
  return [
    {
      type: 'BaselineEstablished',
      data: {
        ...subject,
        unitId,
        periods: sorted,
        medianPct: median(pcts),
        establishedAt: command.context.occurredAt,
      },
    },
  ];
}

export function annotateChart(command: AnnotateChart, state: MeasureState): ChartAnnotated[] {
  const subject = ensureMeasureOpen(state);
  const data = command.data;
  ensurePeriodOfMeasure(state, data.period, 'period');
  ensure(
    !state.annotationIds.includes(data.annotationId),
    'annotation-already-recorded',
    `Annotation ${data.annotationId} is already on the chart`,
  );
  return [{ type: 'ChartAnnotated', data: { ...data, alwaysEventId: subject.alwaysEventId } }];
}

export function retireMeasure(command: RetireMeasure, state: MeasureState): MeasureRetired[] {
  const subject = ensureMeasureOpen(state);
  return [
    {
      type: 'MeasureRetired',
      data: { ...subject, reason: command.data.reason, retiredAt: command.context.occurredAt },
    },
  ];
}
