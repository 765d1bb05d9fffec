import { DomainError, ensure } from '../shared';
import { ensureNotInFuture } from '../shared/time-rules';
import {
  AddCoDesignTeamMember,
  FormCoDesignTeam,
  IdentifyWhatMattersTheme,
  InitiateAlwaysEvent,
  RecordListeningActivity,
  RemoveCoDesignTeamMember,
  StartCoDesign,
} from './commands';
import {
  AlwaysEventInitiated,
  CoDesignStarted,
  CoDesignTeamFormed,
  CoDesignTeamMemberJoined,
  CoDesignTeamMemberLeft,
  ListeningActivityRecorded,
  WhatMattersThemeIdentified,
} from './events';
import { ensureOpen, ensurePhase } from './guards';
import { AlwaysEventState } from './state';

export function initiateAlwaysEvent(
  command: InitiateAlwaysEvent,
  state: AlwaysEventState,
): AlwaysEventInitiated[] {
  const { data, facts, context } = command;
  ensure(
    state.phase === 'NotInitiated',
    'always-event-already-initiated',
    `Always Event ${data.alwaysEventId} is already initiated`,
  );
  ensure(
    facts.participationEnrolled,
    'participation-not-enrolled',
    `${data.odsCode} is not enrolled in ${data.programmeSlug}; only an enrolled organisation initiates Always Events`,
  );
  let derivedFrom: AlwaysEventInitiated['data']['derivedFrom'] = null;
  if (data.derivedFromAlwaysEventId !== null) {
    ensure(
      data.derivedFromAlwaysEventId !== data.alwaysEventId,
      'derived-from-itself',
      'An Always Event cannot derive from itself',
      'invalid',
      'derivedFromAlwaysEventId',
    );
    if (facts.derivedFrom === null) {
      throw new DomainError(
        'derived-from-not-found',
        `There is no Always Event ${data.derivedFromAlwaysEventId} to derive from`,
        'invalid',
        'derivedFromAlwaysEventId',
      );
    }
    derivedFrom = {
      alwaysEventId: data.derivedFromAlwaysEventId,
      odsCode: facts.derivedFrom.odsCode,
      lineage: facts.derivedFrom.odsCode === data.odsCode ? 'ScaleUp' : 'Spread',
    };
  }
  return [
    {
      type: 'AlwaysEventInitiated',
      data: {
        alwaysEventId: data.alwaysEventId,
        programmeSlug: data.programmeSlug,
        odsCode: data.odsCode,
        homeUnit: data.homeUnit,
        population: data.population,
        derivedFrom,
        initiatedAt: context.occurredAt,
      },
    },
  ];
}

export function formCoDesignTeam(command: FormCoDesignTeam, state: AlwaysEventState): CoDesignTeamFormed[] {
  const subject = ensureOpen(state);
  ensure(
    !state.teamFormed,
    'co-design-team-already-formed',
    'The co-design team is already formed; add members to it',
  );
  const ids = command.data.members.map((m) => m.memberId);
  ensure(
    ids.length > 0,
    'co-design-team-empty',
    'A co-design team has at least one member',
    'invalid',
    'members',
  );
  ensure(
    new Set(ids).size === ids.length,
    'co-design-member-duplicated',
    'Each member appears once in the team',
    'invalid',
    'members',
  );
  return [
    {
      type: 'CoDesignTeamFormed',
      data: { ...subject, members: command.data.members, formedAt: command.context.occurredAt },
    },
  ];
}

export function addCoDesignTeamMember(
  command: AddCoDesignTeamMember,
  state: AlwaysEventState,
): CoDesignTeamMemberJoined[] {
  const subject = ensureOpen(state);
  const { memberId, category } = command.data;
  ensure(state.teamFormed, 'co-design-team-not-formed', 'Form the co-design team before adding members');
  ensure(
    !(memberId in state.members),
    'co-design-member-already-on-team',
    `${memberId} is already on the team`,
  );
  return [
    {
      type: 'CoDesignTeamMemberJoined',
      data: { ...subject, memberId, category, joinedAt: command.context.occurredAt },
    },
  ];
}

export function removeCoDesignTeamMember(
  command: RemoveCoDesignTeamMember,
  state: AlwaysEventState,
): CoDesignTeamMemberLeft[] {
  const subject = ensureOpen(state);
  const { memberId, reason } = command.data;
  const category = state.members[memberId];
  ensure(category, 'co-design-member-not-on-team', `${memberId} is not on the team`, 'invalid', 'memberId');
  return [
    {
      type: 'CoDesignTeamMemberLeft',
      data: { ...subject, memberId, category, reason, leftAt: command.context.occurredAt },
    },
  ];
}

export function recordListeningActivity(
  command: RecordListeningActivity,
  state: AlwaysEventState,
): ListeningActivityRecorded[] {
  const subject = ensureOpen(state);
  const { data, context } = command;
  ensure(
    !(data.activityId in state.listeningActivities),
    'listening-activity-already-recorded',
    `Listening activity ${data.activityId} is already recorded`,
  );
  ensureNotInFuture(data.heldOn, context.now, 'heldOn');
  const { patientsOrServiceUsers, familiesOrCarers, staff, others } = data.participants;
  ensure(
    patientsOrServiceUsers + familiesOrCarers + staff + others > 0,
    'listening-activity-without-participants',
    'A listening activity has at least one participant',
    'invalid',
    'participants',
  );
  return [
    {
      type: 'ListeningActivityRecorded',
      data: {
        ...subject,
        ...data,
        involvedPatientsOrCarers: patientsOrServiceUsers + familiesOrCarers > 0,
      },
    },
  ];
}

export function identifyWhatMattersTheme(
  command: IdentifyWhatMattersTheme,
  state: AlwaysEventState,
): WhatMattersThemeIdentified[] {
  const subject = ensureOpen(state);
  const { themeId, label, sourceActivityIds } = command.data;
  ensure(!(themeId in state.themes), 'theme-already-identified', `Theme ${themeId} is already identified`);
  const unknown = sourceActivityIds.filter((id) => !(id in state.listeningActivities));
  ensure(
    sourceActivityIds.length > 0 && unknown.length === 0,
    'listening-activity-not-found',
    sourceActivityIds.length === 0
      ? 'A theme comes from at least one listening activity'
      : `No listening activity ${unknown.join(', ')} on this Always Event`,
    'invalid',
    'sourceActivityIds',
  );
  return [{ type: 'WhatMattersThemeIdentified', data: { ...subject, themeId, label, sourceActivityIds } }];
}

export function startCoDesign(command: StartCoDesign, state: AlwaysEventState): CoDesignStarted[] {
  const subject = ensureOpen(state);
  ensurePhase(state, ['Discovery'], 'co-design-needs-discovery', 'StartCoDesign');
  ensure(
    Object.values(state.listeningActivities).some((a) => a.involvedPatientsOrCarers),
    'no-listening-with-patients-or-carers',
    'Co-design starts from listening to patients, service users or carers: record such an activity first',
  );
  ensure(
    Object.keys(state.themes).length > 0,
    'no-what-matters-theme',
    'Identify what matters (a theme) first',
  );
  const themeLabel = state.themes[command.data.selectedThemeId];
  ensure(
    themeLabel !== undefined,
    'theme-not-found',
    `No theme ${command.data.selectedThemeId} on this Always Event`,
    'invalid',
    'selectedThemeId',
  );
  return [
    {
      type: 'CoDesignStarted',
      data: {
        ...subject,
        selectedThemeId: command.data.selectedThemeId,
        themeLabel,
        startedAt: command.context.occurredAt,
      },
    },
  ];
}
