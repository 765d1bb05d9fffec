import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/load-config';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { parseTrustRegister } from '../../src/trust-register/trust-register';
import { Progress } from '../../src/cli/progress';
import { buildPlan } from '../../scripts/simulator/plan/build-plan';
import { REGISTER_CSV, runSimulation, SimulationSummary } from '../../scripts/simulator/run/run-simulation';
import { batchedInProcessSender } from './batched-sender';
import { inProcessSender } from './in-process-sender';

export interface BenchStore {
  path: string;
  statePath: string;
  /** Events in the store: the register seed and the simulated programme. */
  events: number;
  scale: number;
  seconds: number;
  simulation: SimulationSummary;
}

/**
 * The simulator scale whose plan holds about `events` commands (one event
 * each): the organisation side is fixed and Always Events grow linearly with
 * the scale, so two plans give the line.
 */
export function scaleForEvents(events: number, seed = '42'): number {
  const register = parseTrustRegister(readFileSync(REGISTER_CSV, 'utf8'));
  const [one, two] = [1, 2].map((scale) => buildPlan({ seed, scale, register }).commandCount);
  const perScale = two - one;
  return Math.max(1, Math.ceil(((events - (one - perScale)) / perScale) * 10) / 10);
}

/**
 * Builds a realistic store of about `events` events at `path` (replacing
 * any store there): the simulated programme at the matching scale, every command run
 * through the service's own command handlers in this process — DTO
 * validation, deciders, idempotency and appends as over HTTP, without the
 * HTTP round trips. Projections do not run; the bench that uses the store
 * rebuilds them.
 */
export async function buildBenchStore(
  path: string,
  /** `scale` overrides the scale `events` implies (below 1 for small test stores). */
  options: {
    events: number;
    seed?: string;
    scale?: number;
    concurrency?: number;
    progress?: Progress;
    /**
     * `batched` (the default): through the gateway's batch path (batched-sender.ts),
     * many tasks' commands per commit; `single`: one `submit` at a time. Both write the same log.
     */
    sender?: 'batched' | 'single';
  },
): Promise<BenchStore> {
  const started = performance.now();
  const seed = options.seed ?? '42';
  const batched = (options.sender ?? 'batched') === 'batched';
  const scale = options.scale ?? scaleForEvents(options.events, seed);
  mkdirSync(dirname(path), { recursive: true });
  const statePath = join(dirname(path), `${path.split('/').pop()}.state.sqlite`);
  for (const file of [path, statePath]) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
  }
  const app = await createApp(
    loadConfig({
      LOG_LEVEL: 'warn',
      SQLITE_PATH: path,
      STATE_SQLITE_PATH: statePath,
      SQLITE_SYNCHRONOUS: 'NORMAL',
      SEED_REGISTER_ON_EMPTY_STORE: 'true',
      // No read models, no as-of snapshots, no relay (as the CLI runs commands): they write nothing to
      // the log, and folding them live took most of a build's memory and a share of its time.
      APP_ROLES: 'relay',
      KAFKA_BROKERS: '',
      // The store holds what the simulation wrote, whatever the clock: no worklist transitions on a timer.
      WORKLIST_EVALUATE_INTERVAL_MS: '0',
    }),
  );
  await app.init();
  try {
    const simulation = await runSimulation({
      url: 'in-process',
      seed,
      scale,
      send: batched ? batchedInProcessSender(app) : inProcessSender(app),
      skipPreflight: true,
      // Batched, every ready task has its next command in the gathering batch.
      concurrency: options.concurrency ?? (batched ? 512 : 4),
      progress: options.progress,
    });
    const events = await app.get<symbol, EventStore>(EVENT_STORE).headPosition();
    return { path, statePath, events, scale, seconds: (performance.now() - started) / 1000, simulation };
  } finally {
    await app.close();
  }
}
