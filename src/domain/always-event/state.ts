import { MeasureRole } from '../measure';
import { IsoDate, IsoDateTime } from '../shared';
import { DriverDiagram } from './driver-diagram';
import { evolveDiagram } from './driver-diagram-state';
import { AlwaysEventEvent, AlwaysEventSubject } from './events';
import {
  Aim,
  AlwaysEventPhase,
  CareUnit,
  ChangeIdeaOrigin,
  ClosureReason,
  CoDesignMemberCategory,
  Criterion,
  Lineage,
  VisionVoice,
} from './values';

export interface StatementDraft {
  visionStatement: string;
  visionVoice: VisionVoice;
  aim: Aim;
  /** The latest assessment of this draft; an earlier one no longer counts. */
  assessment: { allMet: boolean; unmet: Criterion[] } | null;
}

export interface ScaleUpUnit extends CareUnit {
  plannedGoLive: IsoDate | null;
  goLiveDate: IsoDate | null;
  stoppedOn: IsoDate | null;
}

export interface AlwaysEventState {
  /** Paused and Closed are states of their own; `pausedPhase` remembers where to resume. */
  phase: 'NotInitiated' | AlwaysEventPhase | 'Paused' | 'Closed';
  pausedPhase: AlwaysEventPhase | null;
  subject: AlwaysEventSubject | null;
  homeUnit: CareUnit | null;
  population: string | null;
  initiatedAt: IsoDateTime | null;
  derivedFrom: { alwaysEventId: string; odsCode: string; lineage: Lineage } | null;
  teamFormed: boolean;
  members: Record<string, CoDesignMemberCategory>;
  listeningActivities: Record<string, { involvedPatientsOrCarers: boolean }>;
  themes: Record<string, string>;
  selectedThemeId: string | null;
  drafts: Record<string, StatementDraft>;
  statement: { draftId: string; version: number; visionStatement: string; aim: Aim } | null;
  changeIdeas: Record<string, ChangeIdeaOrigin>;
  measures: Record<string, MeasureRole>;
  adoptedChangeIdeaIds: string[];
  units: Record<string, ScaleUpUnit>;
  progressScores: Record<string, number>;
  closure: { reason: ClosureReason; closedAt: IsoDateTime } | null;
  /** Drivers and change ideas by id: the driver diagram under the statement's aim. */
  diagram: DriverDiagram;
}

export const initialState = (): AlwaysEventState => ({
  phase: 'NotInitiated',
  pausedPhase: null,
  subject: null,
  homeUnit: null,
  population: null,
  initiatedAt: null,
  derivedFrom: null,
  teamFormed: false,
  members: {},
  listeningActivities: {},
  themes: {},
  selectedThemeId: null,
  drafts: {},
  statement: null,
  changeIdeas: {},
  measures: {},
  adoptedChangeIdeaIds: [],
  units: {},
  progressScores: {},
  closure: null,
  diagram: {},
});

/** Discovery begins with the first piece of discovery work: a team, a listening activity, a theme. */
const discovering = (state: AlwaysEventState): AlwaysEventState['phase'] =>
  state.phase === 'Initiated' ? 'Discovery' : state.phase;

function withoutKey<V>(record: Record<string, V>, key: string): Record<string, V> {
  const copy = { ...record };
  delete copy[key];
  return copy;
}

export function evolve(state: AlwaysEventState, event: AlwaysEventEvent): AlwaysEventState {
  switch (event.type) {
    case 'AlwaysEventInitiated': {
      const { alwaysEventId, programmeSlug, odsCode, homeUnit, population, derivedFrom, initiatedAt } =
        event.data;
      return {
        ...state,
        phase: 'Initiated',
        subject: { alwaysEventId, programmeSlug, odsCode },
        homeUnit,
        population,
        derivedFrom,
        initiatedAt,
      };
    }
    case 'CoDesignTeamFormed':
      return {
        ...state,
        phase: discovering(state),
        teamFormed: true,
        members: Object.fromEntries(event.data.members.map((m) => [m.memberId, m.category])),
      };
    case 'CoDesignTeamMemberJoined':
      return { ...state, members: { ...state.members, [event.data.memberId]: event.data.category } };
    case 'CoDesignTeamMemberLeft':
      return { ...state, members: withoutKey(state.members, event.data.memberId) };
    case 'ListeningActivityRecorded':
      return {
        ...state,
        phase: discovering(state),
        listeningActivities: {
          ...state.listeningActivities,
          [event.data.activityId]: { involvedPatientsOrCarers: event.data.involvedPatientsOrCarers },
        },
      };
    case 'WhatMattersThemeIdentified':
      return {
        ...state,
        phase: discovering(state),
        themes: { ...state.themes, [event.data.themeId]: event.data.label },
      };
    case 'CoDesignStarted':
      return { ...state, phase: 'CoDesign', selectedThemeId: event.data.selectedThemeId };
    case 'AlwaysEventStatementDrafted': {
      const { draftId, visionStatement, visionVoice, aim } = event.data;
      return {
        ...state,
        drafts: { ...state.drafts, [draftId]: { visionStatement, visionVoice, aim, assessment: null } },
      };
    }
    case 'AlwaysEventCriteriaAssessed': {
      const draft = state.drafts[event.data.draftId];
      const assessment = { allMet: event.data.allMet, unmet: event.data.unmet };
      return { ...state, drafts: { ...state.drafts, [event.data.draftId]: { ...draft, assessment } } };
    }
    case 'AlwaysEventStatementAgreed': {
      const { draftId, statementVersion, visionStatement, aim } = event.data;
      return {
        ...state,
        phase: 'StatementAgreed',
        statement: { draftId, version: statementVersion, visionStatement, aim },
      };
    }
    case 'AimStatementRevised':
      return {
        ...state,
        statement: state.statement && {
          ...state.statement,
          version: event.data.statementVersion,
          aim: event.data.aim,
        },
      };
    case 'ChangeIdeaProposed':
      return {
        ...state,
        changeIdeas: { ...state.changeIdeas, [event.data.changeIdeaId]: event.data.origin },
        diagram: evolveDiagram(state.diagram, event),
      };
    case 'DriverAdded':
    case 'DriverDiagramItemReworded':
    case 'DriverDiagramItemRetired':
    case 'DriverDiagramItemRelinked':
      return { ...state, diagram: evolveDiagram(state.diagram, event) };
    case 'MeasureLinked':
      return { ...state, measures: { ...state.measures, [event.data.measureId]: event.data.role } };
    case 'TestingStarted':
      return { ...state, phase: 'Testing' };
    case 'ImplementationStarted':
      return { ...state, phase: 'Implementing', adoptedChangeIdeaIds: event.data.adoptedChangeIdeaIds };
    case 'AimAchieved':
      return { ...state, phase: 'AimAchieved' };
    case 'SustainmentConfirmed':
      return { ...state, phase: 'Sustaining' };
    case 'SustainmentLost':
      return { ...state, phase: 'SustainmentLost' };
    case 'ScaleUpUnitAdded': {
      const { unitId, name, setting, plannedGoLive } = event.data;
      return {
        ...state,
        units: {
          ...state.units,
          [unitId]: { unitId, name, setting, plannedGoLive, goLiveDate: null, stoppedOn: null },
        },
      };
    }
    case 'ScaleUpUnitWentLive': {
      const unit = { ...state.units[event.data.unitId], goLiveDate: event.data.goLiveDate };
      return { ...state, units: { ...state.units, [unit.unitId]: unit } };
    }
    case 'ScaleUpUnitStopped': {
      const unit = { ...state.units[event.data.unitId], stoppedOn: event.data.stoppedOn };
      return { ...state, units: { ...state.units, [unit.unitId]: unit } };
    }
    case 'ProgressScoreRecorded':
    case 'ProgressScoreAmended':
      return { ...state, progressScores: { ...state.progressScores, [event.data.period]: event.data.score } };
    case 'AlwaysEventPaused':
      return { ...state, phase: 'Paused', pausedPhase: event.data.pausedInPhase };
    case 'AlwaysEventResumed':
      return { ...state, phase: event.data.resumedToPhase, pausedPhase: null };
    case 'AlwaysEventClosed':
      return {
        ...state,
        phase: 'Closed',
        pausedPhase: null,
        closure: { reason: event.data.reason, closedAt: event.data.closedAt },
      };
  }
}

/** Every unit the Always Event runs in: the home unit first, then scale-up units. */
export function unitIdsOf(state: AlwaysEventState): string[] {
  return state.homeUnit ? [state.homeUnit.unitId, ...Object.keys(state.units)] : [];
}
