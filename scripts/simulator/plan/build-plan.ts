import type { TrustRecord } from '../../../src/trust-register/trust-register';
import { canonicalJson, sha256Hex } from '../../../src/shared/canonical-json';
import { CASE_STUDIES } from '../data/case-studies';
import { DraftCommand, PlannedCommand } from '../commands';
import { Prng } from '../prng';
import { planAlwaysEvent } from './always-event/lifecycle';
import { AlwaysEventFacts } from './always-event/spec';
import { alwaysEventSpecs } from './always-events';
import { assignChanges, lastDayOf, noChanges } from './changes-of-heart';
import { engagementCommands } from './engagement';
import { idFactory } from './ids';
import { chooseOrganisations, OrganisationPlan } from './organisations';
import { changeCommands, enrolmentCommands } from './participation';
import { cohortClosingCommands, programmeClosingCommands, programmeCommands } from './programme';

/**
 * A run of commands for streams no other unfinished task touches, sent in
 * order; it starts once the tasks it comes `after` are done. Commands are
 * built when the task starts, so a million-command plan is never in memory.
 */
export interface Task {
  id: string;
  after: readonly string[];
  size: number;
  commands(): PlannedCommand[];
}

export interface CaseStudyRef {
  caseId: string;
  odsCode: string;
  alwaysEventId: string;
  vision: string;
}

export interface SimulationPlan {
  seed: string;
  scale: number;
  tasks: Task[];
  organisations: OrganisationPlan[];
  alwaysEvents: AlwaysEventFacts[];
  caseStudies: CaseStudyRef[];
  commandCount: number;
}

export const SEED_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Keys come from the seed, the task and the command's place and content, so
 * a re-run sends the same keys (the service answers 200 and writes nothing),
 * and event ids, which the service derives from keys, are the same in every run.
 */
function keyed(seed: string, taskId: string, drafts: readonly DraftCommand[]): PlannedCommand[] {
  return drafts.map((draft, i) => ({
    ...draft,
    idempotencyKey: `sim-${seed}-${sha256Hex(`${taskId}\n${i}\n${draft.name}\n${canonicalJson(draft.body)}`).slice(0, 40)}`,
  }));
}

function task(
  seed: string,
  id: string,
  after: readonly string[],
  build: () => DraftCommand[],
  size?: number,
): Task {
  return { id, after, size: size ?? build().length, commands: () => keyed(seed, id, build()) };
}

/** The whole simulated programme for a seed and scale, as tasks of commands. */
export function buildPlan(options: {
  seed: string;
  scale: number;
  register: readonly TrustRecord[];
}): SimulationPlan {
  const { seed, scale } = options;
  if (!SEED_PATTERN.test(seed)) throw new Error(`The seed must be 1 to 32 of A-Z a-z 0-9 _ - (got ${seed})`);
  if (!(scale > 0 && scale <= 1000))
    throw new Error(`The scale must be more than 0 and at most 1000 (got ${scale})`);
  const root = new Prng(`always-events-simulator/${seed}`);
  const id = idFactory(seed);
  const organisations = chooseOrganisations(root.fork('organisations'), options.register, scale);
  const changes = assignChanges(root.fork('changes'), organisations);
  const specs = alwaysEventSpecs(root.fork('always-events'), organisations, changes, scale, id, noChanges());
  const lifecycles = root.fork('lifecycles');
  const facts = new Map<string, AlwaysEventFacts>();
  const tasks: Task[] = [task(seed, 'programme', [], programmeCommands)];
  for (const spec of specs) {
    const planned = planAlwaysEvent(spec, lifecycles, id);
    facts.set(spec.alwaysEventId, planned.facts);
    const after = [`organisation/${spec.odsCode}/enrolment`];
    if (spec.derivedFromAlwaysEventId) after.push(`always-event/${spec.derivedFromAlwaysEventId}`);
    tasks.push(
      task(
        seed,
        `always-event/${spec.alwaysEventId}`,
        after,
        () => planAlwaysEvent(spec, lifecycles, id).commands,
        planned.commands.length,
      ),
    );
  }
  for (const organisation of organisations) {
    const prefix = `organisation/${organisation.odsCode}`;
    const rng = root.fork(prefix);
    const change = changes.get(organisation.odsCode) ?? noChanges();
    const own = specs
      .filter((s) => s.odsCode === organisation.odsCode)
      .map((s) => facts.get(s.alwaysEventId) as AlwaysEventFacts);
    tasks.push(
      task(seed, `${prefix}/enrolment`, ['programme'], () =>
        enrolmentCommands(organisation, rng.fork('enrolment'), id),
      ),
    );
    tasks.push(
      task(seed, `${prefix}/engagement`, [`${prefix}/enrolment`], () =>
        engagementCommands(organisation, change, own, lastDayOf(change), rng.fork('engagement')),
      ),
    );
    const changeDrafts = changeCommands(organisation, change, rng.fork('changes'), id);
    if (changeDrafts.length > 0) {
      const waitFor = [`${prefix}/engagement`, ...own.map((ae) => `always-event/${ae.alwaysEventId}`)];
      tasks.push(
        task(seed, `${prefix}/changes`, waitFor, () =>
          changeCommands(organisation, change, rng.fork('changes'), id),
        ),
      );
    }
  }
  tasks.push(
    task(
      seed,
      'programme/cohort-closures',
      organisations.map((o) => `organisation/${o.odsCode}/enrolment`),
      cohortClosingCommands,
    ),
  );
  tasks.push(
    task(
      seed,
      'programme/close',
      tasks.map((t) => t.id),
      programmeClosingCommands,
    ),
  );
  const caseStudies = CASE_STUDIES.flatMap((c) => {
    const spec = specs.find((s) => s.caseStudy === c.caseId);
    return spec
      ? [{ caseId: c.caseId, odsCode: c.odsCode, alwaysEventId: spec.alwaysEventId, vision: c.vision }]
      : [];
  });
  return {
    seed,
    scale,
    tasks,
    organisations,
    alwaysEvents: [...facts.values()],
    caseStudies,
    commandCount: tasks.reduce((n, t) => n + t.size, 0),
  };
}
