import { Decider } from '../decider';
import { DomainError, ensure } from '../shared';
import { ensureNotInFuture } from '../shared/time-rules';
import { CommissionEvaluation, EvaluationCommand, PublishReport, RecordFinding } from './commands';
import { ensureInProgress, recordInterviews, recordSurveyWave, takeDataCut } from './decide-evidence';
import {
  EvaluationCommissioned,
  EvaluationEvent,
  EvaluationFindingRecorded,
  EvaluationReportPublished,
} from './events';
import { evolve, EvaluationState, initialState } from './state';

function commissionEvaluation(
  command: CommissionEvaluation,
  state: EvaluationState,
): EvaluationCommissioned[] {
  const { evaluationId, evaluator, scope, title, commissioner, questions } = command.data;
  ensure(
    state.status === 'NotCommissioned',
    'evaluation-already-commissioned',
    `Evaluation ${evaluationId} is already commissioned`,
  );
  ensure(
    questions.length > 0,
    'evaluation-needs-question',
    'An evaluation sets out at least one question',
    'invalid',
    'questions',
  );
  return [
    {
      type: 'EvaluationCommissioned',
      data: {
        evaluationId,
        evaluator,
        scope,
        title,
        commissioner,
        questions,
        commissionedAt: command.context.occurredAt,
      },
    },
  ];
}

function recordFinding(command: RecordFinding, state: EvaluationState): EvaluationFindingRecorded[] {
  const ref = ensureInProgress(state);
  const { findingId, kind, text, evidence } = command.data;
  ensure(
    !state.findingIds.includes(findingId),
    'finding-already-recorded',
    `Finding ${findingId} is already recorded`,
  );
  const foreign = evidence.dataCutIds.filter((id) => !state.dataCutIds.includes(id));
  ensure(
    foreign.length === 0,
    'finding-cites-unknown-data-cut',
    `A finding cites only this evaluation's data cuts; ${foreign.join(', ')} is not one`,
    'invalid',
    'evidence.dataCutIds',
  );
  return [{ type: 'EvaluationFindingRecorded', data: { ...ref, findingId, kind, text, evidence } }];
}

function publishReport(command: PublishReport, state: EvaluationState): EvaluationReportPublished[] {
  const ref = ensureInProgress(state);
  const { title, publishedOn, url } = command.data;
  ensureNotInFuture(publishedOn, command.context.now, 'publishedOn');
  return [
    {
      type: 'EvaluationReportPublished',
      data: {
        ...ref,
        title,
        publishedOn,
        url,
        findingCount: state.findingIds.length,
        dataCutIds: state.dataCutIds,
      },
    },
  ];
}

export function decide(command: EvaluationCommand, state: EvaluationState): EvaluationEvent[] {
  switch (command.type) {
    case 'CommissionEvaluation':
      return commissionEvaluation(command, state);
    case 'TakeDataCut':
      return takeDataCut(command, state);
    case 'RecordSurveyWave':
      return recordSurveyWave(command, state);
    case 'RecordInterviews':
      return recordInterviews(command, state);
    case 'RecordFinding':
      return recordFinding(command, state);
    case 'PublishReport':
      return publishReport(command, state);
    default:
      throw new DomainError(
        'unknown-command',
        `Unknown command ${(command as { type: string }).type}`,
        'invalid',
      );
  }
}

export const evaluationDecider: Decider<EvaluationCommand, EvaluationEvent, EvaluationState> = {
  initialState,
  evolve,
  decide,
};

export const evaluationStreamId = (evaluationId: string): string => `evaluation-${evaluationId}`;
