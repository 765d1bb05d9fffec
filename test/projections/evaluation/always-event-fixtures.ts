import { RecordedEvent } from '../../../src/event-store';
import { recorded } from '../support/recorded';
import { SLUG } from '../spread/spread-fixtures';

/**
 * Events as the deciders write them, for the evaluation projections. Every
 * builder takes the business date the fact happened on; it becomes both the
 * event's own date field and its occurredAt.
 */

/** The instant a fixture's fact happened: 09:00 UTC on its date. */
export const at = (date: string) => `${date}T09:00:00.000Z`;

type Members = Array<[memberId: string, category: string]>;

const AIM = {
  population: 'People on the ward',
  behaviourOrOutcome: 'say they could contact who they wanted',
  targetPct: 90,
  deadline: '2018-12-31',
  reviewCadence: null,
};

/** One Always Event's stream, event by event. */
export function alwaysEvent(alwaysEventId: string, odsCode: string, programmeSlug = SLUG) {
  const subject = { alwaysEventId, programmeSlug, odsCode };
  const stream = `always-event-${alwaysEventId}`;
  const event = (type: string, data: object, date: string): RecordedEvent =>
    recorded(stream, type, { ...subject, ...data }, at(date));
  let homeUnit = { unitId: 'home', name: 'Home ward', setting: 'AcuteInpatient' };
  return {
    initiated: (
      date: string,
      options: {
        setting?: string;
        derivedFrom?: { alwaysEventId: string; odsCode: string; lineage: 'Spread' | 'ScaleUp' };
      } = {},
    ) => {
      homeUnit = { ...homeUnit, setting: options.setting ?? homeUnit.setting };
      return event(
        'AlwaysEventInitiated',
        {
          homeUnit,
          population: 'Inpatients',
          derivedFrom: options.derivedFrom ?? null,
          initiatedAt: at(date),
        },
        date,
      );
    },
    teamFormed: (members: Members, date: string) =>
      event(
        'CoDesignTeamFormed',
        { members: members.map(([memberId, category]) => ({ memberId, category })), formedAt: at(date) },
        date,
      ),
    memberJoined: (memberId: string, category: string, date: string) =>
      event('CoDesignTeamMemberJoined', { memberId, category, joinedAt: at(date) }, date),
    memberLeft: (memberId: string, category: string, date: string) =>
      event('CoDesignTeamMemberLeft', { memberId, category, reason: null, leftAt: at(date) }, date),
    listened: (
      activityId: string,
      participants: {
        patientsOrServiceUsers: number;
        familiesOrCarers: number;
        staff: number;
        others: number;
      },
      date: string,
    ) =>
      event(
        'ListeningActivityRecorded',
        {
          activityId,
          method: 'Conversation',
          heldOn: date,
          participants,
          involvedPatientsOrCarers: participants.patientsOrServiceUsers + participants.familiesOrCarers > 0,
          summary: 'What matters',
        },
        date,
      ),
    theme: (themeId: string, label: string, date: string) =>
      event('WhatMattersThemeIdentified', { themeId, label, sourceActivityIds: [] }, date),
    coDesignStarted: (themeId: string, themeLabel: string, date: string) =>
      event('CoDesignStarted', { selectedThemeId: themeId, themeLabel, startedAt: at(date) }, date),
    drafted: (draftId: string, visionStatement: string, date: string) =>
      event(
        'AlwaysEventStatementDrafted',
        { draftId, visionStatement, visionVoice: 'PatientWords', aim: AIM },
        date,
      ),
    assessed: (draftId: string, allMet: boolean, date: string) => {
      const criterion = { met: true, rationale: 'Said in every session' };
      return event(
        'AlwaysEventCriteriaAssessed',
        {
          draftId,
          important: criterion,
          evidenceBased: criterion,
          measurable: criterion,
          affordableSustainable: { met: allMet, rationale: 'Costed' },
          allMet,
          unmet: allMet ? [] : ['affordableSustainable'],
        },
        date,
      );
    },
    /** The agreement records the team as it stood: counts by category and the patient/carer share. */
    agreed: (draftId: string, visionStatement: string, team: Record<string, number>, date: string) => {
      const members = Object.values(team).reduce((t, n) => t + n, 0);
      const patients = (team.PatientOrServiceUser ?? 0) + (team.FamilyOrCarer ?? 0);
      return event(
        'AlwaysEventStatementAgreed',
        {
          draftId,
          statementVersion: 1,
          visionStatement,
          visionVoice: 'PatientWords',
          aim: AIM,
          homeUnit,
          agreedByCategories: team,
          patientOrCarerShare: patients / members,
          warnings: [],
          agreedAt: at(date),
        },
        date,
      );
    },
    aimRevised: (statementVersion: number, targetPct: number, date: string) =>
      event(
        'AimStatementRevised',
        {
          statementVersion,
          previousAim: AIM,
          aim: { ...AIM, targetPct },
          reason: 'Higher bar',
          revisedAt: at(date),
        },
        date,
      ),
    changeIdea: (changeIdeaId: string, origin: string, date: string, description = `Idea ${changeIdeaId}`) =>
      event(
        'ChangeIdeaProposed',
        { changeIdeaId, description, origin, originatingSessionId: null, warnings: [] },
        date,
      ),
    measureLinked: (measureId: string, role: string, measureName: string, date: string) =>
      event('MeasureLinked', { measureId, role, measureName }, date),
    testingStarted: (date: string) =>
      event(
        'TestingStarted',
        {
          setting: homeUnit.setting,
          outcomeMeasureIds: [],
          processMeasureIds: [],
          balancingMeasureIds: [],
          warnings: [],
          startedAt: at(date),
        },
        date,
      ),
    implementationStarted: (date: string) =>
      event(
        'ImplementationStarted',
        { setting: homeUnit.setting, adoptedChangeIdeaIds: [], pdsaCycleIds: [], startedAt: at(date) },
        date,
      ),
    aimAchieved: (measureId: string, date: string) =>
      event(
        'AimAchieved',
        {
          setting: homeUnit.setting,
          measureId,
          unitId: homeUnit.unitId,
          evidence: { rule: 'ConsecutivePeriodsAtTarget', achieved: true, measureRevision: 3 },
          achievedAt: at(date),
        },
        date,
      ),
    /** Recorded on `recordedOn`, about a review held on `reviewDate`. */
    sustained: (reviewDate: string, recordedOn = reviewDate) =>
      event(
        'SustainmentConfirmed',
        { reviewDate, periodsReviewed: 6, periodsAtTarget: 6, pctPeriodsAtTarget: 100 },
        recordedOn,
      ),
    unitAdded: (unitId: string, setting: string, date: string) =>
      event('ScaleUpUnitAdded', { unitId, name: `Unit ${unitId}`, setting, plannedGoLive: null }, date),
    unitWentLive: (unitId: string, setting: string, date: string) =>
      event('ScaleUpUnitWentLive', { unitId, setting, goLiveDate: date }, date),
    unitStopped: (unitId: string, setting: string, date: string) =>
      event('ScaleUpUnitStopped', { unitId, setting, stoppedOn: date, reason: 'Ward closed' }, date),
    progressScore: (period: string, score: number, date: string) =>
      event('ProgressScoreRecorded', { period, score, note: null }, date),
    progressScoreAmended: (period: string, score: number, previousScore: number, date: string) =>
      event('ProgressScoreAmended', { period, score, previousScore, note: null }, date),
    paused: (pausedInPhase: string, date: string) =>
      event(
        'AlwaysEventPaused',
        { pausedInPhase, reason: 'Staffing', expectedResumeDate: null, pausedAt: at(date) },
        date,
      ),
    closed: (phaseAtClosure: string, date: string) =>
      event(
        'AlwaysEventClosed',
        { reason: 'Completed', note: null, phaseAtClosure, closedAt: at(date) },
        date,
      ),
  };
}
