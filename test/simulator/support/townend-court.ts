import { buildPlan } from '../../../scripts/simulator/plan/build-plan';
import { httpSender } from '../../../scripts/simulator/run/http-sender';
import { REGISTER_CSV } from '../../../src/trust-register/register-csv';
import { loadTrustRegister } from '../../../src/trust-register/trust-register';
import { commandClient, expectCreated } from '../../commands/command-client';

export interface SimulatedTownendCourt {
  alwaysEventId: string;
  outcomeMeasureId: string;
  /** The day the team reworded a driver of its diagram, from the plan. */
  revisedOn: string;
}

/**
 * Humber's Townend Court Always Event exactly as `npm run simulate -- --seed
 * 42 --scale 1` plays it, sent over HTTP through the simulator's own sender:
 * the register row of RV9, the programme, RV9's enrolment, then every command
 * of that Always Event (co-design, measures, PDSA chains, the driver diagram,
 * the recalculation the team records). Nothing else of the programme.
 */
export async function sendTownendCourt(url: string, apiKey: string): Promise<SimulatedTownendCourt> {
  const register = loadTrustRegister(REGISTER_CSV);
  const plan = buildPlan({ seed: '42', scale: 1, register });
  const townend = plan.caseStudies.find((c) => c.caseId === 'humber-townend-court');
  if (!townend) throw new Error('The simulator no longer plays Townend Court');
  const rv9 = register.find((t) => t.odsCode === 'RV9');
  if (!rv9) throw new Error('RV9 is not in the register');
  const { odsCode, name, type, regionCode, openDate } = rv9;
  expectCreated(
    await commandClient(url).post('RegisterOrganisation', {
      odsCode,
      name,
      type,
      regionCode,
      isNhsTrust: true,
      openDate,
    }),
  );
  const send = httpSender({ url, apiKey });
  const ids = ['programme', 'organisation/RV9/enrolment', `always-event/${townend.alwaysEventId}`];
  let outcomeMeasureId = '';
  let revisedOn = '';
  for (const taskId of ids) {
    const task = plan.tasks.find((t) => t.id === taskId);
    if (!task) throw new Error(`The plan has no task ${taskId}`);
    for (const command of task.commands()) {
      await send(command);
      if (command.name === 'DefineMeasure' && command.body.role === 'Outcome')
        outcomeMeasureId = String(command.body.measureId);
      if (command.name === 'RewordDriverDiagramItem') revisedOn = command.at.slice(0, 10);
    }
  }
  return { alwaysEventId: townend.alwaysEventId, outcomeMeasureId, revisedOn };
}
