import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testKey } from '../support/credentials';
import { describeWithKafka, uniquePrefix } from '../support/kafka-broker';
import { LocalKafkaBroker } from '../support/local-kafka-broker';
import { ServiceProcess, serviceOnFreshStore } from '../support/service-process';

interface Part {
  condition: string;
  state: string;
  broker: string;
  lag: number | string;
}

/** The relay's and the command consumer's parts of /health/ready (ready or not: Kafka never decides it). */
async function kafkaParts(service: ServiceProcess): Promise<{ relay: Part; consumer: Part }> {
  const response = await fetch(`${service.url}/health/ready`);
  const body = (await response.json()) as { details?: Record<string, Part>; checks?: Record<string, Part> };
  const parts = body.details ?? body.checks ?? {};
  return { relay: parts.kafkaRelay, consumer: parts.kafkaCommands };
}

/** Polls until both parts satisfy `ok`, for at most `withinMs` after `since`; says how long it took. */
async function within(
  service: ServiceProcess,
  ok: (parts: { relay: Part; consumer: Part }) => boolean,
  what: string,
  since: number,
  withinMs: number,
): Promise<number> {
  for (;;) {
    const parts = await kafkaParts(service);
    if (ok(parts)) return Date.now() - since;
    if (Date.now() - since > withinMs) {
      throw new Error(`Not ${what} within ${withinMs / 1000} s: ${JSON.stringify(parts)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const warnings = (log: string): Array<{ msg: string; context?: string }> =>
  log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string; context?: string })
    .filter((line) => line.level === 40);

// Stops a broker of its own (KAFKA_OWN_BROKER_PORT, else free ports), so tests sharing KAFKA_BROKERS are not disturbed.
describeWithKafka(
  'the relay and the command consumer report the broker going away and coming back [real Kafka 4.4 broker stopped and started, real entry point]',
  () => {
    const folder = mkdtempSync(join(tmpdir(), 'aet-broker-state-'));
    const admin = testKey('broker-state-admin', 'programme-admin');
    let broker: LocalKafkaBroker;
    let service: ServiceProcess;
    const measured: Record<string, number> = {};

    beforeAll(async () => {
      broker = await LocalKafkaBroker.create();
      await broker.start();
      service = await serviceOnFreshStore(folder, [admin.entry], {
        KAFKA_BROKERS: broker.brokers.join(','),
        KAFKA_TOPIC_PREFIX: uniquePrefix('state'),
        KAFKA_COMMANDS_PRINCIPAL: 'programme-admin:*',
        // After the outage the group waits this long for the member the consumer was before (it could not
        // leave while the broker was down): the shortest the setting allows.
        KAFKA_COMMANDS_SESSION_TIMEOUT_MS: '6000',
        LOG_LEVEL: 'info',
      });
      // The register seeded on the empty store is the fresh broker's first publish.
      await service.start();
    }, 180_000);

    afterAll(async () => {
      await service?.stop();
      await broker?.dispose();
      rmSync(folder, { recursive: true, force: true });
      process.stderr.write(`broker stop/start, seconds until reported: ${JSON.stringify(measured)}\n`);
    }, 60_000);

    it('is live and running, having published the register without a retried-request warning', async () => {
      await within(
        service,
        ({ relay, consumer }) =>
          relay.state === 'live' && relay.lag === 0 && consumer.state === 'running' && consumer.lag === 0,
        'live with nothing left to publish, and consuming',
        Date.now(),
        60_000,
      );
      const parts = await kafkaParts(service);
      expect(parts.relay).toMatchObject({ condition: 'live', broker: 'reachable' });
      expect(parts.consumer).toMatchObject({ condition: 'live', broker: 'reachable' });
      expect(warnings(service.logs.join('')).filter((w) => /does not host/.test(w.msg))).toEqual([]);
    }, 90_000);

    it('says so within 10 s of the broker stopping, while idle', async () => {
      await broker.stop();
      const stoppedAt = Date.now();
      measured.down = await within(
        service,
        ({ relay, consumer }) => relay.state === 'retrying' && consumer.state === 'retrying',
        'both retrying',
        stoppedAt,
        10_000,
      );
      const parts = await kafkaParts(service);
      expect(parts.relay).toMatchObject({ condition: 'failed', broker: 'unreachable' });
      expect(parts.consumer).toMatchObject({ condition: 'failed', broker: 'unreachable' });
      // The outage goes on for a while: it must not fill the log.
      const before = warnings(service.logs.join('')).length;
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      const during = warnings(service.logs.join('')).length - before;
      measured.warningsIn20sOfOutage = during;
      expect(during).toBeLessThan(20);
    }, 60_000);

    it('says so within 10 s of the broker starting again: the relay live, the consumer rejoining, then consuming with no message needed', async () => {
      await broker.start();
      const startedAt = Date.now();
      measured.relayLive = await within(
        service,
        ({ relay }) => relay.state === 'live' && relay.broker === 'reachable',
        'the relay live',
        startedAt,
        10_000,
      );
      measured.consumerBack = await within(
        service,
        ({ consumer }) => ['joining', 'running'].includes(consumer.state) && consumer.broker === 'reachable',
        'the consumer joining its group or running',
        startedAt,
        10_000,
      );
      // The group first waits out the session of the member the consumer was before the outage.
      measured.consumerRunning = await within(
        service,
        ({ consumer }) => consumer.state === 'running' && typeof consumer.lag === 'number',
        'the consumer running with a known lag',
        startedAt,
        6_000 + 10_000,
      );
      const parts = await kafkaParts(service);
      expect(parts.relay).toMatchObject({ condition: 'live', broker: 'reachable' });
      expect(parts.consumer.broker).toBe('reachable');
    }, 60_000);
  },
);
