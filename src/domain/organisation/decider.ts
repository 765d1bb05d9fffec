import { Decider } from '../decider';
import { compareInstants, DomainError, ensure, IsoDate } from '../shared';
import { OrganisationCommand } from './commands';
import { OrganisationEvent } from './events';
import { OrganisationType, REGIONS, RegionCode } from './organisation-types';

export interface OrganisationState {
  status: 'unregistered' | 'registered' | 'merged' | 'dissolved';
  odsCode: string | null;
  name: string | null;
  type: OrganisationType | null;
  regionCode: RegionCode | null;
  isNhsTrust: boolean;
  openDate: IsoDate | null;
  closeDate: IsoDate | null;
  successorOdsCode: string | null;
}

export const initialState = (): OrganisationState => ({
  status: 'unregistered',
  odsCode: null,
  name: null,
  type: null,
  regionCode: null,
  isNhsTrust: false,
  openDate: null,
  closeDate: null,
  successorOdsCode: null,
});

export function evolve(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationRegistered':
      return { ...state, ...event.data, status: 'registered' };
    case 'OrganisationRenamed':
      return { ...state, name: event.data.newName };
    case 'OrganisationReclassified':
      return { ...state, type: event.data.toType };
    case 'OrganisationsMerged':
      // The predecessor closes the day the merger takes effect: it is no longer an open organisation.
      return {
        ...state,
        status: 'merged',
        successorOdsCode: event.data.successorOdsCode,
        closeDate: event.data.effectiveDate,
      };
    case 'OrganisationDissolved':
      return { ...state, status: 'dissolved', closeDate: event.data.effectiveDate };
  }
}

function ensureActive(state: OrganisationState): void {
  ensure(
    state.status !== 'unregistered',
    'organisation-not-registered',
    'The organisation is not registered',
  );
  ensure(
    state.status !== 'dissolved',
    'organisation-dissolved',
    `The organisation was dissolved on ${state.closeDate}`,
  );
}

function ensureNotBeforeOpening(state: OrganisationState, date: IsoDate, field: string): void {
  ensure(
    state.openDate === null || compareInstants(date, state.openDate) >= 0,
    'effective-date-before-opening',
    `${field} ${date} is before the organisation opened (${state.openDate})`,
    'invalid',
    field,
  );
}

export function decide(command: OrganisationCommand, state: OrganisationState): OrganisationEvent[] {
  switch (command.type) {
    case 'RegisterOrganisation': {
      ensure(
        state.status === 'unregistered',
        'organisation-already-registered',
        `Organisation ${command.data.odsCode} is already registered`,
      );
      return [
        {
          type: 'OrganisationRegistered',
          data: { ...command.data, region: REGIONS[command.data.regionCode] },
        },
      ];
    }
    case 'RenameOrganisation': {
      ensureActive(state);
      ensureNotBeforeOpening(state, command.data.effectiveDate, 'effectiveDate');
      ensure(
        command.data.newName !== state.name,
        'name-unchanged',
        'The new name is the current name',
        'invalid',
        'newName',
      );
      return [{ type: 'OrganisationRenamed', data: { ...command.data, oldName: state.name ?? '' } }];
    }
    case 'ReclassifyOrganisation': {
      ensureActive(state);
      ensureNotBeforeOpening(state, command.data.effectiveDate, 'effectiveDate');
      ensure(
        command.data.newType !== state.type,
        'type-unchanged',
        'The new type is the current type',
        'invalid',
        'newType',
      );
      return [
        {
          type: 'OrganisationReclassified',
          data: {
            odsCode: command.data.odsCode,
            fromType: state.type ?? 'Unknown',
            toType: command.data.newType,
            effectiveDate: command.data.effectiveDate,
          },
        },
      ];
    }
    case 'RecordMerger': {
      ensureActive(state);
      ensure(
        state.status !== 'merged',
        'organisation-already-merged',
        `The organisation was already merged into ${state.successorOdsCode}`,
      );
      ensure(
        command.data.successorOdsCode !== command.data.odsCode,
        'merger-successor-is-predecessor',
        'An organisation cannot merge into itself',
        'invalid',
        'successorOdsCode',
      );
      ensure(
        command.facts.successorRegistered,
        'merger-successor-not-registered',
        `The successor ${command.data.successorOdsCode} is not registered`,
        'invalid',
        'successorOdsCode',
      );
      ensureNotBeforeOpening(state, command.data.effectiveDate, 'effectiveDate');
      return [
        {
          type: 'OrganisationsMerged',
          data: {
            predecessorOdsCode: command.data.odsCode,
            successorOdsCode: command.data.successorOdsCode,
            effectiveDate: command.data.effectiveDate,
          },
        },
      ];
    }
    case 'DissolveOrganisation': {
      ensureActive(state);
      ensureNotBeforeOpening(state, command.data.effectiveDate, 'effectiveDate');
      return [
        {
          type: 'OrganisationDissolved',
          data: {
            odsCode: command.data.odsCode,
            effectiveDate: command.data.effectiveDate,
            reason: command.data.reason ?? null,
          },
        },
      ];
    }
    default:
      throw new DomainError(
        'unknown-command',
        `Unknown command ${(command as { type: string }).type}`,
        'invalid',
      );
  }
}

export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState,
  evolve,
  decide,
};

export const organisationStreamId = (odsCode: string): string => `organisation-${odsCode}`;
