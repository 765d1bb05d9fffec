import { EventStoreDBClient } from '@eventstore/db-client';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EsdbSharedLease } from '../../src/coordination/esdb-shared-lease';
import type { SharedLease } from '../../src/coordination/shared-lease';
import { SqliteSharedLease } from '../../src/coordination/sqlite-shared-lease';
import { SqliteEventStore } from '../../src/event-store/sqlite/sqlite-event-store';
import { relayLeaseName } from '../../src/kafka/kafka.module';
import { relayTopics } from '../../src/kafka/relay/aggregate-topics';
import { commandClient, expectCreated, launchProgrammeWith } from '../commands/command-client';
import { rememberCredential, testKey } from '../support/credentials';
import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { getJson } from '../support/http';
import { consumeWithKafkajs, describeWithKafka, uniquePrefix } from '../support/kafka-broker';
import { ServiceInstance } from '../support/service-instance';
import { until } from '../support/until';

interface Summary {
  nhsTrusts: { openOnDate: number };
}

const trust = (odsCode: string) => ({
  odsCode,
  name: `Instance Trust ${odsCode}`,
  type: 'AcuteTrust',
  regionCode: 'Y56',
  isNhsTrust: true,
  openDate: '2001-04-01',
});

/**
 * Two service processes, each with its own state file, on one store: what
 * one instance wrote, the other serves once it has folded that far
 * (`minPosition`); both run the relay, exactly one holds the lease, and it
 * moves to the other within the lease's TTL when the holder dies or freezes.
 */
for (const kind of ['sqlite', 'esdb'] as const) {
  const label =
    kind === 'sqlite'
      ? 'sqlite: two processes on one embedded file'
      : 'esdb: two processes → @eventstore/db-client → one gRPC wire double';

  describeWithKafka(`two instances of the service [${label}, real Kafka 4.4 broker]`, (brokers) => {
    const folder = mkdtempSync(join(tmpdir(), 'aet-instances-'));
    const admin = testKey('instances-admin', 'programme-admin');
    const prefix = uniquePrefix(`instances-${kind}`);
    let double: EsdbDouble | undefined;
    let a: ServiceInstance;
    let b: ServiceInstance;
    let watcher: { lease: SharedLease; close(): Promise<void> };

    beforeAll(async () => {
      double = kind === 'esdb' ? await startEsdbDouble() : undefined;
      const store: Record<string, string> = double
        ? { EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: double.connectionString }
        : { EVENT_STORE: 'sqlite', SQLITE_PATH: join(folder, 'events.sqlite'), SQLITE_SYNCHRONOUS: 'NORMAL' };
      const env = (n: number) => ({
        ...store,
        STATE_SQLITE_PATH: join(folder, `state-${n}.sqlite`),
        LOG_LEVEL: 'error',
        SEED_REGISTER_ON_EMPTY_STORE: 'false',
        DEV_API_KEY_ON_EMPTY_STORE: 'false',
        API_KEYS: JSON.stringify([admin.entry]),
        RATE_LIMIT_MAX: '10000000',
        APP_ROLES: 'api,projections,relay',
        KAFKA_BROKERS: brokers.join(','),
        KAFKA_TOPIC_PREFIX: prefix,
      });
      a = await ServiceInstance.create('instance-a', env(1));
      b = await ServiceInstance.create('instance-b', env(2));
      await a.start();
      await b.start();
      rememberCredential(a.url, admin.key);
      rememberCredential(b.url, admin.key);
      watcher = openWatcher(prefix);
    }, 120_000);

    afterAll(async () => {
      a?.signal('SIGCONT');
      b?.signal('SIGCONT');
      await Promise.all([a?.stop(), b?.stop()]);
      await watcher?.close();
      await double?.stop();
      rmSync(folder, { recursive: true, force: true });
    });

    /** The lease as any process of the deployment sees it, read from the store itself. */
    function openWatcher(topicPrefix: string) {
      const options = { name: relayLeaseName(topicPrefix), ttlMs: 10_000 };
      if (double) {
        const client = EventStoreDBClient.connectionString(double.connectionString);
        return { lease: new EsdbSharedLease(client, options), close: () => client.dispose() };
      }
      const store = SqliteEventStore.open({ path: join(folder, 'events.sqlite') });
      return { lease: new SqliteSharedLease(store.db, options), close: () => store.close() };
    }

    const holderPid = async (): Promise<number | undefined> => (await watcher.lease.holder())?.pid;

    it('serves on one instance what was written on the other, once it has folded that far', async () => {
      await launchProgrammeWith(commandClient(a.url), []);
      const first = await getJson<Summary>(b.url, '/v1/spread/summary?minPosition=1');
      expect(first.status).toBe(200);
      let open = first.body.nhsTrusts.openOnDate;
      for (let i = 0; i < 20; i++) {
        const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
        const written = await commandClient(from.url).post(
          'RegisterOrganisation',
          trust(`X${kind[0].toUpperCase()}${i}`),
        );
        expectCreated(written);
        const read = await getJson<Summary>(
          to.url,
          `/v1/spread/summary?minPosition=${String(written.body.position)}`,
        );
        expect(read.status).toBe(200);
        expect(read.body.nhsTrusts.openOnDate).toBe(++open);
      }
    });

    it('lets one relay publish, and moves the lease to the other instance within its TTL when the holder is killed or frozen', async () => {
      await until(
        async () => [a.pid, b.pid].includes(await holderPid()),
        'one instance holds the relay lease',
        30_000,
      );
      const holder = (await holderPid()) === a.pid ? a : b;
      const other = holder === a ? b : a;

      // Killed: on the same host the other instance sees the holder's process is gone.
      let started = Date.now();
      await holder.kill();
      await until(
        async () => (await holderPid()) === other.pid,
        'the other instance holds the lease',
        15_000,
      );
      const afterKill = Date.now() - started;
      await holder.start();

      // Frozen (alive, not renewing): the lease expires after its TTL.
      other.signal('SIGSTOP');
      started = Date.now();
      await until(
        async () => (await holderPid()) === holder.pid,
        'the restarted instance holds the lease',
        15_000,
      );
      const afterFreeze = Date.now() - started;
      other.signal('SIGCONT');

      // The one that froze must not publish once it wakes: every event after this point arrives once.
      const before = await commandClient(holder.url).post(
        'RegisterOrganisation',
        trust(`W${kind[0].toUpperCase()}1`),
      );
      expectCreated(before);
      const later: string[] = [];
      for (let i = 2; i < 12; i++) {
        const reply = await commandClient(i % 2 === 0 ? other.url : holder.url).post(
          'RegisterOrganisation',
          trust(`W${kind[0].toUpperCase()}${i}`),
        );
        expectCreated(reply);
        later.push(...(reply.body.eventIds as string[]));
      }
      const wanted = new Set(later);
      const delivered = await consumeWithKafkajs(brokers, relayTopics(prefix), (messages) =>
        [...wanted].every((id) => messages.some((m) => m.headers['event-id'] === id)),
      );
      const copies = delivered.filter((m) => wanted.has(m.headers['event-id'])).length;
      console.log(
        `relay lease [${kind}]: moved ${afterKill} ms after the holder was killed, ${afterFreeze} ms after it froze; ` +
          `${copies} messages for ${wanted.size} events written after the frozen holder woke`,
      );
      expect(copies).toBe(wanted.size);
      expect(await holderPid()).toBe(holder.pid);
    });
  });
}
