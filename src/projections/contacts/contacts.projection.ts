import type { ParticipationEvent } from '../../domain/participation/events';
import type { PersonalDataErased } from '../../domain/personal-data/events';
import { RecordedEvent } from '../../event-store/recorded-event';
import { ERASED } from '../../personal-data/personal-fields';
import { Projection } from '../runner/projection';
import { routeEvent } from '../runner/routed-event';

interface Contact {
  personId: string;
  name: string | null;
  since: string;
}

export interface ParticipationContacts {
  programmeSlug: string;
  odsCode: string;
  sponsor: (Contact & { title: string; isBoardLevel: boolean }) | null;
  localLead: (Contact & { role: string }) | null;
  oversightTeam: {
    chairPersonId: string;
    since: string;
    members: Array<Omit<Contact, 'since'> & { role: string }>;
  } | null;
}

export interface ContactsState {
  participations: Record<string, ParticipationContacts>;
}

const TYPES: readonly (ParticipationEvent | PersonalDataErased)['type'][] = [
  'ExecutiveSponsorConfirmed',
  'ExecutiveSponsorChanged',
  'ExecutiveSponsorVacated',
  'LocalLeadAppointed',
  'OversightTeamEstablished',
  'PersonalDataErased',
];

function entry(
  state: ContactsState,
  data: { programmeSlug: string; odsCode: string },
): ParticipationContacts {
  const key = `${data.programmeSlug}.${data.odsCode}`;
  return (state.participations[key] ??= {
    programmeSlug: data.programmeSlug,
    odsCode: data.odsCode,
    sponsor: null,
    localLead: null,
    oversightTeam: null,
  });
}

/** An erased person's values in a model folded before the erasure: every field that held one. */
function scrub(person: { personId: string; name: string | null; title?: string }, id: string): void {
  if (person.personId.toLowerCase() !== id) return;
  if (person.name !== null) person.name = ERASED;
  if (person.title !== undefined) person.title = ERASED;
}

/** A participation's sponsor, lead or oversight team. */
function applyContact(state: ContactsState, e: ParticipationEvent): void {
  switch (e.type) {
    case 'ExecutiveSponsorConfirmed':
    case 'ExecutiveSponsorChanged': {
      const { sponsor } = e.data;
      entry(state, e.data).sponsor = {
        personId: sponsor.personId,
        name: sponsor.name ?? null,
        title: sponsor.title,
        isBoardLevel: sponsor.isBoardLevel,
        since: e.type === 'ExecutiveSponsorConfirmed' ? e.data.confirmedOn : e.data.changedOn,
      };
      return;
    }
    case 'ExecutiveSponsorVacated':
      entry(state, e.data).sponsor = null;
      return;
    case 'LocalLeadAppointed': {
      const { lead } = e.data;
      entry(state, e.data).localLead = {
        personId: lead.personId,
        role: lead.role,
        name: lead.name ?? null,
        since: e.data.appointedOn,
      };
      return;
    }
    case 'OversightTeamEstablished':
      entry(state, e.data).oversightTeam = {
        chairPersonId: e.data.chairPersonId,
        since: e.data.establishedOn,
        members: e.data.members.map((m) => ({
          personId: m.personId,
          role: m.role,
          name: m.name ?? null,
        })),
      };
      return;
  }
}

/** An erased person's values, wherever a model folded before the erasure holds them. */
function erase(state: ContactsState, id: string): void {
  for (const p of Object.values(state.participations)) {
    if (p.sponsor) scrub(p.sponsor, id);
    if (p.localLead) scrub(p.localLead, id);
    for (const member of p.oversightTeam?.members ?? []) scrub(member, id);
  }
}

/**
 * Who to contact at each participating organisation: its executive sponsor,
 * local lead and oversight team, for the programme team. The one read model
 * that holds staff personal data; it folds PersonalDataErased by overwriting
 * the person's values, so a state folded (or snapshotted) before an erasure
 * shows `[erased]` once it reaches it, and a replay reads `[erased]` from the
 * store anyway.
 */
export const contactsProjection: Projection<ContactsState> = {
  name: 'contacts',
  version: 1,
  holdsPersonalData: true,
  filter: { eventTypes: TYPES },
  initialState: () => ({ participations: {} }),
  apply(state, event: RecordedEvent) {
    const routed = routeEvent(event);
    if (routed?.category === 'participation') applyContact(state, routed.event);
    else if (routed?.category === 'personal-data' && routed.event.type === 'PersonalDataErased')
      erase(state, routed.event.data.personId.toLowerCase());
    return state;
  },
  table: (state) =>
    Object.values(state.participations).map((p) => ({
      programmeSlug: p.programmeSlug,
      odsCode: p.odsCode,
      sponsor: p.sponsor,
      localLead: p.localLead,
      oversightTeamChairPersonId: p.oversightTeam?.chairPersonId ?? null,
      oversightTeamMembers: p.oversightTeam?.members.length ?? 0,
    })),
};
