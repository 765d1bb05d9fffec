import { alwaysEventDecider, alwaysEventStreamId, unitIdsOf } from '../../domain/always-event';
import { AlwaysEventForMeasure, CategoryCounts, measureDecider, measureStreamId } from '../../domain/measure';
import { AggregateDefinition } from '../command-definition';
import type { FactLookups } from '../fact-lookups';
import { limitDecisionCommands } from './limits.commands';
import { measure } from './measure-commands-of';
import {
  AnnotateChartDto,
  CategoryCountsDto,
  CorrectMeasurementDto,
  DefineMeasureDto,
  EstablishBaselineDto,
  MeasureCommandDto,
  RecordMeasurementDto,
  RetireMeasureDto,
  RetractMeasurementDto,
  ReviseMeasureDefinitionDto,
} from './measure.dtos';

const id = (dto: MeasureCommandDto) => ({ measureId: dto.measureId });

async function alwaysEventForMeasure(
  lookups: FactLookups,
  alwaysEventId: string | null,
): Promise<AlwaysEventForMeasure | null> {
  if (alwaysEventId === null) return null;
  const { state } = await lookups.load(alwaysEventDecider, alwaysEventStreamId(alwaysEventId));
  if (!state.subject) return null;
  return {
    programmeSlug: state.subject.programmeSlug,
    odsCode: state.subject.odsCode,
    initiatedAt: state.initiatedAt as string,
    unitIds: unitIdsOf(state),
    closed: state.phase === 'Closed',
  };
}

/** A measurement names only its measure; the Always Event it checks against is the measure's. */
async function alwaysEventOfMeasure(lookups: FactLookups, measureId: string) {
  const alwaysEventId = await lookups.read(
    measureDecider,
    measureStreamId(measureId),
    (s) => s.alwaysEventId,
  );
  return alwaysEventForMeasure(lookups, alwaysEventId);
}

const counts = (dto: CategoryCountsDto | undefined): CategoryCounts | null =>
  dto ? { always: dto.always, usually: dto.usually, sometimes: dto.sometimes, never: dto.never } : null;

const measurement = (dto: RecordMeasurementDto) => ({
  measureId: dto.measureId,
  period: dto.period,
  unitId: dto.unitId,
  numerator: dto.numerator,
  denominator: dto.denominator,
  categoryCounts: counts(dto.categoryCounts),
});

export const measureAggregate: AggregateDefinition = measure.aggregate('measure', [
  measure.commandWithFacts({
    name: 'DefineMeasure',
    summary: 'Define an outcome, process or balancing measure of an Always Event',
    dto: DefineMeasureDto,
    data: (dto) => ({
      ...id(dto),
      alwaysEventId: dto.alwaysEventId,
      role: dto.role,
      name: dto.name,
      operationalDefinition: dto.operationalDefinition,
      numeratorDefinition: dto.numeratorDefinition,
      denominatorDefinition: dto.denominatorDefinition,
      dataSource: dto.dataSource,
      responseScale: dto.responseScale ?? null,
      countsAsSuccess: dto.countsAsSuccess ?? null,
      frequency: dto.frequency,
      targetPct: dto.targetPct,
      improvementDirection: dto.improvementDirection,
    }),
    facts: async (dto, lookups) => ({
      alwaysEvent: await alwaysEventForMeasure(lookups, dto.alwaysEventId),
    }),
  }),
  measure.command({
    name: 'ReviseMeasureDefinition',
    summary: "Revise a measure's definition from a stated period on",
    dto: ReviseMeasureDefinitionDto,
    data: (dto) => ({
      ...id(dto),
      effectiveFromPeriod: dto.effectiveFromPeriod,
      reason: dto.reason,
      name: dto.name,
      operationalDefinition: dto.operationalDefinition,
      numeratorDefinition: dto.numeratorDefinition,
      denominatorDefinition: dto.denominatorDefinition,
      dataSource: dto.dataSource,
      targetPct: dto.targetPct,
    }),
  }),
  measure.commandWithFacts({
    name: 'RecordMeasurement',
    summary: "Record a unit's numerator and denominator for a period (once; correct it afterwards)",
    dto: RecordMeasurementDto,
    data: measurement,
    facts: async (dto, lookups) => ({ alwaysEvent: await alwaysEventOfMeasure(lookups, dto.measureId) }),
  }),
  measure.command({
    name: 'CorrectMeasurement',
    summary: 'Correct a recorded measurement, keeping the values it replaces',
    dto: CorrectMeasurementDto,
    data: (dto) => ({ ...measurement(dto), reason: dto.reason }),
  }),
  measure.command({
    name: 'RetractMeasurement',
    summary: 'Withdraw a recorded measurement that should not count',
    dto: RetractMeasurementDto,
    data: (dto) => ({ ...id(dto), period: dto.period, unitId: dto.unitId, reason: dto.reason }),
  }),
  measure.command({
    name: 'EstablishBaseline',
    summary: "Freeze a unit's baseline median over stated periods",
    dto: EstablishBaselineDto,
    data: (dto) => ({ ...id(dto), unitId: dto.unitId, periods: dto.periods }),
  }),
  measure.command({
    name: 'AnnotateChart',
    summary: 'Annotate a period on the run chart, e.g. with the change tested',
    dto: AnnotateChartDto,
    data: (dto) => ({
      ...id(dto),
      annotationId: dto.annotationId,
      period: dto.period,
      unitId: dto.unitId ?? null,
      text: dto.text,
      pdsaCycleId: dto.pdsaCycleId ?? null,
      changeIdeaId: dto.changeIdeaId ?? null,
    }),
  }),
  measure.command({
    name: 'RetireMeasure',
    summary: 'Retire a measure: it takes no more data',
    dto: RetireMeasureDto,
    data: (dto) => ({ ...id(dto), reason: dto.reason }),
  }),
  ...limitDecisionCommands,
]);
