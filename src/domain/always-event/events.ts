import { AimRuleEvidence, MeasureRole, ShiftEvidence } from '../measure';
import { DomainEvent, IsoDate, IsoDateTime } from '../shared';
import {
  Aim,
  AlwaysEventPhase,
  CareSetting,
  CareUnit,
  ChangeIdeaOrigin,
  ClosureReason,
  CoDesignMember,
  CoDesignMemberCategory,
  Criterion,
  CriteriaAssessment,
  Lineage,
  ListeningMethod,
  ListeningParticipants,
  VisionVoice,
} from './values';
import type { DriverDiagramEvent } from './driver-diagram';

/** On every event, so read models slice by programme and organisation without re-reading the stream. */
export interface AlwaysEventSubject {
  alwaysEventId: string;
  programmeSlug: string;
  odsCode: string;
}
type Event<Type extends string, Data> = DomainEvent<Type, AlwaysEventSubject & Data>;

export type AlwaysEventInitiated = Event<
  'AlwaysEventInitiated',
  {
    homeUnit: CareUnit;
    population: string;
    derivedFrom: { alwaysEventId: string; odsCode: string; lineage: Lineage } | null;
    initiatedAt: IsoDateTime;
  }
>;

export type CoDesignTeamFormed = Event<
  'CoDesignTeamFormed',
  { members: CoDesignMember[]; formedAt: IsoDateTime }
>;
export type CoDesignTeamMemberJoined = Event<
  'CoDesignTeamMemberJoined',
  CoDesignMember & { joinedAt: IsoDateTime }
>;
export type CoDesignTeamMemberLeft = Event<
  'CoDesignTeamMemberLeft',
  CoDesignMember & { reason: string | null; leftAt: IsoDateTime }
>;
export type ListeningActivityRecorded = Event<
  'ListeningActivityRecorded',
  {
    activityId: string;
    method: ListeningMethod;
    heldOn: IsoDate;
    participants: ListeningParticipants;
    involvedPatientsOrCarers: boolean;
    summary: string;
  }
>;
export type WhatMattersThemeIdentified = Event<
  'WhatMattersThemeIdentified',
  { themeId: string; label: string; sourceActivityIds: string[] }
>;
export type CoDesignStarted = Event<
  'CoDesignStarted',
  { selectedThemeId: string; themeLabel: string; startedAt: IsoDateTime }
>;

export type AlwaysEventStatementDrafted = Event<
  'AlwaysEventStatementDrafted',
  { draftId: string; visionStatement: string; visionVoice: VisionVoice; aim: Aim }
>;
export type AlwaysEventCriteriaAssessed = Event<
  'AlwaysEventCriteriaAssessed',
  CriteriaAssessment & { draftId: string; allMet: boolean; unmet: Criterion[] }
>;
export type AlwaysEventStatementAgreed = Event<
  'AlwaysEventStatementAgreed',
  {
    draftId: string;
    statementVersion: number;
    visionStatement: string;
    visionVoice: VisionVoice;
    aim: Aim;
    homeUnit: CareUnit;
    /** Team make-up at agreement, for the co-production index. */
    agreedByCategories: Partial<Record<CoDesignMemberCategory, number>>;
    patientOrCarerShare: number;
    /** Rules flagged but not refused (docs/architecture/domain-model.md, "Flagged, not refused"). */
    warnings: string[];
    agreedAt: IsoDateTime;
  }
>;
export type AimStatementRevised = Event<
  'AimStatementRevised',
  { statementVersion: number; previousAim: Aim; aim: Aim; reason: string; revisedAt: IsoDateTime }
>;

export type ChangeIdeaProposed = Event<
  'ChangeIdeaProposed',
  {
    changeIdeaId: string;
    description: string;
    origin: ChangeIdeaOrigin;
    originatingSessionId: string | null;
    warnings: string[];
  }
>;
export type MeasureLinked = Event<
  'MeasureLinked',
  { measureId: string; role: MeasureRole; measureName: string }
>;
export type TestingStarted = Event<
  'TestingStarted',
  {
    setting: CareSetting;
    outcomeMeasureIds: string[];
    processMeasureIds: string[];
    balancingMeasureIds: string[];
    warnings: string[];
    startedAt: IsoDateTime;
  }
>;
export type ImplementationStarted = Event<
  'ImplementationStarted',
  { setting: CareSetting; adoptedChangeIdeaIds: string[]; pdsaCycleIds: string[]; startedAt: IsoDateTime }
>;
export type AimAchieved = Event<
  'AimAchieved',
  {
    setting: CareSetting;
    measureId: string;
    unitId: string;
    evidence: AimRuleEvidence & { shift: ShiftEvidence; measureRevision: number };
    achievedAt: IsoDateTime;
  }
>;
export type SustainmentConfirmed = Event<
  'SustainmentConfirmed',
  { reviewDate: IsoDate; periodsReviewed: number; periodsAtTarget: number; pctPeriodsAtTarget: number }
>;
export type SustainmentLost = Event<
  'SustainmentLost',
  { measureId: string; detectedOn: IsoDate; reason: string }
>;

export type ScaleUpUnitAdded = Event<'ScaleUpUnitAdded', CareUnit & { plannedGoLive: IsoDate | null }>;
export type ScaleUpUnitWentLive = Event<
  'ScaleUpUnitWentLive',
  { unitId: string; setting: CareSetting; goLiveDate: IsoDate }
>;
export type ScaleUpUnitStopped = Event<
  'ScaleUpUnitStopped',
  { unitId: string; setting: CareSetting; stoppedOn: IsoDate; reason: string }
>;

export type ProgressScoreRecorded = Event<
  'ProgressScoreRecorded',
  { period: string; score: number; note: string | null }
>;
/** A second score for a period already scored: the amendment keeps the score it replaces. */
export type ProgressScoreAmended = Event<
  'ProgressScoreAmended',
  { period: string; score: number; previousScore: number; note: string | null }
>;
export type AlwaysEventPaused = Event<
  'AlwaysEventPaused',
  {
    pausedInPhase: AlwaysEventPhase;
    reason: string;
    expectedResumeDate: IsoDate | null;
    pausedAt: IsoDateTime;
  }
>;
export type AlwaysEventResumed = Event<
  'AlwaysEventResumed',
  { resumedToPhase: AlwaysEventPhase; resumedAt: IsoDateTime }
>;
export type AlwaysEventClosed = Event<
  'AlwaysEventClosed',
  { reason: ClosureReason; note: string | null; phaseAtClosure: AlwaysEventPhase; closedAt: IsoDateTime }
>;

export type AlwaysEventEvent =
  | AlwaysEventInitiated
  | CoDesignTeamFormed
  | CoDesignTeamMemberJoined
  | CoDesignTeamMemberLeft
  | ListeningActivityRecorded
  | WhatMattersThemeIdentified
  | CoDesignStarted
  | AlwaysEventStatementDrafted
  | AlwaysEventCriteriaAssessed
  | AlwaysEventStatementAgreed
  | AimStatementRevised
  | ChangeIdeaProposed
  | MeasureLinked
  | TestingStarted
  | ImplementationStarted
  | AimAchieved
  | SustainmentConfirmed
  | SustainmentLost
  | ScaleUpUnitAdded
  | ScaleUpUnitWentLive
  | ScaleUpUnitStopped
  | ProgressScoreRecorded
  | ProgressScoreAmended
  | AlwaysEventPaused
  | AlwaysEventResumed
  | AlwaysEventClosed
  | DriverDiagramEvent;
