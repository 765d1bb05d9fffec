import { Decider } from '../decider';
import { DomainError } from '../shared';
import { PdsaCommand } from './commands';
import {
  cancelPdsaCycle,
  completePdsaCycle,
  recordObservation,
  recordStudy,
  startPdsaCycle,
} from './decide-cycle';
import { planPdsaCycle } from './decide-plan';
import { PdsaEvent } from './events';
import { evolve, initialState, PdsaState } from './state';

export function decide(command: PdsaCommand, state: PdsaState): PdsaEvent[] {
  switch (command.type) {
    case 'PlanPdsaCycle':
      return planPdsaCycle(command, state);
    case 'StartPdsaCycle':
      return startPdsaCycle(command, state);
    case 'RecordObservation':
      return recordObservation(command, state);
    case 'RecordStudy':
      return recordStudy(command, state);
    case 'CompletePdsaCycle':
      return completePdsaCycle(command, state);
    case 'CancelPdsaCycle':
      return cancelPdsaCycle(command, state);
    default:
      throw new DomainError(
        'unknown-command',
        `Unknown command ${(command as { type: string }).type}`,
        'invalid',
      );
  }
}

export const pdsaDecider: Decider<PdsaCommand, PdsaEvent, PdsaState> = { initialState, evolve, decide };

export const pdsaStreamId = (pdsaCycleId: string): string => `pdsa-${pdsaCycleId}`;
