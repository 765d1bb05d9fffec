import type {
  AddCoDesignTeamMemberDto,
  FormCoDesignTeamDto,
  IdentifyWhatMattersThemeDto,
  InitiateAlwaysEventDto,
  RecordListeningActivityDto,
  RemoveCoDesignTeamMemberDto,
  StartCoDesignDto,
} from '../../src/commands/always-event/set-up.dtos';
import type {
  AgreeStatementDto,
  AssessCriteriaDto,
  DraftStatementDto,
  ReviseAimDto,
} from '../../src/commands/always-event/statement.dtos';
import type {
  LinkMeasureDto,
  ProposeChangeIdeaDto,
  StartImplementationDto,
  StartTestingDto,
} from '../../src/commands/always-event/testing.dtos';
import type {
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
} from '../../src/commands/always-event/outcomes.dtos';
import type {
  AmendMonthlyReturnDto,
  RecordLearningSharedDto,
  RecordSupportContactDto,
  SubmitMonthlyReturnDto,
} from '../../src/commands/engagement/engagement.dtos';
import type {
  AnnotateChartDto,
  CorrectMeasurementDto,
  DefineMeasureDto,
  EstablishBaselineDto,
  RecordMeasurementDto,
  RetireMeasureDto,
  ReviseMeasureDefinitionDto,
} from '../../src/commands/measure/measure.dtos';
import type { RecalculateLimitsDto } from '../../src/commands/measure/limits.dtos';
import type {
  AddDriverDto,
  LinkDriverDiagramItemDto,
  RetireDriverDiagramItemDto,
  RewordDriverDiagramItemDto,
} from '../../src/commands/always-event/driver-diagram.dtos';
import type { RegisterOrganisationDto } from '../../src/commands/organisation/organisation.dtos';
import type {
  AppointLocalLeadDto,
  AssignToCohortDto,
  ChangeExecutiveSponsorDto,
  CompleteParticipationDto,
  ConfirmExecutiveSponsorDto,
  EnrolOrganisationDto,
  EstablishOversightTeamDto,
  ExpressInterestDto,
  PauseParticipationDto,
  RecordSponsorVacancyDto,
  ResumeParticipationDto,
  SignParticipationCommitmentDto,
  WithdrawOrganisationDto,
} from '../../src/commands/participation/participation.dtos';
import type {
  CancelPdsaCycleDto,
  CompletePdsaCycleDto,
  PlanPdsaCycleDto,
  RecordObservationDto,
  RecordStudyDto,
  StartPdsaCycleDto,
} from '../../src/commands/pdsa/pdsa.dtos';
import type {
  CloseCohortDto,
  CloseProgrammeDto,
  DefinePhaseDto,
  LaunchCohortDto,
  LaunchProgrammeDto,
  ScheduleCohortDto,
  SetEnrolmentTargetDto,
} from '../../src/commands/programme/programme.dtos';

/**
 * The commands the simulator sends, each with the body its public DTO
 * accepts: a body that drifts from the contract does not compile. Type-only
 * imports: the simulator talks to the service over HTTP and loads none of it.
 */
interface Dtos {
  LaunchProgramme: LaunchProgrammeDto;
  DefinePhase: DefinePhaseDto;
  SetEnrolmentTarget: SetEnrolmentTargetDto;
  ScheduleCohort: ScheduleCohortDto;
  LaunchCohort: LaunchCohortDto;
  CloseCohort: CloseCohortDto;
  CloseProgramme: CloseProgrammeDto;
  RegisterOrganisation: RegisterOrganisationDto;
  ExpressInterest: ExpressInterestDto;
  ConfirmExecutiveSponsor: ConfirmExecutiveSponsorDto;
  SignParticipationCommitment: SignParticipationCommitmentDto;
  AssignToCohort: AssignToCohortDto;
  EnrolOrganisation: EnrolOrganisationDto;
  AppointLocalLead: AppointLocalLeadDto;
  EstablishOversightTeam: EstablishOversightTeamDto;
  ChangeExecutiveSponsor: ChangeExecutiveSponsorDto;
  RecordSponsorVacancy: RecordSponsorVacancyDto;
  PauseParticipation: PauseParticipationDto;
  ResumeParticipation: ResumeParticipationDto;
  WithdrawOrganisation: WithdrawOrganisationDto;
  CompleteParticipation: CompleteParticipationDto;
  RecordSupportContact: RecordSupportContactDto;
  SubmitMonthlyReturn: SubmitMonthlyReturnDto;
  AmendMonthlyReturn: AmendMonthlyReturnDto;
  RecordLearningShared: RecordLearningSharedDto;
  InitiateAlwaysEvent: InitiateAlwaysEventDto;
  FormCoDesignTeam: FormCoDesignTeamDto;
  AddCoDesignTeamMember: AddCoDesignTeamMemberDto;
  RemoveCoDesignTeamMember: RemoveCoDesignTeamMemberDto;
  RecordListeningActivity: RecordListeningActivityDto;
  IdentifyWhatMattersTheme: IdentifyWhatMattersThemeDto;
  StartCoDesign: StartCoDesignDto;
  DraftStatement: DraftStatementDto;
  AssessCriteria: AssessCriteriaDto;
  AgreeStatement: AgreeStatementDto;
  ReviseAim: ReviseAimDto;
  ProposeChangeIdea: ProposeChangeIdeaDto;
  LinkMeasure: LinkMeasureDto;
  StartTesting: StartTestingDto;
  StartImplementation: StartImplementationDto;
  DeclareAimAchieved: DeclareAimAchievedDto;
  ConfirmSustainment: ConfirmSustainmentDto;
  RecordSustainmentLoss: RecordSustainmentLossDto;
  AddScaleUpUnit: AddScaleUpUnitDto;
  RecordUnitGoLive: RecordUnitGoLiveDto;
  StopUnit: StopUnitDto;
  RecordProgressScore: RecordProgressScoreDto;
  PauseAlwaysEvent: PauseAlwaysEventDto;
  ResumeAlwaysEvent: ResumeAlwaysEventDto;
  CloseAlwaysEvent: CloseAlwaysEventDto;
  PlanPdsaCycle: PlanPdsaCycleDto;
  StartPdsaCycle: StartPdsaCycleDto;
  RecordObservation: RecordObservationDto;
  RecordStudy: RecordStudyDto;
  CompletePdsaCycle: CompletePdsaCycleDto;
  CancelPdsaCycle: CancelPdsaCycleDto;
  DefineMeasure: DefineMeasureDto;
  ReviseMeasureDefinition: ReviseMeasureDefinitionDto;
  RecordMeasurement: RecordMeasurementDto;
  CorrectMeasurement: CorrectMeasurementDto;
  EstablishBaseline: EstablishBaselineDto;
  AnnotateChart: AnnotateChartDto;
  RetireMeasure: RetireMeasureDto;
  RecalculateLimits: RecalculateLimitsDto;
  AddDriver: AddDriverDto;
  RewordDriverDiagramItem: RewordDriverDiagramItemDto;
  RetireDriverDiagramItem: RetireDriverDiagramItemDto;
  LinkDriverDiagramItem: LinkDriverDiagramItemDto;
}

export type CommandName = keyof Dtos;

/** A command body as sent: every field of the DTO but the idempotency key, which travels as a header. */
export type CommandBody<Name extends CommandName> = Omit<Dtos[Name], 'commandId'>;

/** One command the simulator will send, with the key that makes sending it again a no-op. */
export interface PlannedCommand {
  name: CommandName;
  body: Record<string, unknown>;
  /** Business time of the fact (also in the body as `occurredAt`); plans are ordered by it. */
  at: string;
  idempotencyKey: string;
}

/** A command in a plan before its idempotency key is derived (see keys.ts). */
export interface DraftCommand {
  name: CommandName;
  body: Record<string, unknown>;
  at: string;
}

/** Builds a command: `occurredAt` is always sent, so no event's business time depends on the wall clock. */
export function command<Name extends CommandName>(
  name: Name,
  at: string,
  body: Omit<CommandBody<Name>, 'occurredAt'>,
): DraftCommand {
  return { name, at, body: { ...(body as Record<string, unknown>), occurredAt: at } };
}
