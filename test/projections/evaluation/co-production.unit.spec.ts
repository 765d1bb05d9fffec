import { RecordedEvent } from '../../../src/event-store';
import { alwaysEventRegisterProjection } from '../../../src/projections/evaluation/always-event-register.projection';
import {
  coProductionOverall,
  coProductionRows,
} from '../../../src/projections/evaluation/co-production-report';
import { foldProjection } from '../../../src/projections/runner/projection';
import { alwaysEvent } from './always-event-fixtures';

const fold = (events: RecordedEvent[]) => foldProjection(alwaysEventRegisterProjection, events);
const VISION = 'We will always';

/**
 * Three agreed Always Events and one still in discovery:
 * - ae-1 (RA1): team of 4 at agreement, 2 patients/carers = 50%; ideas: one
 *   from co-design, one from staff; heard 6 patients, 2 carers, 3 staff.
 * - ae-2 (RA2): 1 patient in 4 = 25%; one patient-suggested idea; heard 4
 *   patients, 2 staff, 1 other. A patient joins after agreement: the share at
 *   agreement stays 25%.
 * - ae-3 (RB1): 2 of 3 = 66.67%; no ideas; heard 5 patients and 3 carers.
 * - ae-4 (RB1): not agreed; one literature idea; no listening yet.
 */
function fourAlwaysEvents(): RecordedEvent[] {
  const [ae1, ae2, ae3, ae4] = [
    alwaysEvent('ae-1', 'RA1'),
    alwaysEvent('ae-2', 'RA2'),
    alwaysEvent('ae-3', 'RB1'),
    alwaysEvent('ae-4', 'RB1'),
  ];
  return [
    ae1.initiated('2017-10-02'),
    ae1.listened(
      'l-1',
      { patientsOrServiceUsers: 6, familiesOrCarers: 2, staff: 3, others: 0 },
      '2017-10-05',
    ),
    ae1.agreed('d', VISION, { PatientOrServiceUser: 1, FamilyOrCarer: 1, PointOfCareStaff: 2 }, '2017-11-01'),
    ae1.changeIdea('i-1', 'CoDesignSession', '2017-11-02'),
    ae1.changeIdea('i-2', 'StaffSuggestion', '2017-11-03'),
    ae2.initiated('2017-10-05'),
    ae2.listened(
      'l-2',
      { patientsOrServiceUsers: 4, familiesOrCarers: 0, staff: 2, others: 1 },
      '2017-10-06',
    ),
    ae2.agreed('d', VISION, { PatientOrServiceUser: 1, PointOfCareStaff: 2, Manager: 1 }, '2017-12-01'),
    ae2.memberJoined('P-9', 'PatientOrServiceUser', '2017-12-05'),
    ae2.changeIdea('i-3', 'PatientSuggestion', '2017-12-06'),
    ae3.initiated('2017-11-05'),
    ae3.listened(
      'l-3',
      { patientsOrServiceUsers: 5, familiesOrCarers: 3, staff: 0, others: 0 },
      '2017-11-06',
    ),
    ae3.agreed('d', VISION, { PatientOrServiceUser: 1, FamilyOrCarer: 1, PointOfCareStaff: 1 }, '2018-01-01'),
    ae4.initiated('2017-11-05'),
    ae4.changeIdea('i-4', 'Literature', '2017-11-06'),
  ];
}

describe('co-production index', () => {
  const rows = coProductionRows(fold(fourAlwaysEvents()));

  it('gives each Always Event its patient/carer share at agreement, co-designed ideas and listening reach', () => {
    expect(rows[0]).toEqual({
      alwaysEventId: 'ae-1',
      programmeSlug: 'always-events-england',
      odsCode: 'RA1',
      organisationName: null,
      homeUnitName: 'Home ward',
      agreedOn: '2017-11-01',
      teamAtAgreement: { PatientOrServiceUser: 1, FamilyOrCarer: 1, PointOfCareStaff: 2 },
      patientCarerSharePercent: 50,
      meetsPioneerAim: true,
      visionInPatientWords: true,
      changeIdeas: { total: 2, coDesigned: 1, coDesignedPercent: 50 },
      listening: {
        activities: 1,
        patientsOrServiceUsers: 6,
        familiesOrCarers: 2,
        staff: 3,
        others: 0,
        patientsAndCarers: 8,
      },
    });
    expect(
      rows.map((r) => [r.alwaysEventId, r.patientCarerSharePercent, r.meetsPioneerAim, r.changeIdeas]),
    ).toEqual([
      ['ae-1', 50, true, { total: 2, coDesigned: 1, coDesignedPercent: 50 }],
      ['ae-2', 25, false, { total: 1, coDesigned: 1, coDesignedPercent: 100 }],
      ['ae-3', 66.67, true, { total: 0, coDesigned: 0, coDesignedPercent: null }],
      ['ae-4', null, null, { total: 1, coDesigned: 0, coDesignedPercent: 0 }],
    ]);
  });

  it('weighs every agreed Always Event the same in the mean share, and pools ideas and participants', () => {
    expect(coProductionOverall(rows)).toEqual({
      alwaysEvents: 4,
      agreed: 3,
      // (50 + 25 + 66.67) / 3 = 47.2233…
      meanPatientCarerSharePercent: 47.22,
      agreedMeetingPioneerAim: 2,
      // Ideas: 2 + 1 + 0 + 1 = 4, of which i-1 (co-design) and i-3 (patient) = 2.
      changeIdeas: { total: 4, coDesigned: 2, coDesignedPercent: 50 },
      // Patients 6 + 4 + 5 = 15, carers 2 + 0 + 3 = 5, staff 3 + 2 = 5, others 1.
      listening: {
        activities: 3,
        patientsOrServiceUsers: 15,
        familiesOrCarers: 5,
        staff: 5,
        others: 1,
        patientsAndCarers: 20,
      },
    });
  });

  it('filters by organisation and programme, and is empty before any Always Event', () => {
    const state = fold(fourAlwaysEvents());
    expect(coProductionRows(state, { organisation: 'RB1' }).map((r) => r.alwaysEventId)).toEqual([
      'ae-3',
      'ae-4',
    ]);
    expect(coProductionRows(state, { programme: 'another' })).toEqual([]);
    expect(coProductionOverall([])).toMatchObject({
      alwaysEvents: 0,
      meanPatientCarerSharePercent: null,
      changeIdeas: { total: 0, coDesignedPercent: null },
    });
  });
});
