import { MeasureRole, MeasureSeries, ShiftEvidence } from '../measure';
import { Command, IsoDate } from '../shared';
import {
  Aim,
  CareUnit,
  ChangeIdeaOrigin,
  ClosureReason,
  CoDesignMember,
  CriteriaAssessment,
  ListeningMethod,
  ListeningParticipants,
  VisionVoice,
} from './values';
import type { DriverDiagramCommand } from './driver-diagram';

interface Target {
  alwaysEventId: string;
}

export type InitiateAlwaysEvent = Command<
  'InitiateAlwaysEvent',
  Target & {
    programmeSlug: string;
    odsCode: string;
    homeUnit: CareUnit;
    population: string;
    derivedFromAlwaysEventId: string | null;
  },
  {
    participationEnrolled: boolean;
    /** The Always Event named as derivedFrom, when it exists. */
    derivedFrom: { odsCode: string } | null;
  }
>;

export type FormCoDesignTeam = Command<'FormCoDesignTeam', Target & { members: CoDesignMember[] }>;
export type AddCoDesignTeamMember = Command<'AddCoDesignTeamMember', Target & CoDesignMember>;
export type RemoveCoDesignTeamMember = Command<
  'RemoveCoDesignTeamMember',
  Target & { memberId: string; reason: string | null }
>;
export type RecordListeningActivity = Command<
  'RecordListeningActivity',
  Target & {
    activityId: string;
    method: ListeningMethod;
    heldOn: IsoDate;
    participants: ListeningParticipants;
    summary: string;
  }
>;
export type IdentifyWhatMattersTheme = Command<
  'IdentifyWhatMattersTheme',
  Target & { themeId: string; label: string; sourceActivityIds: string[] }
>;
export type StartCoDesign = Command<'StartCoDesign', Target & { selectedThemeId: string }>;

export type DraftStatement = Command<
  'DraftStatement',
  Target & { draftId: string; visionStatement: string; visionVoice: VisionVoice; aim: Aim }
>;
export type AssessCriteria = Command<'AssessCriteria', Target & { draftId: string } & CriteriaAssessment>;
export type AgreeStatement = Command<'AgreeStatement', Target & { draftId: string }>;
export type ReviseAim = Command<'ReviseAim', Target & { aim: Aim; reason: string }>;

export type ProposeChangeIdea = Command<
  'ProposeChangeIdea',
  Target & {
    changeIdeaId: string;
    description: string;
    origin: ChangeIdeaOrigin;
    originatingSessionId: string | null;
  }
>;
export type LinkMeasure = Command<
  'LinkMeasure',
  Target & { measureId: string; role: MeasureRole },
  { measure: { alwaysEventId: string; role: MeasureRole; name: string } | null }
>;
export type StartTesting = Command<'StartTesting', Target>;

/** A PDSA cycle named as evidence, as the application folded it (null fields: no such cycle). */
export interface PdsaCycleFact {
  pdsaCycleId: string;
  alwaysEventId: string | null;
  changeIdeaId: string | null;
  status: string;
  decision: string | null;
}
export type StartImplementation = Command<
  'StartImplementation',
  Target & { pdsaCycleIds: string[] },
  { pdsaCycles: PdsaCycleFact[] }
>;

export type DeclareAimAchieved = Command<
  'DeclareAimAchieved',
  Target & { measureId: string; unitId: string | null },
  /**
   * The measure's current series, folded server-side, and each unit's run-chart
   * shift computed from it by the analytics engine: the caller never asserts the evidence.
   */
  { measure: MeasureSeries | null; measureRevision: number; improvingShift: Record<string, ShiftEvidence> }
>;
export type ConfirmSustainment = Command<
  'ConfirmSustainment',
  Target & { reviewDate: IsoDate; periodsReviewed: number; periodsAtTarget: number }
>;
export type RecordSustainmentLoss = Command<
  'RecordSustainmentLoss',
  Target & { measureId: string; detectedOn: IsoDate; reason: string }
>;

export type AddScaleUpUnit = Command<
  'AddScaleUpUnit',
  Target & { unit: CareUnit; plannedGoLive: IsoDate | null }
>;
export type RecordUnitGoLive = Command<'RecordUnitGoLive', Target & { unitId: string; goLiveDate: IsoDate }>;
export type StopUnit = Command<'StopUnit', Target & { unitId: string; stoppedOn: IsoDate; reason: string }>;

export type RecordProgressScore = Command<
  'RecordProgressScore',
  Target & { period: string; score: number; note: string | null }
>;
export type PauseAlwaysEvent = Command<
  'PauseAlwaysEvent',
  Target & { reason: string; expectedResumeDate: IsoDate | null }
>;
export type ResumeAlwaysEvent = Command<'ResumeAlwaysEvent', Target>;
export type CloseAlwaysEvent = Command<
  'CloseAlwaysEvent',
  Target & { reason: ClosureReason; note: string | null }
>;

export type AlwaysEventCommand =
  | InitiateAlwaysEvent
  | FormCoDesignTeam
  | AddCoDesignTeamMember
  | RemoveCoDesignTeamMember
  | RecordListeningActivity
  | IdentifyWhatMattersTheme
  | StartCoDesign
  | DraftStatement
  | AssessCriteria
  | AgreeStatement
  | ReviseAim
  | ProposeChangeIdea
  | LinkMeasure
  | StartTesting
  | StartImplementation
  | DeclareAimAchieved
  | ConfirmSustainment
  | RecordSustainmentLoss
  | AddScaleUpUnit
  | RecordUnitGoLive
  | StopUnit
  | RecordProgressScore
  | PauseAlwaysEvent
  | ResumeAlwaysEvent
  | CloseAlwaysEvent
  | DriverDiagramCommand;
