/**
 * Kafka command consumer benchmark (issue "Kafka in and out", phase 2),
 * against the local broker: RecordMeasurement commands/s from a backlog on
 * the commands topic (consumed, run, answered on the results topic, offsets
 * committed), next to the same kind of commands sent over HTTP to the same
 * app in the same run (3 in flight, as the consumer's 3 partitions).
 * Without a broker it writes that, and no figures.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { createApp } from '../src/app.factory';
import { loadConfig } from '../src/config/load-config';
import { KafkaCommandConsumer } from '../src/kafka/commands/kafka-command-consumer';
import { commandsTopic } from '../src/kafka/commands/command-topics';
import { benchBrokers, brokerAnswers } from './support/kafka-broker';
import { fmt, table, writeSection } from './support/results';

const quick = process.argv.includes('--quick');
const COMMANDS = quick ? 2_000 : 20_000;
const PERIODS = 100;
const IN_FLIGHT = 3;
const brokers = benchBrokers();
const programmeSlug = 'always-events-england';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Monthly periods from the month after initiation (2017-10), never in the future. */
const period = (i: number): string => {
  const month = 10 + (i % PERIODS);
  return `${2017 + Math.floor((month - 1) / 12)}-${String(((month - 1) % 12) + 1).padStart(2, '0')}`;
};

const measurement = (measureId: string, i: number) => ({
  measureId,
  period: period(i),
  unitId: 'home',
  numerator: i % 20,
  denominator: 20,
});

/** Posts one command over HTTP; throws unless it was accepted. */
function poster(url: string, key: string) {
  let n = 0;
  return async (name: string, body: object): Promise<void> => {
    const response = await fetch(`${url}/v1/commands/${name}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${key}`,
        'content-type': 'application/json',
        'idempotency-key': `bench-${++n}`,
      },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`${name}: ${response.status} ${await response.text()}`);
  };
}

/** An enrolled organisation with an Always Event and `count` monthly measures on its home unit. */
async function setUp(post: ReturnType<typeof poster>, count: number): Promise<string[]> {
  const odsCode = 'RBX';
  const alwaysEventId = randomUUID();
  const dated = (date: string) => ({ occurredAt: `${date}T09:00:00Z` });
  await post('RegisterOrganisation', {
    odsCode,
    name: 'Bench NHS Trust',
    type: 'AcuteTrust',
    regionCode: 'Y56',
    isNhsTrust: true,
    openDate: '2005-04-01',
  });
  await post('LaunchProgramme', {
    programmeSlug,
    name: 'Always Events England',
    sponsors: ['NHS England'],
    startDate: '2015-01-01',
  });
  await post('DefinePhase', { programmeSlug, phaseId: 'spread', name: 'Spread', startDate: '2017-01-01' });
  await post('ExpressInterest', { programmeSlug, odsCode, expressedOn: '2017-09-01' });
  const sponsor = { personId: randomUUID(), title: 'Chief Nurse', isBoardLevel: true };
  await post('ConfirmExecutiveSponsor', { programmeSlug, odsCode, sponsor, confirmedOn: '2017-09-15' });
  const commitments = {
    monthlyDataReporting: true,
    attendCalls: true,
    patientEngagement: true,
    teamInPlace: true,
    activeTesting: true,
    shareLearning: true,
  };
  await post('SignParticipationCommitment', { programmeSlug, odsCode, commitments, signedOn: '2017-09-20' });
  await post('EnrolOrganisation', {
    programmeSlug,
    odsCode,
    enrolledOn: '2017-10-01',
    phaseId: 'spread',
    enrolmentRoute: 'Direct',
  });
  await post('InitiateAlwaysEvent', {
    alwaysEventId,
    programmeSlug,
    odsCode,
    homeUnit: { unitId: 'home', name: 'Ward 7', setting: 'AcuteInpatient' },
    population: 'Patients on Ward 7',
    ...dated('2017-10-02'),
  });
  const measures = Array.from({ length: count }, () => randomUUID());
  for (const [i, measureId] of measures.entries()) {
    await post('DefineMeasure', {
      measureId,
      alwaysEventId,
      role: 'Process',
      name: `Process measure ${i}`,
      operationalDefinition: 'Monthly audit',
      numeratorDefinition: 'Met',
      denominatorDefinition: 'Audited',
      dataSource: 'Audit',
      frequency: 'Monthly',
      targetPct: 90,
      improvementDirection: 'increase',
      ...dated('2017-10-02'),
    });
  }
  return measures;
}

async function kafkaRate(
  consumer: KafkaCommandConsumer,
  prefix: string,
  measures: string[],
): Promise<number> {
  const producer = new Kafka({ brokers, clientId: 'bench-upstream', logLevel: logLevel.NOTHING }).producer();
  await producer.connect();
  for (let i = 0; i < COMMANDS; i += 1_000) {
    await producer.send({
      topic: commandsTopic(prefix),
      acks: -1,
      messages: Array.from({ length: Math.min(1_000, COMMANDS - i) }, (_, k) => {
        const n = i + k;
        const payload = measurement(measures[Math.floor(n / PERIODS)], n);
        return {
          key: `m-${n}`,
          value: JSON.stringify({ commandId: `kafka-${n}`, command: 'RecordMeasurement', payload }),
        };
      }),
    });
  }
  await producer.disconnect();
  const done = () => {
    const { accepted, replayed, rejected, dlq } = consumer.status().consumed;
    return accepted + replayed + rejected + dlq;
  };
  const before = done();
  consumer.start();
  const started = Date.now();
  while (done() - before < COMMANDS) await sleep(5);
  const rate = (COMMANDS / (Date.now() - started)) * 1_000;
  const { accepted } = consumer.status().consumed;
  if (accepted < COMMANDS) throw new Error(`Only ${accepted} of ${COMMANDS} Kafka commands accepted`);
  return rate;
}

async function httpRate(post: ReturnType<typeof poster>, measures: string[]): Promise<number> {
  let next = 0;
  const started = Date.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let n = next++; n < COMMANDS; n = next++) {
        await post('RecordMeasurement', measurement(measures[Math.floor(n / PERIODS)], n));
      }
    }),
  );
  return (COMMANDS / (Date.now() - started)) * 1_000;
}

export async function runKafkaCommandsBench(): Promise<void> {
  const title = `## Kafka command consumer — \`npm run bench:kafka-commands\`${quick ? ' (quick)' : ''}`;
  if (!(await brokerAnswers(brokers))) {
    const why = `Not run: no Kafka broker answered at ${brokers.join(',')}. Start one with \`scripts/kafka-local.sh start\` (or set \`KAFKA_BROKERS\`) and run again; no figures were measured.`;
    console.log(why);
    writeSection('kafka-commands', `${title}\n\n${why}`);
    return;
  }
  const folder = mkdtempSync(join(tmpdir(), 'aet-bench-commands-'));
  const prefix = `bench-commands-${Date.now().toString(36)}`;
  const key = `aek_${randomUUID().replace(/-/g, '')}${randomUUID().replace(/-/g, '')}`;
  const load = loadavg()[0];
  const app = await createApp(
    loadConfig({
      LOG_LEVEL: 'error',
      SEED_REGISTER_ON_EMPTY_STORE: 'false',
      SQLITE_PATH: join(folder, 'events.sqlite'),
      STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
      SQLITE_SYNCHRONOUS: 'NORMAL',
      APP_ROLES: 'api',
      RATE_LIMIT_MAX: '1000000',
      API_KEYS: JSON.stringify([
        {
          id: 'bench',
          role: 'programme-admin',
          organisations: '*',
          hash: `sha256:${createHash('sha256').update(key).digest('hex')}`,
        },
      ]),
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_COMMANDS_PRINCIPAL: 'programme-admin:*',
    }),
  );
  try {
    await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
    const consumer = app.get(KafkaCommandConsumer);
    while (consumer.status().state !== 'running') await sleep(50);
    // The backlog is sent while the consumer is stopped, so only its consumption is timed.
    await consumer.stop();
    const post = poster(url, key);
    const measures = await setUp(post, (2 * COMMANDS) / PERIODS);
    console.log(`set up: ${measures.length} measures`);
    const kafka = await kafkaRate(consumer, prefix, measures.slice(0, COMMANDS / PERIODS));
    console.log(`Kafka: ${fmt(kafka)} commands/s`);
    const http = await httpRate(post, measures.slice(COMMANDS / PERIODS));
    console.log(`HTTP: ${fmt(http)} commands/s`);
    writeSection(
      'kafka-commands',
      `${title}\n\n` +
        `One app (embedded SQLite store, \`SQLITE_SYNCHRONOUS=NORMAL\`) and the local broker (Kafka 4.4.0, 3 partitions) on the same machine; load average ${load.toFixed(1)} when the run began. ` +
        `Kafka: a backlog of ${fmt(COMMANDS)} \`RecordMeasurement\` messages (${fmt(COMMANDS / PERIODS)} measures × ${PERIODS} months) produced while the consumer was stopped, then timed from its start until every one was run, answered on the results topic (acks=all) and counted; offsets commit after each answer. ` +
        `HTTP: ${fmt(COMMANDS)} more of the same commands (other measures, so the streams are the same size) posted to the same app with ${IN_FLIGHT} requests in flight, each answered 201. Both go through the same validation, authorisation and CommandBus.\n\n` +
        table(
          ['measure', 'Kafka consumer', 'HTTP (3 in flight)', 'Kafka / HTTP'],
          [[`RecordMeasurement commands/s (${fmt(COMMANDS)})`, fmt(kafka), fmt(http), fmt(kafka / http, 2)]],
        ),
    );
  } finally {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runKafkaCommandsBench();
}
