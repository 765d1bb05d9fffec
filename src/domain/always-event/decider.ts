import { Decider } from '../decider';
import { DomainError } from '../shared';
import { AlwaysEventCommand } from './commands';
import { confirmSustainment, declareAimAchieved, recordSustainmentLoss } from './decide-outcomes';
import {
  closeAlwaysEvent,
  pauseAlwaysEvent,
  recordProgressScore,
  resumeAlwaysEvent,
} from './decide-oversight';
import {
  addDriver,
  linkDriverDiagramItem,
  retireDriverDiagramItem,
  rewordDriverDiagramItem,
} from './decide-driver-diagram';
import { addScaleUpUnit, recordUnitGoLive, stopUnit } from './decide-scale-up';
import {
  addCoDesignTeamMember,
  formCoDesignTeam,
  identifyWhatMattersTheme,
  initiateAlwaysEvent,
  recordListeningActivity,
  removeCoDesignTeamMember,
  startCoDesign,
} from './decide-set-up';
import { agreeStatement, assessCriteria, draftStatement, reviseAim } from './decide-statement';
import { linkMeasure, proposeChangeIdea, startImplementation, startTesting } from './decide-testing';
import { AlwaysEventEvent } from './events';
import { AlwaysEventState, evolve, initialState } from './state';

export function decide(command: AlwaysEventCommand, state: AlwaysEventState): AlwaysEventEvent[] {
  switch (command.type) {
    case 'InitiateAlwaysEvent':
      return initiateAlwaysEvent(command, state);
    case 'FormCoDesignTeam':
      return formCoDesignTeam(command, state);
    case 'AddCoDesignTeamMember':
      return addCoDesignTeamMember(command, state);
    case 'RemoveCoDesignTeamMember':
      return removeCoDesignTeamMember(command, state);
    case 'RecordListeningActivity':
      return recordListeningActivity(command, state);
    case 'IdentifyWhatMattersTheme':
      return identifyWhatMattersTheme(command, state);
    case 'StartCoDesign':
      return startCoDesign(command, state);
    case 'DraftStatement':
      return draftStatement(command, state);
    case 'AssessCriteria':
      return assessCriteria(command, state);
    case 'AgreeStatement':
      return agreeStatement(command, state);
    case 'ReviseAim':
      return reviseAim(command, state);
    case 'ProposeChangeIdea':
      return proposeChangeIdea(command, state);
    case 'LinkMeasure':
      return linkMeasure(command, state);
    case 'StartTesting':
      return startTesting(command, state);
    case 'StartImplementation':
      return startImplementation(command, state);
    case 'DeclareAimAchieved':
      return declareAimAchieved(command, state);
    case 'ConfirmSustainment':
      return confirmSustainment(command, state);
    case 'RecordSustainmentLoss':
      return recordSustainmentLoss(command, state);
    case 'AddScaleUpUnit':
      return addScaleUpUnit(command, state);
    case 'RecordUnitGoLive':
      return recordUnitGoLive(command, state);
    case 'StopUnit':
      return stopUnit(command, state);
    case 'RecordProgressScore':
      return recordProgressScore(command, state);
    case 'PauseAlwaysEvent':
      return pauseAlwaysEvent(command, state);
    case 'ResumeAlwaysEvent':
      return resumeAlwaysEvent(command, state);
    case 'CloseAlwaysEvent':
      return closeAlwaysEvent(command, state);
    case 'AddDriver':
      return addDriver(command, state);
    case 'RewordDriverDiagramItem':
      return rewordDriverDiagramItem(command, state);
    case 'RetireDriverDiagramItem':
      return retireDriverDiagramItem(command, state);
    case 'LinkDriverDiagramItem':
      return linkDriverDiagramItem(command, state);
    default:
      throw new DomainError(
        'unknown-command',
        `Unknown command ${(command as { type: string }).type}`,
        'invalid',
      );
  }
}

export const alwaysEventDecider: Decider<AlwaysEventCommand, AlwaysEventEvent, AlwaysEventState> = {
  initialState,
  evolve,
  decide,
};

export const alwaysEventStreamId = (alwaysEventId: string): string => `always-event-${alwaysEventId}`;
