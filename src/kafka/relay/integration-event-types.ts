import type { AlwaysEventEvent } from '../../domain/always-event/events';
import type { EngagementEvent } from '../../domain/engagement/events';
import type { EvaluationEvent } from '../../domain/evaluation/events';
import type { MeasureEvent } from '../../domain/measure/events';
import type { OrganisationEvent } from '../../domain/organisation/events';
import type { ParticipationEvent } from '../../domain/participation/events';
import type { PdsaEvent } from '../../domain/pdsa/events';
import type { PersonalDataEvent } from '../../domain/personal-data/events';
import type { ProgrammeEvent } from '../../domain/programme/events';
import type { WorklistEvent } from '../../domain/worklist/events';

/** Every event type a decider can emit. */
export type DomainEventType = (
  | ProgrammeEvent
  | OrganisationEvent
  | ParticipationEvent
  | EngagementEvent
  | AlwaysEventEvent
  | PdsaEvent
  | MeasureEvent
  | EvaluationEvent
  | PersonalDataEvent
  | WorklistEvent
)['type'];

/**
 * The data schema version each event type is published at
 * (schemas/integration-events/data/<type>.v<N>.schema.json). Typed by the
 * domain's own unions, so a new event type does not compile until it is
 * given a version here (and `npm run schemas:events` writes its schema).
 * Each is the version the commands write (CURRENT_SCHEMA_VERSIONS, else 1):
 * the relay reads through the upcasters, so it only sees current versions.
 */
export const DATA_SCHEMA_VERSIONS: Readonly<Record<DomainEventType, number>> = {
  AimAchieved: 1,
  AimStatementRevised: 1,
  AlwaysEventClosed: 1,
  AlwaysEventCriteriaAssessed: 1,
  AlwaysEventInitiated: 1,
  AlwaysEventPaused: 1,
  AlwaysEventResumed: 1,
  AlwaysEventStatementAgreed: 1,
  AlwaysEventStatementDrafted: 1,
  BaselineEstablished: 1,
  BaselineSet: 1,
  ChangeIdeaProposed: 1,
  ChartAnnotated: 1,
  CoDesignStarted: 1,
  CoDesignTeamFormed: 1,
  CoDesignTeamMemberJoined: 1,
  CoDesignTeamMemberLeft: 1,
  CohortClosed: 1,
  CohortLaunched: 1,
  CohortScheduled: 1,
  DataCutTaken: 1,
  DriverAdded: 1,
  DriverDiagramItemRelinked: 1,
  DriverDiagramItemReworded: 1,
  DriverDiagramItemRetired: 1,
  EnrolmentTargetSet: 1,
  EvaluationCommissioned: 1,
  EvaluationFindingRecorded: 1,
  EvaluationInterviewsCompleted: 1,
  EvaluationReportPublished: 1,
  EvaluationSurveyWaveClosed: 1,
  EventFieldsRedacted: 1,
  ExecutiveSponsorChanged: 1,
  ExecutiveSponsorConfirmed: 1,
  ExecutiveSponsorVacated: 1,
  ImplementationStarted: 1,
  InterestExpressed: 1,
  LearningShared: 1,
  LimitsRecalculated: 1,
  ListeningActivityRecorded: 1,
  LocalLeadAppointed: 1,
  MeasureDefined: 1,
  MeasureDefinitionRevised: 1,
  MeasureLinked: 1,
  MeasureRetired: 1,
  MeasurementCorrected: 1,
  MeasurementRecorded: 2,
  MeasurementRetracted: 1,
  MonthlyReturnAmended: 1,
  MonthlyReturnSubmitted: 1,
  OrganisationAssignedToCohort: 1,
  OrganisationDissolved: 1,
  OrganisationEnrolled: 1,
  OrganisationReclassified: 1,
  OrganisationRegistered: 1,
  OrganisationRenamed: 1,
  OrganisationWithdrew: 1,
  OrganisationsMerged: 1,
  OversightTeamEstablished: 1,
  ParticipationCommitmentSigned: 1,
  ParticipationCompleted: 1,
  ParticipationPaused: 1,
  ParticipationResumed: 1,
  PdsaCycleCancelled: 1,
  PdsaCycleCompleted: 1,
  PdsaCyclePlanned: 1,
  PdsaCycleStarted: 1,
  PdsaCycleStudied: 1,
  PdsaObservationRecorded: 1,
  PersonalDataErased: 1,
  ProgrammeClosed: 1,
  ProgrammeLaunched: 1,
  ProgrammePhaseDefined: 1,
  ProgrammePhaseClosed: 1,
  ProgressScoreAmended: 1,
  ProgressScoreRecorded: 1,
  ReportingWindowSet: 1,
  ScaleUpUnitAdded: 1,
  ScaleUpUnitStopped: 1,
  ScaleUpUnitWentLive: 1,
  SupportContactRecorded: 1,
  SustainmentConfirmed: 1,
  SustainmentLost: 1,
  TestingStarted: 1,
  WhatMattersThemeIdentified: 1,
  WorklistItemClosed: 1,
  WorklistItemOpened: 1,
  WorklistItemRevised: 1,
  WorklistThresholdsSet: 1,
};
