import { evaluationDecider, evaluationStreamId } from '../../domain/evaluation';
import { AggregateDefinition } from '../command-definition';
import { commandsOf } from '../commands-of';
import {
  CommissionEvaluationDto,
  EvaluationCommandDto,
  PublishReportDto,
  RecordFindingDto,
  RecordInterviewsDto,
  RecordSurveyWaveDto,
  RoleCountDto,
} from './evaluation.dtos';
import { requestedCutBounds, TakeDataCutDto } from './take-data-cut';

const evaluation = commandsOf(evaluationDecider, (dto: EvaluationCommandDto) =>
  evaluationStreamId(dto.evaluationId),
);
const id = (dto: EvaluationCommandDto) => ({ evaluationId: dto.evaluationId });
const roleCounts = (dtos: RoleCountDto[]) => dtos.map(({ role, count }) => ({ role, count }));

export const evaluationAggregate: AggregateDefinition = evaluation.aggregate('evaluation', [
  // The service folds every read model inside the bounds the caller names and records the global position,
  // projection versions and checksums, so the cut can be verified (GET /v1/evaluation/data-cuts/{id}/verify).
  evaluation.commandWithFacts({
    name: 'TakeDataCut',
    summary:
      'Take a reproducible data cut: bounds, read-model versions and SHA-256 checksums, fixed in the evaluation',
    dto: TakeDataCutDto,
    data: (dto, context) => ({ ...id(dto), dataCutId: dto.dataCutId, ...requestedCutBounds(dto, context) }),
    facts: (dto, lookups, context) => lookups.readModelChecksums(requestedCutBounds(dto, context)),
  }),
  evaluation.command({
    name: 'CommissionEvaluation',
    summary: 'Commission an evaluation: evaluator, commissioner, scope and questions',
    dto: CommissionEvaluationDto,
    data: (dto) => ({
      ...id(dto),
      title: dto.title,
      evaluator: dto.evaluator,
      commissioner: dto.commissioner,
      scope: dto.scope,
      questions: dto.questions,
    }),
  }),
  evaluation.command({
    name: 'RecordSurveyWave',
    summary: 'Record a closed survey wave: invited and responding counts by role',
    dto: RecordSurveyWaveDto,
    data: (dto) => ({
      ...id(dto),
      waveId: dto.waveId,
      closedOn: dto.closedOn,
      invitedCount: dto.invitedCount,
      respondentCount: dto.respondentCount,
      respondentRoles: roleCounts(dto.respondentRoles),
    }),
  }),
  evaluation.command({
    name: 'RecordInterviews',
    summary: 'Record a completed round of interviews: count by role',
    dto: RecordInterviewsDto,
    data: (dto) => ({
      ...id(dto),
      interviewRoundId: dto.interviewRoundId,
      completedOn: dto.completedOn,
      count: dto.count,
      roleCategories: roleCounts(dto.roleCategories),
    }),
  }),
  evaluation.command({
    name: 'RecordFinding',
    summary: "Record a finding, citing this evaluation's data cuts",
    dto: RecordFindingDto,
    data: (dto) => ({
      ...id(dto),
      findingId: dto.findingId,
      kind: dto.kind,
      text: dto.text,
      evidence: { dataCutIds: dto.evidence.dataCutIds, alwaysEventIds: dto.evidence.alwaysEventIds },
    }),
  }),
  evaluation.command({
    name: 'PublishReport',
    summary: "Publish the evaluation's report",
    dto: PublishReportDto,
    data: (dto) => ({ ...id(dto), title: dto.title, publishedOn: dto.publishedOn, url: dto.url }),
  }),
]);
