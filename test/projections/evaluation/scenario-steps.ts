import { randomUUID } from 'node:crypto';
import { CommandClient, expectCreated, programmeSlug, readyToEnrol } from '../../commands/command-client';

const at = (date: string) => `${date}T09:00:00.000Z`;
const CRITERION = { met: true, rationale: 'Heard in every session' };
export const AIM = {
  population: 'People on the unit',
  behaviourOrOutcome: 'reach the people who matter to them',
  targetPct: 90,
  deadline: '2018-12-31',
};

export type Team = Array<[memberId: string, category: string]>;
/** Listening participants: patients or service users, families or carers, staff, others. */
export type Heard = [number, number, number, number];

/** Commands sent over HTTP, each dated by `occurredAt` when a date is given, each expected to be accepted. */
export function scenarioSteps(client: CommandClient) {
  let lastPosition = 0;
  const send = async (name: string, body: object, date?: string) => {
    const reply = await client.post(name, date === undefined ? body : { ...body, occurredAt: at(date) });
    expectCreated(reply);
    lastPosition = reply.body.position as number;
    return reply;
  };

  return {
    send,
    lastPosition: () => lastPosition,

    async enrol(odsCode: string, enrolledOn: string, cohortId?: string) {
      await readyToEnrol(client, odsCode);
      await send('EnrolOrganisation', {
        programmeSlug,
        odsCode,
        enrolledOn,
        phaseId: 'spread',
        enrolmentRoute: 'Direct',
        ...(cohortId ? { cohortId } : {}),
      });
    },

    /** Initiation to agreement, with the team, listening and theme an agreement needs, all on `initiated`. */
    async agreeStatement(
      alwaysEventId: string,
      where: { odsCode: string; setting: string; derivedFromAlwaysEventId?: string },
      dates: { initiated: string; agreed: string },
      team: Team,
      heard: Heard,
    ) {
      const id = { alwaysEventId };
      const [activityId, themeId, draftId] = [randomUUID(), randomUUID(), randomUUID()];
      const { odsCode, setting, derivedFromAlwaysEventId } = where;
      const homeUnit = { unitId: 'home', name: `Home unit of ${odsCode}`, setting };
      const lineage = derivedFromAlwaysEventId ? { derivedFromAlwaysEventId } : {};
      const population = 'People staying on the unit';
      await send(
        'InitiateAlwaysEvent',
        { ...id, programmeSlug, odsCode, homeUnit, population, ...lineage },
        dates.initiated,
      );
      const members = team.map(([memberId, category]) => ({ memberId, category }));
      await send('FormCoDesignTeam', { ...id, members }, dates.initiated);
      const [patientsOrServiceUsers, familiesOrCarers, staff, others] = heard;
      await send('RecordListeningActivity', {
        ...id,
        activityId,
        method: 'Conversation',
        heldOn: dates.initiated,
        participants: { patientsOrServiceUsers, familiesOrCarers, staff, others },
        summary: 'Being able to reach family matters most',
      });
      const label = 'Contact with people who matter';
      await send(
        'IdentifyWhatMattersTheme',
        { ...id, themeId, label, sourceActivityIds: [activityId] },
        dates.initiated,
      );
      await send('StartCoDesign', { ...id, selectedThemeId: themeId }, dates.initiated);
      const visionStatement = 'We will always be able to reach people who matter to us';
      await send(
        'DraftStatement',
        { ...id, draftId, visionStatement, visionVoice: 'PatientWords', aim: AIM },
        dates.initiated,
      );
      const criteria = {
        important: CRITERION,
        evidenceBased: CRITERION,
        measurable: CRITERION,
        affordableSustainable: CRITERION,
      };
      await send('AssessCriteria', { ...id, draftId, ...criteria }, dates.initiated);
      await send('AgreeStatement', { ...id, draftId }, dates.agreed);
    },

    /** Plan, start, study against every prediction, and complete with a decision. */
    async runCycle(
      pdsaCycleId: string,
      cycle: { alwaysEventId: string; changeIdeaId: string; cycleNumber: number; previousCycleId?: string },
      predictions: Array<[prediction: string, outcome: string]>,
      decision: string,
      dates: [planned: string, started: string, studied: string, completed: string],
    ) {
      const plan = { who: 'Night nurse', what: 'Offer the phone', where: 'Home unit', when: 'Nights' };
      const scale = { unit: 'patients', nPatients: 2 * cycle.cycleNumber, durationDays: 7 };
      await send(
        'PlanPdsaCycle',
        {
          pdsaCycleId,
          ...cycle,
          plan,
          scale,
          objective: `Test cycle ${cycle.cycleNumber}`,
          questions: ['Does it work at night?'],
          predictions: predictions.map(([prediction]) => prediction),
        },
        dates[0],
      );
      await send('StartPdsaCycle', { pdsaCycleId }, dates[1]);
      const predictionOutcomes = predictions.map(([, outcome], predictionIndex) => ({
        predictionIndex,
        outcome,
      }));
      const study = { resultsSummary: 'As measured', learning: `Learning of cycle ${cycle.cycleNumber}` };
      await send('RecordStudy', { pdsaCycleId, ...study, predictionOutcomes }, dates[2]);
      await send('CompletePdsaCycle', { pdsaCycleId, decision, nextSteps: `After ${decision}` }, dates[3]);
    },
  };
}
