import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Admin } from 'kafkajs';
import { relayTopics } from '../../src/kafka/relay/aggregate-topics';
import {
  CommandClient,
  commandClient,
  expectCreated,
  launchProgrammeWith,
  participationOf,
  participationStream,
  programmeSlug,
} from '../commands/command-client';
import { rememberCredential, testKey } from '../support/credentials';
import { consumeWithKafkajs, describeWithKafka, expectBrokerUp, uniquePrefix } from '../support/kafka-broker';
import { untilRelay } from '../support/relay-health';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';
import { storeBytes } from './store-bytes';

const NAME = 'Philippa Quartermaine';
const LEAD_NAME = 'Oluwaseun Marchetti';

describeWithKafka(
  `erasure of staff personal data end to end [${storeUnderTest}, real HTTP, real Kafka broker]`,
  (brokers) => {
    const sponsorId = randomUUID();
    const leadId = randomUUID();
    const evaluationId = randomUUID();
    const cutId = randomUUID();
    const admin = testKey('erasure-admin', 'programme-admin');
    const prefix = uniquePrefix('erasure');
    const apps: TestApp[] = [];
    let t: TestApp;
    let client: CommandClient;
    let kafka: Admin;

    const start = async (env: Record<string, string>): Promise<TestApp> => {
      const app = await startTestApp({
        LOG_LEVEL: 'error',
        APP_ROLES: 'api,relay',
        KAFKA_BROKERS: brokers.join(','),
        API_KEYS: JSON.stringify([admin.entry]),
        ...env,
      });
      rememberCredential(app.url, admin.key);
      apps.push(app);
      return app;
    };
    const get = async (path: string, accept = 'application/json') => {
      const response = await fetch(`${t.url}${path}`, {
        headers: { authorization: `Bearer ${admin.key}`, accept },
      });
      return { status: response.status, text: await response.text() };
    };
    const json = async <T>(path: string): Promise<T> => JSON.parse((await get(path)).text) as T;
    type Contacts = {
      items: Array<{ sponsor: Record<string, unknown>; localLead: Record<string, unknown> }>;
    };
    const contacts = (minPosition: number) =>
      json<Contacts>(`/v1/participation/contacts?odsCode=RYX&minPosition=${minPosition}`);
    const cutTable = () =>
      json<Contacts & { matchesCut: boolean }>(`/v1/evaluation/data-cuts/${cutId}/read-models/contacts`);
    /** Every message the relay has published so far, read back by an independent consumer. */
    const relayed = async (app: TestApp, topicPrefix: string) => {
      const { published } = await untilRelay(
        app,
        (r) => r.state === 'live' && r.lag === 0,
        'the relay caught up',
      );
      return consumeWithKafkajs(brokers, relayTopics(topicPrefix), published);
    };

    let lastPosition = 0;
    const created = async (reply: ReturnType<CommandClient['post']>) => {
      const result = await reply;
      expect(result.body).toMatchObject({ revision: expect.any(Number) });
      expectCreated(result);
      lastPosition = result.body.position as number;
    };

    beforeAll(async () => {
      kafka = await expectBrokerUp(brokers);
      t = await start({ KAFKA_TOPIC_PREFIX: prefix });
      client = commandClient(t.url);
      await launchProgrammeWith(client, ['RYX']);
      const ryx = participationOf(client, 'RYX');
      await created(ryx.expressInterest());
      await created(
        ryx.confirmSponsor({
          personId: sponsorId,
          title: 'Chief Nurse',
          isBoardLevel: true,
          name: NAME,
        }),
      );
      await created(
        client.post('AppointLocalLead', {
          programmeSlug,
          odsCode: 'RYX',
          lead: { personId: leadId, role: 'QualityImprovementLead', name: LEAD_NAME },
          appointedOn: '2017-09-16',
        }),
      );
      await created(
        client.post('CommissionEvaluation', {
          evaluationId,
          title: 'Evaluation of Always Events spread',
          evaluator: 'Picker Institute Europe',
          commissioner: 'NHS England',
          scope: 'Spread',
          questions: ['How far did Always Events spread?'],
        }),
      );
      await created(client.post('TakeDataCut', { evaluationId, dataCutId: cutId, asOf: '2018-03-31' }));
    }, 120_000);

    afterAll(async () => {
      await Promise.all(apps.map((app) => app.close()));
      await kafka?.disconnect();
    });

    it('before the erasure: the name is shown to the programme team, sealed in the store, withheld on Kafka', async () => {
      const before = await contacts(lastPosition);
      expect(before.items[0].sponsor).toMatchObject({
        personId: sponsorId,
        name: NAME,
        title: 'Chief Nurse',
      });
      expect((await cutTable()).items[0].sponsor).toMatchObject({ name: NAME });
      expect(JSON.stringify(await client.events(participationStream('RYX')))).toContain(NAME);
      expect((await get('/v1/export/events', 'application/x-ndjson')).text).toContain(NAME);

      expect(storeBytes(t).includes(NAME)).toBe(false);
      const messages = await relayed(t, prefix);
      const sponsorMessage = messages.find((m) => m.headers['event-type'] === 'ExecutiveSponsorConfirmed');
      expect(JSON.parse(sponsorMessage!.value!).data.sponsor).toMatchObject({
        personId: sponsorId,
        name: '[withheld]',
        title: '[withheld]',
        isBoardLevel: true,
      });
      expect(messages.some((m) => m.value?.includes(NAME))).toBe(false);
    });

    it('ErasePersonalData: every read model, replay, export, data cut and Kafka message shows [erased]; nothing of the name is left in the store', async () => {
      const erasure = await client.post('ErasePersonalData', {
        personId: sponsorId,
        reason: 'DPO case 2018-04, Art. 17 request',
      });
      expect(erasure.status).toBe(201);
      const position = erasure.body.position as number;

      const after = await contacts(position);
      expect(after.items[0].sponsor).toMatchObject({
        personId: sponsorId,
        name: '[erased]',
        title: '[erased]',
        isBoardLevel: true,
      });
      expect(after.items[0].localLead).toMatchObject({ personId: leadId, name: LEAD_NAME });

      const events = await client.events(participationStream('RYX'));
      expect(events[1].data.sponsor).toMatchObject({
        name: '[erased]',
        title: '[erased]',
      });
      expect(JSON.stringify(events)).not.toContain(NAME);
      expect(JSON.stringify(await client.state(participationStream('RYX')))).not.toContain(NAME);
      const audit = await client.events(`personal-data-${sponsorId}`);
      expect(audit).toEqual([
        expect.objectContaining({
          type: 'PersonalDataErased',
          data: expect.objectContaining({ personId: sponsorId, reason: 'DPO case 2018-04, Art. 17 request' }),
          metadata: expect.objectContaining({ actor: 'erasure-admin', actorRole: 'programme-admin' }),
        }),
      ]);

      const exported = (await get('/v1/export/events', 'application/x-ndjson')).text;
      expect(exported).not.toContain(NAME);
      expect(exported).toContain('"name":"[erased]"');
      const csv = (await get('/v1/participation/contacts', 'text/csv')).text;
      expect(csv).toContain('[erased]');
      expect(csv).not.toContain(NAME);
      expect(
        (await get(`/v1/participation/contacts?asOf=2017-12-31&asKnownAt=${new Date().toISOString()}`)).text,
      ).not.toContain(NAME);

      // The cut taken before the erasure still verifies: its checksums fold personal values masked.
      const table = await cutTable();
      expect(table.items[0].sponsor).toMatchObject({ name: '[erased]' });
      expect(table.matchesCut).toBe(true);
      const verified = await json<{
        match: boolean;
        readModels: Array<{ readModel: string; status: string }>;
      }>(`/v1/evaluation/data-cuts/${cutId}/verify`);
      expect(verified.match).toBe(true);
      expect(verified.readModels.find((r) => r.readModel === 'contacts')).toMatchObject({ status: 'match' });

      // Kafka: the erasure is published for consumers to act on; no message ever carried the name.
      const messages = await relayed(t, prefix);
      const erased = messages.find((m) => m.headers['event-type'] === 'PersonalDataErased');
      expect(erased?.topic).toBe(`${prefix}.personal-data.v1`);
      expect(JSON.parse(erased!.value!).data).toMatchObject({ personId: sponsorId });
      expect(messages.some((m) => m.value?.includes(NAME))).toBe(false);

      // The store: the name was never there in plaintext, and the key is gone.
      const bytes = storeBytes(t);
      expect(bytes.includes(NAME)).toBe(false);
      if (t.double) expect(t.double.log.isTombstoned(`pdkey-${sponsorId}`)).toBe(true);
    });

    it('a relay started after the erasure (a rebuild, a new consumer) publishes [erased] for the person', async () => {
      const second = uniquePrefix('erasure-again');
      const store: Record<string, string> = t.double
        ? { EVENT_STORE: 'esdb', EVENTSTORE_CONNECTION_STRING: t.double.connectionString }
        : { SQLITE_PATH: join(t.folder, 'events.sqlite') };
      const again = await start({ KAFKA_TOPIC_PREFIX: second, APP_ROLES: 'relay', ...store });

      const messages = await relayed(again, second);

      const sponsorMessage = messages.find((m) => m.headers['event-type'] === 'ExecutiveSponsorConfirmed');
      expect(JSON.parse(sponsorMessage!.value!).data.sponsor).toMatchObject({
        name: '[erased]',
        title: '[erased]',
      });
      const leadMessage = messages.find((m) => m.headers['event-type'] === 'LocalLeadAppointed');
      expect(JSON.parse(leadMessage!.value!).data.lead).toMatchObject({
        personId: leadId,
        name: '[withheld]',
      });
    });
  },
);
