import { Aim, CriterionAssessment } from '../../domain/always-event';
import { AggregateDefinition } from '../command-definition';
import { alwaysEvent } from './always-event-commands-of';
import { AlwaysEventCommandDto } from './always-event-command.dto';
import { driverDiagramCommands } from './driver-diagram.commands';
import {
  aimEvidenceFacts,
  derivedFromFact,
  measureToLink,
  participationEnrolled,
  pdsaCycleFacts,
} from './always-event.facts';
import {
  AddScaleUpUnitDto,
  CloseAlwaysEventDto,
  ConfirmSustainmentDto,
  DeclareAimAchievedDto,
  PauseAlwaysEventDto,
  RecordProgressScoreDto,
  RecordSustainmentLossDto,
  RecordUnitGoLiveDto,
  ResumeAlwaysEventDto,
  StopUnitDto,
} from './outcomes.dtos';
import {
  AddCoDesignTeamMemberDto,
  CareUnitDto,
  FormCoDesignTeamDto,
  IdentifyWhatMattersThemeDto,
  InitiateAlwaysEventDto,
  RecordListeningActivityDto,
  RemoveCoDesignTeamMemberDto,
  StartCoDesignDto,
} from './set-up.dtos';
import {
  AgreeStatementDto,
  AimDto,
  AssessCriteriaDto,
  DraftStatementDto,
  ReviseAimDto,
} from './statement.dtos';
import {
  LinkMeasureDto,
  ProposeChangeIdeaDto,
  StartImplementationDto,
  StartTestingDto,
} from './testing.dtos';

const id = (dto: AlwaysEventCommandDto) => ({ alwaysEventId: dto.alwaysEventId });
const unit = ({ unitId, name, setting }: CareUnitDto) => ({ unitId, name, setting });
const aim = (dto: AimDto): Aim => ({
  population: dto.population,
  behaviourOrOutcome: dto.behaviourOrOutcome,
  targetPct: dto.targetPct,
  deadline: dto.deadline ?? null,
  reviewCadence: dto.reviewCadence ?? null,
});
const criterion = ({ met, rationale }: CriterionAssessment): CriterionAssessment => ({ met, rationale });

const setUp = [
  alwaysEvent.commandWithFacts({
    name: 'InitiateAlwaysEvent',
    summary:
      'Start an Always Event in a home unit of an enrolled organisation, optionally derived from another',
    dto: InitiateAlwaysEventDto,
    data: (dto) => ({
      ...id(dto),
      programmeSlug: dto.programmeSlug,
      odsCode: dto.odsCode,
      homeUnit: unit(dto.homeUnit),
      population: dto.population,
      derivedFromAlwaysEventId: dto.derivedFromAlwaysEventId ?? null,
    }),
    facts: async (dto, lookups) => ({
      participationEnrolled: await participationEnrolled(lookups, dto.programmeSlug, dto.odsCode),
      derivedFrom: await derivedFromFact(lookups, dto.derivedFromAlwaysEventId),
    }),
  }),
  alwaysEvent.command({
    name: 'FormCoDesignTeam',
    summary: 'Form the co-design team: pseudonymous members with their category',
    dto: FormCoDesignTeamDto,
    data: (dto) => ({
      ...id(dto),
      members: dto.members.map(({ memberId, category }) => ({ memberId, category })),
    }),
  }),
  alwaysEvent.command({
    name: 'AddCoDesignTeamMember',
    summary: 'Add a pseudonymous member to the co-design team',
    dto: AddCoDesignTeamMemberDto,
    data: (dto) => ({ ...id(dto), memberId: dto.memberId, category: dto.category }),
  }),
  alwaysEvent.command({
    name: 'RemoveCoDesignTeamMember',
    summary: 'Record that a member left the co-design team',
    dto: RemoveCoDesignTeamMemberDto,
    data: (dto) => ({ ...id(dto), memberId: dto.memberId, reason: dto.reason ?? null }),
  }),
  alwaysEvent.command({
    name: 'RecordListeningActivity',
    summary: 'Record a listening activity (conversation, focus group, survey...) with participant counts',
    dto: RecordListeningActivityDto,
    data: (dto) => ({
      ...id(dto),
      activityId: dto.activityId,
      method: dto.method,
      heldOn: dto.heldOn,
      participants: {
        patientsOrServiceUsers: dto.participants.patientsOrServiceUsers,
        familiesOrCarers: dto.participants.familiesOrCarers,
        staff: dto.participants.staff,
        others: dto.participants.others,
      },
      summary: dto.summary,
    }),
  }),
  alwaysEvent.command({
    name: 'IdentifyWhatMattersTheme',
    summary: 'Record a theme of what matters, drawn from listening activities',
    dto: IdentifyWhatMattersThemeDto,
    data: (dto) => ({
      ...id(dto),
      themeId: dto.themeId,
      label: dto.label,
      sourceActivityIds: dto.sourceActivityIds,
    }),
  }),
  alwaysEvent.command({
    name: 'StartCoDesign',
    summary: 'Start co-design on a selected theme, once patients or carers have been heard',
    dto: StartCoDesignDto,
    data: (dto) => ({ ...id(dto), selectedThemeId: dto.selectedThemeId }),
  }),
];

const statement = [
  alwaysEvent.command({
    name: 'DraftStatement',
    summary: "Draft the vision (in the patient's words) and aim statement",
    dto: DraftStatementDto,
    data: (dto) => ({
      ...id(dto),
      draftId: dto.draftId,
      visionStatement: dto.visionStatement,
      visionVoice: dto.visionVoice,
      aim: aim(dto.aim),
    }),
  }),
  alwaysEvent.command({
    name: 'AssessCriteria',
    summary: 'Assess a draft against the four criteria: important, evidence-based, measurable, affordable',
    dto: AssessCriteriaDto,
    data: (dto) => ({
      ...id(dto),
      draftId: dto.draftId,
      important: criterion(dto.important),
      evidenceBased: criterion(dto.evidenceBased),
      measurable: criterion(dto.measurable),
      affordableSustainable: criterion(dto.affordableSustainable),
    }),
  }),
  alwaysEvent.command({
    name: 'AgreeStatement',
    summary: 'Agree a draft statement: needs patients or carers and point-of-care staff, all criteria met',
    dto: AgreeStatementDto,
    data: (dto) => ({ ...id(dto), draftId: dto.draftId }),
  }),
  alwaysEvent.command({
    name: 'ReviseAim',
    summary: 'Revise the aim of an agreed statement (a new statement version)',
    dto: ReviseAimDto,
    data: (dto) => ({ ...id(dto), aim: aim(dto.aim), reason: dto.reason }),
  }),
];

const testing = [
  alwaysEvent.command({
    name: 'ProposeChangeIdea',
    summary: 'Propose a change idea and say where it came from',
    dto: ProposeChangeIdeaDto,
    data: (dto) => ({
      ...id(dto),
      changeIdeaId: dto.changeIdeaId,
      description: dto.description,
      origin: dto.origin,
      originatingSessionId: dto.originatingSessionId ?? null,
    }),
  }),
  alwaysEvent.commandWithFacts({
    name: 'LinkMeasure',
    summary: 'Link a defined measure as an outcome, process or balancing measure',
    dto: LinkMeasureDto,
    data: (dto) => ({ ...id(dto), measureId: dto.measureId, role: dto.role }),
    facts: async (dto, lookups) => ({ measure: await measureToLink(lookups, dto.measureId) }),
  }),
  alwaysEvent.command({
    name: 'StartTesting',
    summary: 'Start testing changes: needs the agreed statement and an outcome and a process measure',
    dto: StartTestingDto,
    data: id,
  }),
  alwaysEvent.commandWithFacts({
    name: 'StartImplementation',
    summary: 'Start implementing, naming the completed PDSA cycles that adopted a change',
    dto: StartImplementationDto,
    data: (dto) => ({ ...id(dto), pdsaCycleIds: dto.pdsaCycleIds }),
    facts: async (dto, lookups) => ({ pdsaCycles: await pdsaCycleFacts(lookups, dto.pdsaCycleIds) }),
  }),
];

const outcomes = [
  alwaysEvent.commandWithFacts({
    name: 'DeclareAimAchieved',
    summary: "Declare the aim achieved: the evidence is recomputed from the outcome measure's data",
    dto: DeclareAimAchievedDto,
    data: (dto) => ({ ...id(dto), measureId: dto.measureId, unitId: dto.unitId ?? null }),
    facts: (dto, lookups) => aimEvidenceFacts(lookups, dto.measureId),
  }),
  alwaysEvent.command({
    name: 'ConfirmSustainment',
    summary: 'Confirm, at a review, that the achieved aim is sustained',
    dto: ConfirmSustainmentDto,
    data: (dto) => ({
      ...id(dto),
      reviewDate: dto.reviewDate,
      periodsReviewed: dto.periodsReviewed,
      periodsAtTarget: dto.periodsAtTarget,
    }),
  }),
  alwaysEvent.command({
    name: 'RecordSustainmentLoss',
    summary: 'Record that an achieved aim is no longer sustained',
    dto: RecordSustainmentLossDto,
    data: (dto) => ({ ...id(dto), measureId: dto.measureId, detectedOn: dto.detectedOn, reason: dto.reason }),
  }),
  alwaysEvent.command({
    name: 'AddScaleUpUnit',
    summary: 'Add a unit the Always Event scales up to, once it is being implemented',
    dto: AddScaleUpUnitDto,
    data: (dto) => ({ ...id(dto), unit: unit(dto.unit), plannedGoLive: dto.plannedGoLive ?? null }),
  }),
  alwaysEvent.command({
    name: 'RecordUnitGoLive',
    summary: 'Record the date a scale-up unit went live',
    dto: RecordUnitGoLiveDto,
    data: (dto) => ({ ...id(dto), unitId: dto.unitId, goLiveDate: dto.goLiveDate }),
  }),
  alwaysEvent.command({
    name: 'StopUnit',
    summary: 'Record that a scale-up unit stopped running the Always Event',
    dto: StopUnitDto,
    data: (dto) => ({ ...id(dto), unitId: dto.unitId, stoppedOn: dto.stoppedOn, reason: dto.reason }),
  }),
  alwaysEvent.command({
    name: 'RecordProgressScore',
    summary: 'Record the monthly IHI progress score (0.5-5.0); a second score for a month amends it',
    dto: RecordProgressScoreDto,
    data: (dto) => ({ ...id(dto), period: dto.period, score: dto.score, note: dto.note ?? null }),
  }),
  alwaysEvent.command({
    name: 'PauseAlwaysEvent',
    summary: 'Pause the Always Event',
    dto: PauseAlwaysEventDto,
    data: (dto) => ({ ...id(dto), reason: dto.reason, expectedResumeDate: dto.expectedResumeDate ?? null }),
  }),
  alwaysEvent.command({
    name: 'ResumeAlwaysEvent',
    summary: 'Resume a paused Always Event where it left off',
    dto: ResumeAlwaysEventDto,
    data: id,
  }),
  alwaysEvent.command({
    name: 'CloseAlwaysEvent',
    summary: 'Close the Always Event for good, with a reason',
    dto: CloseAlwaysEventDto,
    data: (dto) => ({ ...id(dto), reason: dto.reason, note: dto.note ?? null }),
  }),
];

export const alwaysEventAggregate: AggregateDefinition = alwaysEvent.aggregate('always-event', [
  ...setUp,
  ...statement,
  ...testing,
  ...outcomes,
  ...driverDiagramCommands,
]);
