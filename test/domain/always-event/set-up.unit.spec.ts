import { alwaysEventDecider } from '../../../src/domain/always-event';
import { decided, stateOf } from '../support/history';
import { deciderSpec, NOW } from '../support/decider-spec';
import {
  ACTIVITY,
  AE,
  command,
  commands,
  eventsOf,
  HOME,
  inCoDesign,
  inDiscovery,
  initiated,
  INITIATED_AT,
  nurse,
  OTHER_AE,
  patient,
  subject,
  THEME,
} from './fixtures';

const spec = deciderSpec(alwaysEventDecider);

describe('Always Event: set-up and discovery', () => {
  describe('InitiateAlwaysEvent', () => {
    const initiate = (
      facts: Parameters<typeof command<'InitiateAlwaysEvent'>>[2],
      derivedFrom: string | null,
    ) =>
      command(
        'InitiateAlwaysEvent',
        {
          programmeSlug: subject.programmeSlug,
          odsCode: subject.odsCode,
          homeUnit: HOME,
          population: 'People staying at Townend Court',
          derivedFromAlwaysEventId: derivedFrom,
        },
        facts,
      );

    it('initiates in a home unit of an enrolled organisation', () => {
      spec
        .given([])
        .when(initiate({ participationEnrolled: true, derivedFrom: null }, null))
        .then([
          {
            type: 'AlwaysEventInitiated',
            data: {
              ...subject,
              homeUnit: HOME,
              population: 'People staying at Townend Court',
              derivedFrom: null,
              initiatedAt: NOW,
            },
          },
        ]);
    });
    it('records spread when derived from another organisation', () => {
      const [event] = decided(
        alwaysEventDecider,
        [],
        initiate({ participationEnrolled: true, derivedFrom: { odsCode: 'RW4' } }, OTHER_AE),
      );
      expect(event.type === 'AlwaysEventInitiated' && event.data.derivedFrom).toEqual({
        alwaysEventId: OTHER_AE,
        odsCode: 'RW4',
        lineage: 'Spread',
      });
    });
    it('records scale-up when derived from the same organisation', () => {
      const [event] = decided(
        alwaysEventDecider,
        [],
        initiate({ participationEnrolled: true, derivedFrom: { odsCode: subject.odsCode } }, OTHER_AE),
      );
      expect(event.type === 'AlwaysEventInitiated' && event.data.derivedFrom?.lineage).toBe('ScaleUp');
    });
    it('refuses an organisation whose participation is not enrolled', () => {
      spec
        .given([])
        .when(initiate({ participationEnrolled: false, derivedFrom: null }, null))
        .thenThrows('participation-not-enrolled', 'conflict');
    });
    it('refuses deriving from an Always Event that does not exist', () => {
      spec
        .given([])
        .when(initiate({ participationEnrolled: true, derivedFrom: null }, OTHER_AE))
        .thenThrows('derived-from-not-found', 'invalid', 'derivedFromAlwaysEventId');
    });
    it('refuses deriving from itself', () => {
      spec
        .given([])
        .when(initiate({ participationEnrolled: true, derivedFrom: { odsCode: 'RV9' } }, AE))
        .thenThrows('derived-from-itself', 'invalid', 'derivedFromAlwaysEventId');
    });
    it('refuses initiating twice', () => {
      spec
        .given(initiated)
        .when(initiate({ participationEnrolled: true, derivedFrom: null }, null))
        .thenThrows('always-event-already-initiated', 'conflict');
    });
  });

  describe('FormCoDesignTeam', () => {
    it('forms the team of pseudonymous members and starts discovery', () => {
      spec
        .given(initiated)
        .when(commands.formTeam(patient, nurse))
        .then([
          { type: 'CoDesignTeamFormed', data: { ...subject, members: [patient, nurse], formedAt: NOW } },
        ]);
      const state = stateOf(alwaysEventDecider, eventsOf(commands.initiate(), commands.formTeam(patient)));
      expect(state.phase).toBe('Discovery');
    });
    it('refuses before the Always Event is initiated', () => {
      spec.given([]).when(commands.formTeam(patient)).thenThrows('always-event-not-initiated');
    });
    it('refuses forming the team twice', () => {
      spec
        .given(eventsOf(commands.initiate(), commands.formTeam(patient)))
        .when(commands.formTeam(nurse))
        .thenThrows('co-design-team-already-formed', 'conflict');
    });
    it('refuses an empty team', () => {
      spec
        .given(initiated)
        .when(commands.formTeam())
        .thenThrows('co-design-team-empty', 'invalid', 'members');
    });
    it('refuses the same member twice', () => {
      spec
        .given(initiated)
        .when(commands.formTeam(patient, { ...patient, category: 'FamilyOrCarer' }))
        .thenThrows('co-design-member-duplicated', 'invalid', 'members');
    });
  });

  describe('AddCoDesignTeamMember', () => {
    const add = command('AddCoDesignTeamMember', { memberId: 'C-002', category: 'FamilyOrCarer' });
    it('adds a member', () => {
      spec
        .given(eventsOf(commands.initiate(), commands.formTeam(nurse)))
        .when(add)
        .then([
          {
            type: 'CoDesignTeamMemberJoined',
            data: { ...subject, memberId: 'C-002', category: 'FamilyOrCarer', joinedAt: NOW },
          },
        ]);
    });
    it('refuses before the team is formed', () => {
      spec.given(initiated).when(add).thenThrows('co-design-team-not-formed', 'conflict');
    });
    it('refuses a member already on the team', () => {
      spec
        .given(eventsOf(commands.initiate(), commands.formTeam(nurse)))
        .when(command('AddCoDesignTeamMember', nurse))
        .thenThrows('co-design-member-already-on-team', 'conflict');
    });
  });

  describe('RemoveCoDesignTeamMember', () => {
    it('records the member leaving, with their category', () => {
      spec
        .given(eventsOf(commands.initiate(), commands.formTeam(patient, nurse)))
        .when(command('RemoveCoDesignTeamMember', { memberId: patient.memberId, reason: 'Moved on' }))
        .then([
          {
            type: 'CoDesignTeamMemberLeft',
            data: { ...subject, ...patient, reason: 'Moved on', leftAt: NOW },
          },
        ]);
    });
    it('refuses a member who is not on the team', () => {
      spec
        .given(eventsOf(commands.initiate(), commands.formTeam(nurse)))
        .when(command('RemoveCoDesignTeamMember', { memberId: 'P-404', reason: null }))
        .thenThrows('co-design-member-not-on-team', 'invalid', 'memberId');
    });
  });

  describe('RecordListeningActivity', () => {
    it('records the activity and whether patients or carers took part', () => {
      spec
        .given(initiated)
        .when(commands.listen())
        .then([
          {
            type: 'ListeningActivityRecorded',
            data: {
              ...subject,
              activityId: ACTIVITY,
              method: 'Conversation',
              heldOn: '2017-07-01',
              participants: { patientsOrServiceUsers: 4, familiesOrCarers: 0, staff: 3, others: 0 },
              involvedPatientsOrCarers: true,
              summary: 'Contact with family matters most',
            },
          },
        ]);
    });
    it('marks a staff-only activity as not involving patients or carers', () => {
      const [event] = decided(alwaysEventDecider, initiated, commands.listen(0));
      expect(event.type === 'ListeningActivityRecorded' && event.data.involvedPatientsOrCarers).toBe(false);
    });
    it('refuses the same activity twice', () => {
      spec.given(inDiscovery).when(commands.listen()).thenThrows('listening-activity-already-recorded');
    });
    it('refuses an activity held in the future', () => {
      spec
        .given(initiated)
        .when(command('RecordListeningActivity', { ...commands.listen().data, heldOn: '2018-04-02' }))
        .thenThrows('date-in-future', 'invalid', 'heldOn');
    });
    it('refuses an activity without participants', () => {
      const nobody = { patientsOrServiceUsers: 0, familiesOrCarers: 0, staff: 0, others: 0 };
      spec
        .given(initiated)
        .when(command('RecordListeningActivity', { ...commands.listen().data, participants: nobody }))
        .thenThrows('listening-activity-without-participants', 'invalid', 'participants');
    });
  });

  describe('IdentifyWhatMattersTheme', () => {
    it('records the theme and the activities it came from', () => {
      spec
        .given(inDiscovery)
        .when(commands.theme())
        .then([
          {
            type: 'WhatMattersThemeIdentified',
            data: {
              ...subject,
              themeId: THEME,
              label: 'Contact with people who matter',
              sourceActivityIds: [ACTIVITY],
            },
          },
        ]);
    });
    it('refuses a theme citing an unknown activity', () => {
      spec
        .given(initiated)
        .when(commands.theme())
        .thenThrows('listening-activity-not-found', 'invalid', 'sourceActivityIds');
    });
    it('refuses a theme citing no activity', () => {
      spec
        .given(inDiscovery)
        .when(command('IdentifyWhatMattersTheme', { themeId: THEME, label: 'x', sourceActivityIds: [] }))
        .thenThrows('listening-activity-not-found', 'invalid');
    });
    it('refuses the same theme twice', () => {
      spec
        .given(eventsOf(commands.initiate(), commands.listen(), commands.theme()))
        .when(commands.theme())
        .thenThrows('theme-already-identified');
    });
  });

  describe('StartCoDesign', () => {
    it('starts co-design on the selected theme', () => {
      spec
        .given(eventsOf(commands.initiate(), commands.listen(), commands.theme()))
        .when(commands.startCoDesign())
        .then([
          {
            type: 'CoDesignStarted',
            data: {
              ...subject,
              selectedThemeId: THEME,
              themeLabel: 'Contact with people who matter',
              startedAt: NOW,
            },
          },
        ]);
    });
    it('refuses before discovery has begun', () => {
      spec
        .given(initiated)
        .when(commands.startCoDesign())
        .thenThrows('co-design-needs-discovery', 'conflict');
    });
    it('refuses when co-design has already started', () => {
      spec.given(inCoDesign).when(commands.startCoDesign()).thenThrows('co-design-needs-discovery');
    });
    it('refuses when no listening activity heard patients, service users or carers', () => {
      spec
        .given(eventsOf(commands.initiate(), commands.listen(0), commands.theme()))
        .when(commands.startCoDesign())
        .thenThrows('no-listening-with-patients-or-carers', 'conflict');
    });
    it('refuses without a what-matters theme', () => {
      spec.given(inDiscovery).when(commands.startCoDesign()).thenThrows('no-what-matters-theme');
    });
    it('refuses a theme that is not on the Always Event', () => {
      spec
        .given(eventsOf(commands.initiate(), commands.listen(), commands.theme()))
        .when(command('StartCoDesign', { selectedThemeId: AE }))
        .thenThrows('theme-not-found', 'invalid', 'selectedThemeId');
    });
  });

  it('keeps the initiation time given as business time', () => {
    const [event] = initiated;
    expect(event.type === 'AlwaysEventInitiated' && event.data.initiatedAt).toBe(INITIATED_AT);
  });
});
