import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PersonalDataEventStore } from '../../src/personal-data/personal-data-event-store';
import { SqliteKeyStore } from '../../src/personal-data/sqlite-key-store';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { pageAll } from '../../src/event-store/page-all';
import type { RecordedEvent } from '../../src/event-store/recorded-event';
import { READ_MODELS } from '../../src/projections/catalogue';
import { canonicalJson, sha256Hex } from '../../src/shared/canonical-json';
import { httpSender } from '../../scripts/simulator/run/http-sender';
import { runSimulation, SimulationSummary } from '../../scripts/simulator/run/run-simulation';
import { testKey } from '../support/credentials';
import { ServiceProcess, serviceOnFreshStore } from '../support/service-process';
import { until } from '../support/until';

/*
 * Live read models against the same models rebuilt from position 0, on the
 * real entry point (src/main.ts) over an embedded file store, killed with
 * SIGKILL twice: once while commands keep arriving, once while every model
 * is being rebuilt. Runs in the embedded-store e2e project only (the
 * `.sqlite.e2e` name): it owns the store's files across processes.
 *
 * The command sequence is the simulator's for a random seed (printed in the
 * test name; EQUIVALENCE_SEED replays one): about 3,000 valid commands of
 * every kind, with a random kill point.
 */
const SCALE = 0.1;
const seed = process.env.EQUIVALENCE_SEED ?? `eq-${randomBytes(4).toString('hex')}`;
const TARGET = 'sqlite: embedded file store, real entry point killed with SIGKILL';

interface ReadModels {
  headPosition: number;
  items: Array<{
    name: string;
    status: string;
    position: number;
    checksum: string;
    rebuild: { position: number } | null;
  }>;
}

describe(`every live read model equals its rebuild from position 0, across kills [${TARGET}]`, () => {
  const admin = testKey('equivalence-admin', 'programme-admin');
  const folder = mkdtempSync(join(tmpdir(), 'aet-equivalence-'));
  let service: ServiceProcess;
  let summary: SimulationSummary;
  let killedAfter = 0;
  let live: ReadModels;

  const readModels = async (): Promise<ReadModels> => {
    const response = await fetch(`${service.url}/v1/admin/read-models`, {
      headers: { authorization: `Bearer ${admin.key}` },
    });
    expect(response.status).toBe(200);
    return (await response.json()) as ReadModels;
  };

  const caughtUp = async (): Promise<ReadModels> => {
    let models: ReadModels | undefined;
    await until(
      async () => {
        models = await readModels();
        const head = models.headPosition;
        return models.items.every((m) => m.status === 'live' && m.position === head && m.rebuild === null);
      },
      'every read model has processed the head of the log',
      120_000,
    );
    return models as ReadModels;
  };

  const checksums = (models: ReadModels) => Object.fromEntries(models.items.map((m) => [m.name, m.checksum]));

  beforeAll(async () => {
    service = await serviceOnFreshStore(folder, [admin.entry], {
      RATE_LIMIT_MAX: '10000000',
      LOG_LEVEL: 'info',
      // Snapshots often, so a restart resumes mid-stream rather than from 0.
      SNAPSHOT_EVERY_EVENTS: '500',
      SNAPSHOT_INTERVAL_MS: '200',
    });
    await service.start();

    // Kill somewhere in the middle third of the run, while commands are in flight.
    const killAt = 900 + (randomBytes(2).readUInt16BE() % 1000);
    const send = httpSender({ url: service.url, apiKey: admin.key, maxAttempts: 14 });
    let sent = 0;
    let restarting: Promise<void> | undefined;
    summary = await runSimulation({
      url: service.url,
      seed,
      scale: SCALE,
      apiKey: admin.key,
      concurrency: 8,
      send: async (command) => {
        sent += 1;
        if (sent === killAt) {
          killedAfter = sent;
          restarting = service.kill().then(() => service.start());
        }
        return send(command);
      },
    });
    await restarting;
    live = await caughtUp();
  }, 600_000);

  afterAll(async () => {
    await service?.stop();
    rmSync(folder, { recursive: true, force: true });
  });

  it(`runs a few thousand valid commands for seed ${seed}, killed with SIGKILL mid-stream`, () => {
    expect(killedAfter).toBeGreaterThan(0);
    expect(summary.refused).toBe(0);
    expect(summary.commands).toBeGreaterThan(2000);
    expect(summary.accepted + summary.replayed).toBe(summary.commands);
  });

  it('restarted after the kill, took up every read model from its snapshot, not from 0', async () => {
    const resumed = () => [
      ...service.logs[1].matchAll(/"msg":"([a-z-]+): resumed from its snapshot at position (\d+)/g),
    ];
    // Log lines may reach the pipe after the service answers ready.
    await until(
      () => resumed().length >= live.items.length,
      'the restart logs where each model resumed',
    ).catch(() => undefined);
    expect(
      resumed()
        .map((m) => m[1])
        .sort(),
    ).toEqual(live.items.map((m) => m.name).sort());
    for (const m of resumed()) expect(Number(m[2])).toBeGreaterThan(0);
  });

  it('has every live read model equal to a fold of every event, ignoring the events the model declares it skips', async () => {
    const file = SqliteEventStore.open({ path: join(folder, 'events.sqlite'), synchronous: 'NORMAL' });
    // Through the personal-data layer, as the service reads: models fold names, not their ciphertext.
    const store = new PersonalDataEventStore(file, new SqliteKeyStore(file.db));
    try {
      const events: RecordedEvent[] = [];
      for await (const page of pageAll(store, { toPosition: live.headPosition })) events.push(...page);
      expect(events.at(-1)?.position).toBe(live.headPosition);
      const unfiltered = Object.fromEntries(
        READ_MODELS.map((projection) => {
          let state = projection.initialState();
          for (const event of events) state = projection.apply(state, event);
          return [projection.name, sha256Hex(canonicalJson(state))];
        }),
      );
      expect(unfiltered).toEqual(checksums(live));
    } finally {
      await store.close();
    }
  });

  it('has every live read model equal to itself rebuilt from position 0', async () => {
    for (const { name } of live.items) {
      const response = await fetch(`${service.url}/v1/admin/read-models/${name}/rebuild`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.key}` },
      });
      expect(response.status).toBe(202);
    }
    const rebuilt = await caughtUp();
    expect(rebuilt.headPosition).toBe(live.headPosition);
    expect(checksums(rebuilt)).toEqual(checksums(live));
  }, 300_000);

  it('has them equal again after the process is killed mid-rebuild and restarted', async () => {
    for (const { name } of live.items) {
      await fetch(`${service.url}/v1/admin/read-models/${name}/rebuild`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.key}` },
      });
    }
    // Kill while at least one model is part-way through the log.
    await until(
      async () =>
        (await readModels()).items.some(
          (m) => m.rebuild !== null && m.rebuild.position > 0 && m.rebuild.position < live.headPosition,
        ),
      'a read model is part-way through its rebuild',
      60_000,
    );
    await service.kill();
    await service.start();
    const restarted = await caughtUp();
    expect(restarted.headPosition).toBe(live.headPosition);
    expect(checksums(restarted)).toEqual(checksums(live));
  }, 300_000);
});
