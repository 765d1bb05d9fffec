import { Progress } from '../../../src/cli/progress';
import { REGISTER_CSV } from '../../../src/trust-register/register-csv';
import { loadTrustRegister } from '../../../src/trust-register/trust-register';
import { PlannedCommand } from '../commands';
import { buildPlan, CaseStudyRef, SimulationPlan } from '../plan/build-plan';
import { AuthHeader, authHeaders, httpSender, SendOutcome } from './http-sender';
import { runTasks } from './run-tasks';

/** The register the simulator plans from: the one the service seeds from. */
export { REGISTER_CSV };

export interface SimulationOptions {
  url: string;
  seed: string;
  scale: number;
  concurrency?: number;
  apiKey?: string;
  authHeader?: AuthHeader;
  registerCsv?: string;
  progress?: Progress;
  /** Sends a command another way than HTTP (the bench store goes through the command bus in-process). */
  send?: (command: PlannedCommand) => Promise<SendOutcome>;
  /** Skip the register check (a sender that is not HTTP checks nothing over HTTP). */
  skipPreflight?: boolean;
  /** Send only the commands this accepts (a phase of the programme, see returns-file.ts); all by default. */
  include?: (command: PlannedCommand, index: number, task: readonly PlannedCommand[]) => boolean;
  /** The plan for this seed and scale, when the caller has built it already (planning takes seconds); `registerCsv` is then not read. */
  plan?: SimulationPlan;
}

export interface SimulationSummary {
  seed: string;
  scale: number;
  organisations: number;
  alwaysEvents: number;
  commands: number;
  accepted: number;
  replayed: number;
  refused: number;
  eventsWritten: number;
  retries: number;
  seconds: number;
  caseStudies: CaseStudyRef[];
}

/** The trusts the plan enrols must already be in the service's register (seeded from the same file). */
async function checkRegister(plan: SimulationPlan, options: SimulationOptions): Promise<void> {
  const base = options.url.replace(/\/+$/, '');
  const missing: string[] = [];
  const trusts = plan.organisations.filter((o) => o.registration === null).map((o) => o.odsCode);
  for (let i = 0; i < trusts.length; i += 16) {
    await Promise.all(
      trusts.slice(i, i + 16).map(async (odsCode) => {
        const response = await fetch(`${base}/v1/streams/organisation-${odsCode}`, {
          headers: authHeaders(options.apiKey, options.authHeader),
        });
        await response.arrayBuffer();
        if (response.status === 404) missing.push(odsCode);
        else if (!response.ok)
          throw new Error(`GET /v1/streams/organisation-${odsCode} answered ${response.status}`);
      }),
    );
  }
  if (missing.length > 0) {
    throw new Error(
      `The service's organisation register lacks ${missing.length} trusts the simulation enrols (${missing.slice(0, 5).join(', ')}...): ` +
        'start it on an empty store with SEED_REGISTER_ON_EMPTY_STORE=true, or run `npm run seed:register`',
    );
  }
}

/**
 * Plans the programme for a seed and scale and sends every command. A refusal
 * stops the run with the service's problem+json (CommandRefusedError).
 */
export async function runSimulation(options: SimulationOptions): Promise<SimulationSummary> {
  const started = performance.now();
  const plan =
    options.plan ??
    buildPlan({
      seed: options.seed,
      scale: options.scale,
      register: loadTrustRegister(options.registerCsv ?? REGISTER_CSV),
    });
  if (plan.seed !== options.seed || plan.scale !== options.scale) {
    throw new Error(`The plan given is for seed ${plan.seed} at scale ${plan.scale}, not the one asked for`);
  }
  if (!options.skipPreflight) await checkRegister(plan, options);
  const send =
    options.send ?? httpSender({ url: options.url, apiKey: options.apiKey, authHeader: options.authHeader });
  const summary: SimulationSummary = {
    seed: plan.seed,
    scale: plan.scale,
    organisations: plan.organisations.length,
    alwaysEvents: plan.alwaysEvents.length,
    commands: 0,
    accepted: 0,
    replayed: 0,
    refused: 0,
    eventsWritten: 0,
    retries: 0,
    seconds: 0,
    caseStudies: plan.caseStudies,
  };
  const include = options.include;
  const tasks = include
    ? plan.tasks.map((t) => ({ ...t, commands: () => t.commands().filter(include) }))
    : plan.tasks;
  try {
    await runTasks(
      tasks,
      async (command) => {
        summary.commands++;
        let outcome: SendOutcome;
        try {
          outcome = await send(command);
        } catch (error) {
          summary.refused++;
          throw error;
        }
        if (outcome.replayed) summary.replayed++;
        else summary.accepted++;
        summary.eventsWritten += outcome.events;
        summary.retries += outcome.retries;
        options.progress?.update(summary.commands, plan.commandCount);
      },
      options.concurrency ?? 12,
    );
  } finally {
    options.progress?.stop();
    summary.seconds = (performance.now() - started) / 1000;
  }
  return summary;
}
