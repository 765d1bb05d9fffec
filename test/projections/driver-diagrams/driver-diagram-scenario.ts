import { randomUUID } from 'node:crypto';
import { CommandClient, launchProgrammeWith, programmeSlug } from '../../commands/command-client';
import { scenarioSteps } from '../evaluation/scenario-steps';

/**
 * Two Always Events over real HTTP, dated by `occurredAt`: RA1's has a
 * driver diagram first drawn in November 2017 and revised in January 2018
 * (a driver reworded, one added, the change idea moved under it and linked to
 * its second PDSA cycle, a draft driver retired); RB1's has a PDSA cycle of
 * its own, which RA1's diagram must not link to.
 *
 *   2017-11-05  primary "Equipment ready at all hours" (P1)
 *               secondary "Phones charged" (S1) under P1
 *               secondary "Staff know the routine" (S2 draft) under P1
 *   2017-11-20  change idea "A ward phone on a trolley" under S1, linked to cycle 1 and the outcome measure
 *   2018-01-10  S1 reworded "Phones and tablets charged every night"
 *               secondary "Help to make the call" (S3) under P1
 *               the idea moved under S1 and S3, linked to cycles 1 and 2
 *               S2 retired (no change idea under it)
 */
export interface DiagramScenario {
  ae1: string;
  ae2: string;
  drivers: { p1: string; s1: string; s2: string; s3: string };
  idea: string;
  otherIdea: string;
  cycles: { first: string; second: string; other: string };
  measure: string;
  lastPosition: number;
}

export async function walkDiagramScenario(client: CommandClient): Promise<DiagramScenario> {
  const steps = scenarioSteps(client);
  const { send } = steps;
  await launchProgrammeWith(client, ['RA1', 'RB1']);
  await steps.enrol('RA1', '2017-10-01');
  await steps.enrol('RB1', '2017-10-01');
  const [ae1, ae2] = [randomUUID(), randomUUID()];
  const team: Array<[string, string]> = [
    ['P-1', 'PatientOrServiceUser'],
    ['S-1', 'PointOfCareStaff'],
  ];
  await steps.agreeStatement(
    ae1,
    { odsCode: 'RA1', setting: 'LearningDisability' },
    { initiated: '2017-10-02', agreed: '2017-11-01' },
    team,
    [4, 1, 2, 0],
  );
  await steps.agreeStatement(
    ae2,
    { odsCode: 'RB1', setting: 'Maternity' },
    { initiated: '2017-10-02', agreed: '2017-11-01' },
    team,
    [3, 0, 2, 0],
  );
  const [idea, otherIdea] = [randomUUID(), randomUUID()];
  await send(
    'ProposeChangeIdea',
    {
      alwaysEventId: ae1,
      changeIdeaId: idea,
      description: 'A ward phone on a trolley',
      origin: 'CoDesignSession',
    },
    '2017-11-02',
  );
  await send(
    'ProposeChangeIdea',
    {
      alwaysEventId: ae2,
      changeIdeaId: otherIdea,
      description: 'Birth partners stay',
      origin: 'PatientSuggestion',
    },
    '2017-11-02',
  );
  const measure = randomUUID();
  await send(
    'DefineMeasure',
    {
      measureId: measure,
      alwaysEventId: ae1,
      role: 'Outcome',
      name: 'Requests met within 5 minutes',
      operationalDefinition: 'Staff log every request',
      numeratorDefinition: 'Met within 5 minutes',
      denominatorDefinition: 'Requests',
      dataSource: 'Log',
      frequency: 'Monthly',
      targetPct: 95,
      improvementDirection: 'increase',
    },
    '2017-11-03',
  );
  await send('LinkMeasure', { alwaysEventId: ae1, measureId: measure, role: 'Outcome' }, '2017-11-03');
  const cycles = { first: randomUUID(), second: randomUUID(), other: randomUUID() };
  const prediction: Array<[string, string]> = [['Calls within 5 minutes', 'Confirmed']];
  await steps.runCycle(
    cycles.first,
    { alwaysEventId: ae1, changeIdeaId: idea, cycleNumber: 1 },
    prediction,
    'Adapt',
    ['2017-11-06', '2017-11-07', '2017-11-14', '2017-11-15'],
  );
  await steps.runCycle(
    cycles.other,
    { alwaysEventId: ae2, changeIdeaId: otherIdea, cycleNumber: 1 },
    prediction,
    'Adopt',
    ['2017-11-06', '2017-11-07', '2017-11-14', '2017-11-15'],
  );

  const drivers = { p1: randomUUID(), s1: randomUUID(), s2: randomUUID(), s3: randomUUID() };
  const add = (driverId: string, level: string, text: string, parentDriverIds: string[], date: string) =>
    send('AddDriver', { alwaysEventId: ae1, driverId, level, text, parentDriverIds }, date);
  await add(drivers.p1, 'Primary', 'Equipment ready at all hours', [], '2017-11-05');
  await add(drivers.s1, 'Secondary', 'Phones charged', [drivers.p1], '2017-11-05');
  await add(drivers.s2, 'Secondary', 'Staff know the routine', [drivers.p1], '2017-11-05');
  const link = (
    itemId: string,
    parentDriverIds: string[],
    pdsaCycleIds: string[],
    measureIds: string[],
    date: string,
  ) =>
    send(
      'LinkDriverDiagramItem',
      { alwaysEventId: ae1, itemId, parentDriverIds, pdsaCycleIds, measureIds },
      date,
    );
  await link(idea, [drivers.s1], [cycles.first], [measure], '2017-11-20');

  await steps.runCycle(
    cycles.second,
    { alwaysEventId: ae1, changeIdeaId: idea, cycleNumber: 2, previousCycleId: cycles.first },
    prediction,
    'Adopt',
    ['2017-12-01', '2017-12-02', '2017-12-20', '2017-12-21'],
  );
  await send(
    'RewordDriverDiagramItem',
    {
      alwaysEventId: ae1,
      itemId: drivers.s1,
      text: 'Phones and tablets charged every night',
      reason: 'Tablets added after cycle 1',
    },
    '2018-01-10',
  );
  await add(drivers.s3, 'Secondary', 'Help to make the call', [drivers.p1], '2018-01-10');
  await link(idea, [drivers.s1, drivers.s3], [cycles.first, cycles.second], [measure], '2018-01-10');
  await send(
    'RetireDriverDiagramItem',
    { alwaysEventId: ae1, itemId: drivers.s2, reason: 'Folded into "Help to make the call"' },
    '2018-01-10',
  );
  return { ae1, ae2, drivers, idea, otherIdea, cycles, measure, lastPosition: steps.lastPosition() };
}

export { programmeSlug };
