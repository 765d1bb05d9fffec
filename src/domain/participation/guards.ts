import { compareInstants, ensure, IsoDate } from '../shared';
import { OrganisationFacts, ProgrammeFacts } from './commands';
import { ParticipationState, ParticipationStatus } from './state';

export function ensureStatus(
  state: ParticipationState,
  allowed: ParticipationStatus[],
  rule: string,
  action: string,
): void {
  ensure(
    allowed.includes(state.status),
    rule,
    `${action} needs the participation ${allowed.join(' or ')}; it is ${state.status}`,
  );
}

/** Interest expressed and not yet withdrawn or completed. */
export function ensureOngoing(state: ParticipationState): void {
  ensure(state.status !== 'none', 'interest-not-expressed', 'The organisation has not expressed interest');
  ensure(
    state.status !== 'withdrawn' && state.status !== 'completed',
    'participation-ended',
    `The participation ended (${state.status}) on ${state.endedOn}`,
  );
}

/**
 * Judged on the date of the fact, not today: backfilled history may enrol a
 * trust that has since been dissolved, and the register is seeded with
 * closures independently of participation history.
 */
export function ensureOrganisationOpenOn(
  organisation: OrganisationFacts,
  date: IsoDate,
  odsCode: string,
): void {
  ensure(
    organisation.status !== 'unregistered',
    'organisation-not-registered',
    `No organisation with ODS code ${odsCode} is registered`,
    'invalid',
    'odsCode',
  );
  ensure(
    organisation.closeDate === null || compareInstants(date, organisation.closeDate) < 0,
    'organisation-dissolved',
    `Organisation ${odsCode} was dissolved on ${organisation.closeDate}`,
    'invalid',
    'odsCode',
  );
  ensure(
    organisation.openDate === null || compareInstants(date, organisation.openDate) >= 0,
    'organisation-not-yet-open',
    `Organisation ${odsCode} opened on ${organisation.openDate}, after ${date}`,
    'invalid',
    'odsCode',
  );
}

/**
 * A fact dated before the programme closed may still be reported after it
 * closed (returns and back-filled enrolments arrive late): what matters is
 * the fact's own date, not the day it reaches us.
 */
export function ensureProgrammeOpen(programme: ProgrammeFacts, programmeSlug: string, on: string): void {
  ensure(
    programme.status !== 'draft',
    'programme-not-launched',
    `Programme ${programmeSlug} has not been launched`,
    'invalid',
    'programmeSlug',
  );
  ensure(
    programme.status !== 'closed' || programme.closedOn === null || on < programme.closedOn,
    'programme-closed',
    `Programme ${programmeSlug} closed on ${programme.closedOn}; ${on} is not before it`,
  );
}
