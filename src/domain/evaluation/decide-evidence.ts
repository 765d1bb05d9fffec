import { compareInstants, ensure } from '../shared';
import { ensureNotInFuture } from '../shared/time-rules';
import { RecordInterviews, RecordSurveyWave, TakeDataCut } from './commands';
import {
  DataCutTaken,
  EvaluationInterviewsCompleted,
  EvaluationRef,
  EvaluationSurveyWaveClosed,
} from './events';
import { EvaluationState } from './state';
import { RoleCount } from './values';

const SHA256_HEX = /^[0-9a-f]{64}$/;

/** Commissioned and not yet reported: a published report closes the evaluation to new evidence. */
export function ensureInProgress(state: EvaluationState): EvaluationRef {
  ensure(
    state.status !== 'NotCommissioned',
    'evaluation-not-commissioned',
    'The evaluation has not been commissioned',
  );
  ensure(state.status !== 'Reported', 'evaluation-reported', 'The evaluation has published its report');
  return state.ref as EvaluationRef;
}

function ensureRoleCounts(roles: RoleCount[], total: number, rule: string, field: string): void {
  ensure(
    new Set(roles.map((r) => r.role)).size === roles.length,
    'role-count-duplicated',
    'Each role is counted once',
    'invalid',
    field,
  );
  const counted = roles.reduce((sum, r) => sum + r.count, 0);
  ensure(
    counted <= total,
    rule,
    `The role counts add up to ${counted}, more than ${total}`,
    'invalid',
    field,
  );
}

export function takeDataCut(command: TakeDataCut, state: EvaluationState): DataCutTaken[] {
  const ref = ensureInProgress(state);
  const { dataCutId, asOf, asKnownAt } = command.data;
  const { globalPosition, projectionVersions, checksums } = command.facts;
  const now = command.context.now;
  ensure(
    !state.dataCutIds.includes(dataCutId),
    'data-cut-already-taken',
    `Data cut ${dataCutId} is already taken`,
  );
  ensureBound(asOf, now, 'asOf');
  ensureBound(asKnownAt, now, 'asKnownAt');
  ensure(
    Number.isSafeInteger(globalPosition) && globalPosition >= 0,
    'global-position-invalid',
    'globalPosition is a non-negative whole number',
    'invalid',
    'globalPosition',
  );
  const readModels = Object.keys(checksums);
  ensure(
    readModels.length > 0,
    'data-cut-without-checksums',
    'A data cut checksums at least one read model',
    'invalid',
    'checksums',
  );
  for (const readModel of readModels) {
    ensure(
      SHA256_HEX.test(checksums[readModel]),
      'checksum-not-sha256',
      `The checksum of ${readModel} is not a lower-case sha256 hex digest`,
      'invalid',
      `checksums.${readModel}`,
    );
    ensure(
      Number.isSafeInteger(projectionVersions[readModel]),
      'checksum-without-projection-version',
      `${readModel} has a checksum but no projection version; replay could not reproduce it`,
      'invalid',
      'projectionVersions',
    );
  }
  return [
    {
      type: 'DataCutTaken',
      data: {
        ...ref,
        dataCutId,
        asOf,
        asKnownAt,
        globalPosition,
        projectionVersions,
        checksums,
        takenAt: command.context.occurredAt,
      },
    },
  ];
}

function ensureBound(bound: string, now: string, field: string): void {
  ensure(
    compareInstants(bound, now) <= 0,
    'data-cut-bound-in-future',
    `${field} ${bound} is after now: a cut of the future cannot be reproduced`,
    'invalid',
    field,
  );
}

export function recordSurveyWave(
  command: RecordSurveyWave,
  state: EvaluationState,
): EvaluationSurveyWaveClosed[] {
  const ref = ensureInProgress(state);
  const { waveId, closedOn, invitedCount, respondentCount, respondentRoles } = command.data;
  ensure(
    !state.surveyWaveIds.includes(waveId),
    'survey-wave-already-recorded',
    `Wave ${waveId} is already recorded`,
  );
  ensureNotInFuture(closedOn, command.context.now, 'closedOn');
  ensure(
    invitedCount > 0,
    'survey-without-invitees',
    'A survey wave invites someone',
    'invalid',
    'invitedCount',
  );
  ensure(
    respondentCount <= invitedCount,
    'respondents-exceed-invited',
    `${respondentCount} respondents out of ${invitedCount} invited`,
    'invalid',
    'respondentCount',
  );
  ensureRoleCounts(
    respondentRoles,
    respondentCount,
    'respondent-roles-exceed-respondents',
    'respondentRoles',
  );
  return [
    {
      type: 'EvaluationSurveyWaveClosed',
      data: {
        ...ref,
        waveId,
        closedOn,
        invitedCount,
        respondentCount,
        responseRatePct: (respondentCount / invitedCount) * 100,
        respondentRoles,
      },
    },
  ];
}

export function recordInterviews(
  command: RecordInterviews,
  state: EvaluationState,
): EvaluationInterviewsCompleted[] {
  const ref = ensureInProgress(state);
  const { interviewRoundId, completedOn, count, roleCategories } = command.data;
  ensure(
    !state.interviewRoundIds.includes(interviewRoundId),
    'interviews-already-recorded',
    `Interview round ${interviewRoundId} is already recorded`,
  );
  ensureNotInFuture(completedOn, command.context.now, 'completedOn');
  ensure(count > 0, 'no-interviews', 'An interview round has at least one interview', 'invalid', 'count');
  ensureRoleCounts(roleCategories, count, 'interview-roles-exceed-count', 'roleCategories');
  return [
    {
      type: 'EvaluationInterviewsCompleted',
      data: { ...ref, interviewRoundId, completedOn, count, roleCategories },
    },
  ];
}
