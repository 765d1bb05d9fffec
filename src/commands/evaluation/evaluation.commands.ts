import { evaluationDecider, evaluationStreamId } from '../../domain/evaluation';
import { aggregateCommand } from '../aggregate-command';
import { AggregateDefinition } from '../command-definition';
import {
  CommissionEvaluationDto,
  EvaluationCommandDto,
  PublishReportDto,
  RecordFindingDto,
  RecordInterviewsDto,
  RecordSurveyWaveDto,
  RoleCountDto,
} from './evaluation.dtos';
import { takeDataCut } from './take-data-cut';

const command = aggregateCommand(evaluationDecider, (dto: EvaluationCommandDto) =>
  evaluationStreamId(dto.evaluationId),
);
const id = (dto: EvaluationCommandDto) => ({ evaluationId: dto.evaluationId });
const roleCounts = (dtos: RoleCountDto[]) => dtos.map(({ role, count }) => ({ role, count }));

export const evaluationAggregate: AggregateDefinition = {
  category: 'evaluation',
  decider: evaluationDecider as AggregateDefinition['decider'],
  commands: [
    takeDataCut,
    command({
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
    command({
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
    command({
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
    command({
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
    command({
      name: 'PublishReport',
      summary: "Publish the evaluation's report",
      dto: PublishReportDto,
      data: (dto) => ({ ...id(dto), title: dto.title, publishedOn: dto.publishedOn, url: dto.url }),
    }),
  ],
};
