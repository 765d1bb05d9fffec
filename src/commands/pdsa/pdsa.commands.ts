import { alwaysEventDecider, alwaysEventStreamId } from '../../domain/always-event';
import {
  AlwaysEventForPdsa,
  pdsaDecider,
  pdsaStreamId,
  PdsaScale,
  PreviousPdsaCycle,
} from '../../domain/pdsa';
import { AggregateDefinition } from '../command-definition';
import { commandsOf } from '../commands-of';
import type { FactLookups } from '../fact-lookups';
import {
  CancelPdsaCycleDto,
  CompletePdsaCycleDto,
  PdsaCommandDto,
  PlanPdsaCycleDto,
  RecordObservationDto,
  RecordStudyDto,
  StartPdsaCycleDto,
} from './pdsa.dtos';

const pdsa = commandsOf(pdsaDecider, (dto: PdsaCommandDto) => pdsaStreamId(dto.pdsaCycleId));
const id = (dto: PdsaCommandDto) => ({ pdsaCycleId: dto.pdsaCycleId });

async function alwaysEventForPdsa(
  lookups: FactLookups,
  alwaysEventId: string,
): Promise<AlwaysEventForPdsa | null> {
  const { state } = await lookups.load(alwaysEventDecider, alwaysEventStreamId(alwaysEventId));
  if (!state.subject) return null;
  return {
    phase: state.phase,
    programmeSlug: state.subject.programmeSlug,
    odsCode: state.subject.odsCode,
    changeIdeaIds: Object.keys(state.changeIdeas),
  };
}

async function previousCycle(
  lookups: FactLookups,
  pdsaCycleId: string | undefined,
): Promise<PreviousPdsaCycle | null> {
  if (pdsaCycleId === undefined) return null;
  const { state } = await lookups.load(pdsaDecider, pdsaStreamId(pdsaCycleId));
  if (!state.ref) return null;
  return {
    alwaysEventId: state.ref.alwaysEventId,
    changeIdeaId: state.ref.changeIdeaId,
    cycleNumber: state.ref.cycleNumber,
    status: state.status,
    decision: state.decision,
    scale: state.scale as PdsaScale,
  };
}

export const pdsaAggregate: AggregateDefinition = pdsa.aggregate('pdsa', [
  pdsa.commandWithFacts({
    name: 'PlanPdsaCycle',
    summary: 'Plan a PDSA cycle testing a change idea: objective, predictions, who/what/where/when, scale',
    dto: PlanPdsaCycleDto,
    data: (dto) => ({
      ...id(dto),
      alwaysEventId: dto.alwaysEventId,
      changeIdeaId: dto.changeIdeaId,
      cycleNumber: dto.cycleNumber,
      previousCycleId: dto.previousCycleId ?? null,
      objective: dto.objective,
      questions: dto.questions,
      predictions: dto.predictions,
      plan: { who: dto.plan.who, what: dto.plan.what, where: dto.plan.where, when: dto.plan.when },
      scale: {
        unit: dto.scale.unit,
        nPatients: dto.scale.nPatients ?? null,
        durationDays: dto.scale.durationDays,
      },
      dataToCollect: dto.dataToCollect ?? [],
    }),
    facts: async (dto, lookups) => ({
      alwaysEvent: await alwaysEventForPdsa(lookups, dto.alwaysEventId),
      previousCycle: await previousCycle(lookups, dto.previousCycleId),
    }),
  }),
  pdsa.command({
    name: 'StartPdsaCycle',
    summary: 'Start (Do) a planned PDSA cycle',
    dto: StartPdsaCycleDto,
    data: id,
  }),
  pdsa.command({
    name: 'RecordObservation',
    summary: 'Record a problem, surprise or data point while the cycle runs',
    dto: RecordObservationDto,
    data: (dto) => ({
      ...id(dto),
      observationId: dto.observationId,
      kind: dto.kind,
      text: dto.text,
      observedOn: dto.observedOn,
    }),
  }),
  pdsa.command({
    name: 'RecordStudy',
    summary: 'Study the results: compare them with every prediction',
    dto: RecordStudyDto,
    data: (dto) => ({
      ...id(dto),
      resultsSummary: dto.resultsSummary,
      predictionOutcomes: dto.predictionOutcomes.map((o) => ({
        predictionIndex: o.predictionIndex,
        outcome: o.outcome,
        note: o.note ?? null,
      })),
      learning: dto.learning,
    }),
  }),
  pdsa.command({
    name: 'CompletePdsaCycle',
    summary: 'Act: adopt, adapt or abandon the change, with next steps',
    dto: CompletePdsaCycleDto,
    data: (dto) => ({ ...id(dto), decision: dto.decision, nextSteps: dto.nextSteps }),
  }),
  pdsa.command({
    name: 'CancelPdsaCycle',
    summary: 'Cancel a cycle that will not be completed',
    dto: CancelPdsaCycleDto,
    data: (dto) => ({ ...id(dto), reason: dto.reason }),
  }),
]);
