import { ensure } from '../shared';
import { ensureNotInFuture } from '../shared/fact-dates';
import {
  AppointLocalLead,
  ChangeExecutiveSponsor,
  EstablishOversightTeam,
  RecordSponsorVacancy,
} from './commands';
import {
  ExecutiveSponsorChanged,
  ExecutiveSponsorVacated,
  LocalLeadAppointed,
  OversightTeamEstablished,
} from './events';
import { ensureOngoing } from './guards';
import { ExecutiveSponsor } from './participation-types';
import { ParticipationState } from './state';

export function appointLocalLead(command: AppointLocalLead, state: ParticipationState): LocalLeadAppointed[] {
  ensureOngoing(state);
  ensureNotInFuture(command.data.appointedOn, command.context, 'appointedOn');
  return [
    {
      type: 'LocalLeadAppointed',
      data: { ...command.data, previousLeadPersonId: state.localLead?.personId ?? null },
    },
  ];
}

export function establishOversightTeam(
  command: EstablishOversightTeam,
  state: ParticipationState,
): OversightTeamEstablished[] {
  const { members, chairPersonId, establishedOn } = command.data;
  ensureOngoing(state);
  ensureNotInFuture(establishedOn, command.context, 'establishedOn');
  const ids = members.map((member) => member.personId);
  ensure(
    new Set(ids).size === ids.length,
    'oversight-member-duplicated',
    'A person appears more than once in the oversight team',
    'invalid',
    'members',
  );
  ensure(
    ids.includes(chairPersonId),
    'oversight-chair-not-a-member',
    'The chair must be one of the members',
    'invalid',
    'chairPersonId',
  );
  return [{ type: 'OversightTeamEstablished', data: command.data }];
}

/** A sponsor can be changed or vacated only once one was confirmed. */
function ensureSponsorEverConfirmed(state: ParticipationState): void {
  ensureOngoing(state);
  ensure(
    state.status !== 'interested',
    'executive-sponsor-not-confirmed',
    'No executive sponsor has been confirmed yet (ConfirmExecutiveSponsor)',
  );
}

const sameSponsor = (a: ExecutiveSponsor | null, b: ExecutiveSponsor): boolean =>
  a !== null && a.personId === b.personId && a.title === b.title && a.isBoardLevel === b.isBoardLevel;

export function changeExecutiveSponsor(
  command: ChangeExecutiveSponsor,
  state: ParticipationState,
): ExecutiveSponsorChanged[] {
  const { sponsor, changedOn } = command.data;
  ensureSponsorEverConfirmed(state);
  ensure(
    !sameSponsor(state.sponsor, sponsor),
    'executive-sponsor-unchanged',
    'The new sponsor is the current sponsor, in the same post',
    'invalid',
    'sponsor',
  );
  ensureNotInFuture(changedOn, command.context, 'changedOn');
  return [
    {
      type: 'ExecutiveSponsorChanged',
      data: {
        ...command.data,
        previousSponsorPersonId: state.sponsor?.personId ?? null,
        seniorSupport: sponsor.isBoardLevel,
      },
    },
  ];
}

export function recordSponsorVacancy(
  command: RecordSponsorVacancy,
  state: ParticipationState,
): ExecutiveSponsorVacated[] {
  ensureSponsorEverConfirmed(state);
  const sponsor = state.sponsor;
  ensure(
    sponsor !== null,
    'executive-sponsor-already-vacant',
    `The sponsor's post has been vacant since ${state.sponsorVacatedOn}`,
  );
  ensureNotInFuture(command.data.vacatedOn, command.context, 'vacatedOn');
  return [
    {
      type: 'ExecutiveSponsorVacated',
      data: { ...command.data, sponsorPersonId: sponsor.personId, seniorSupport: false },
    },
  ];
}
