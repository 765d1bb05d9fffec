import { DomainErrorKind, ensure } from '../shared';
import { AgreeStatement, AssessCriteria, DraftStatement, ReviseAim } from './commands';
import {
  AimStatementRevised,
  AlwaysEventCriteriaAssessed,
  AlwaysEventStatementAgreed,
  AlwaysEventStatementDrafted,
} from './events';
import { ensureOpen, ensurePhase, FROM_STATEMENT } from './guards';
import { AlwaysEventState, StatementDraft } from './state';
import { Aim, CareUnit, CoDesignMemberCategory, CRITERIA, PATIENT_OR_CARER } from './values';

/**
 * A complete aim: population, a target in (0, 100] and a deadline or a review
 * cadence. `kind` is `conflict` when the aim is an earlier draft's, `invalid`
 * when the command itself carries it.
 */
function ensureCompleteAim(aim: Aim, kind: DomainErrorKind, prefix: string): void {
  ensure(
    aim.population.trim().length > 0,
    'aim-needs-population',
    'The aim names its population',
    kind,
    `${prefix}.population`,
  );
  ensure(
    aim.targetPct > 0 && aim.targetPct <= 100,
    'aim-target-out-of-range',
    `The aim's target ${aim.targetPct}% must be more than 0 and at most 100`,
    kind,
    `${prefix}.targetPct`,
  );
  ensure(
    aim.deadline !== null || aim.reviewCadence !== null,
    'aim-needs-deadline-or-review-cadence',
    'The aim has a deadline or, when it is ongoing, a review cadence',
    kind,
    `${prefix}.deadline`,
  );
}

function draftOf(state: AlwaysEventState, draftId: string): StatementDraft {
  const draft = state.drafts[draftId];
  ensure(
    draft,
    'draft-not-found',
    `No statement draft ${draftId} on this Always Event`,
    'invalid',
    'draftId',
  );
  return draft;
}

export function draftStatement(
  command: DraftStatement,
  state: AlwaysEventState,
): AlwaysEventStatementDrafted[] {
  const subject = ensureOpen(state);
  ensurePhase(state, ['CoDesign'], 'drafting-needs-co-design', 'DraftStatement');
  const { draftId, visionStatement, visionVoice, aim } = command.data;
  ensure(!(draftId in state.drafts), 'draft-already-exists', `Draft ${draftId} already exists`);
  return [
    { type: 'AlwaysEventStatementDrafted', data: { ...subject, draftId, visionStatement, visionVoice, aim } },
  ];
}

export function assessCriteria(
  command: AssessCriteria,
  state: AlwaysEventState,
): AlwaysEventCriteriaAssessed[] {
  const subject = ensureOpen(state);
  ensurePhase(state, ['CoDesign'], 'assessment-needs-co-design', 'AssessCriteria');
  const { draftId, important, evidenceBased, measurable, affordableSustainable } = command.data;
  draftOf(state, draftId);
  const unmet = CRITERIA.filter((criterion) => !command.data[criterion].met);
  return [
    {
      type: 'AlwaysEventCriteriaAssessed',
      data: {
        ...subject,
        draftId,
        important,
        evidenceBased,
        measurable,
        affordableSustainable,
        allMet: unmet.length === 0,
        unmet,
      },
    },
  ];
}

/** Pioneer trusts aimed for half the room to be patients and carers (docs/architecture/improvement-method.md, "Roles"); flagged, not refused. */
const PATIENT_SHARE_AIM = 0.5;

export function agreeStatement(
  command: AgreeStatement,
  state: AlwaysEventState,
): AlwaysEventStatementAgreed[] {
  const subject = ensureOpen(state);
  ensurePhase(state, ['CoDesign'], 'agreement-needs-co-design', 'AgreeStatement');
  const draft = draftOf(state, command.data.draftId);
  const categories = Object.values(state.members);
  const patientsOrCarers = categories.filter((c) => PATIENT_OR_CARER.includes(c)).length;
  ensure(
    patientsOrCarers > 0,
    'co-design-team-lacks-patient-or-carer',
    'A statement is agreed only with a patient, service user, family member or carer on the co-design team',
  );
  ensure(
    categories.includes('PointOfCareStaff'),
    'co-design-team-lacks-point-of-care-staff',
    'A statement is agreed only with point-of-care staff on the co-design team',
  );
  ensure(
    draft.assessment !== null,
    'criteria-not-assessed',
    'Assess the draft against the four criteria before agreeing it',
  );
  ensure(
    draft.assessment.allMet,
    'criteria-not-met',
    `The latest assessment of the draft does not meet: ${draft.assessment.unmet.join(', ')}`,
  );
  ensure(
    draft.visionVoice === 'PatientWords',
    'vision-not-in-patient-words',
    "The vision statement is in the patient's words, not staff's",
  );
  ensureCompleteAim(draft.aim, 'conflict', 'aim');
  const agreedByCategories: Partial<Record<CoDesignMemberCategory, number>> = {};
  for (const category of categories) agreedByCategories[category] = (agreedByCategories[category] ?? 0) + 1;
  const patientOrCarerShare = patientsOrCarers / categories.length;
  return [
    {
      type: 'AlwaysEventStatementAgreed',
      data: {
        ...subject,
        draftId: command.data.draftId,
        statementVersion: 1,
        visionStatement: draft.visionStatement,
        visionVoice: draft.visionVoice,
        aim: draft.aim,
        homeUnit: state.homeUnit as CareUnit,
        agreedByCategories,
        patientOrCarerShare,
        warnings: patientOrCarerShare < PATIENT_SHARE_AIM ? ['patient-or-carer-share-below-half'] : [],
        agreedAt: command.context.occurredAt,
      },
    },
  ];
}

export function reviseAim(command: ReviseAim, state: AlwaysEventState): AimStatementRevised[] {
  const subject = ensureOpen(state);
  ensurePhase(state, FROM_STATEMENT, 'statement-not-agreed', 'ReviseAim');
  const { aim, reason } = command.data;
  ensureCompleteAim(aim, 'invalid', 'aim');
  const statement = state.statement as NonNullable<AlwaysEventState['statement']>;
  const unchanged = (Object.keys(aim) as Array<keyof Aim>).every((key) => aim[key] === statement.aim[key]);
  ensure(!unchanged, 'aim-unchanged', 'The revised aim is the current aim', 'invalid', 'aim');
  return [
    {
      type: 'AimStatementRevised',
      data: {
        ...subject,
        statementVersion: statement.version + 1,
        previousAim: statement.aim,
        aim,
        reason,
        revisedAt: command.context.occurredAt,
      },
    },
  ];
}
