import { Decider } from '../decider';
import { DomainError, IsoDateTime } from '../shared';
import { PersonalDataCommand } from './commands';
import { PersonalDataEvent } from './events';

export interface PersonalDataState {
  erasedAt: IsoDateTime | null;
}

export const initialState = (): PersonalDataState => ({ erasedAt: null });

export function evolve(state: PersonalDataState, event: PersonalDataEvent): PersonalDataState {
  switch (event.type) {
    case 'PersonalDataErased':
      return { erasedAt: event.data.erasedAt };
    case 'EventFieldsRedacted':
      return state;
  }
}

export function decide(command: PersonalDataCommand, state: PersonalDataState): PersonalDataEvent[] {
  const { personId, reason } = command.data;
  if (state.erasedAt !== null) {
    throw new DomainError(
      'personal-data-already-erased',
      `The personal data of person ${personId} was erased at ${state.erasedAt}; there is nothing left to erase`,
      'conflict',
      'personId',
    );
  }
  if (command.facts.holding === 'none') {
    throw new DomainError(
      'person-unknown',
      `No personal data is held for person ${personId}`,
      'invalid',
      'personId',
    );
  }
  return [{ type: 'PersonalDataErased', data: { personId, reason, erasedAt: command.context.now } }];
}

export const personalDataDecider: Decider<PersonalDataCommand, PersonalDataEvent, PersonalDataState> = {
  initialState,
  decide,
  evolve,
};
