import { EsdbDouble, startEsdbDouble } from '../support/esdb-double';
import { getJson, postCommand, Problem } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';
import { until } from '../support/until';

/*
 * Runs only in the EventStoreDB e2e project (the `.esdb.e2e` name): the app's
 * real @eventstore/db-client talks to a wire double this test stops while a
 * command's append is in flight, once before the double writes it and once
 * after (the write done, the answer lost).
 */
const registration = (odsCode: string) => ({
  odsCode,
  name: `Lost Connection Trust ${odsCode}`,
  type: 'AcuteTrust',
  regionCode: 'Y56',
  isNhsTrust: true,
  openDate: '2001-04-01',
});

describe('a command whose EventStoreDB connection drops mid-append [esdb: @eventstore/db-client → gRPC wire double, real HTTP]', () => {
  let double: EsdbDouble;
  let t: TestApp;
  beforeAll(async () => {
    double = await startEsdbDouble();
    t = await startTestApp({
      EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: double.connectionString,
      EVENTSTORE_RECONNECT_MIN_MS: '20',
      EVENTSTORE_RECONNECT_MAX_MS: '200',
      // The adapter's reconnect warnings are expected here.
      LOG_LEVEL: 'error',
    });
  });
  afterAll(async () => {
    await t.close();
    await double.stop();
  });

  const events = async (odsCode: string) =>
    (
      await getJson<{ events: Array<{ id: string; type: string }> }>(
        t.url,
        `/v1/streams/organisation-${odsCode}/events`,
      )
    ).body.events;

  const ready = async () => (await fetch(`${t.url}/health/ready`)).status === 200;

  for (const [stall, odsCode] of [
    ['before-write', 'RL1'],
    ['after-write', 'RL2'],
  ] as const) {
    it(`answers 503 problem+json when it drops ${stall === 'before-write' ? 'before' : 'after'} the write, and the retry with the same key writes the event once`, async () => {
      const headers = { 'idempotency-key': `lost-${stall}` };
      const before = double.appendCount;
      const inFlight = postCommand<Problem>(t.url, 'RegisterOrganisation', registration(odsCode), headers);
      // A keyed command appends twice on EventStoreDB: its key's claim, then its events. The claim
      // goes through; the connection drops on the events' append.
      await double.appendsReceived(before + 1);
      double.faults.stall = stall;
      await Promise.race([
        double.appendsReceived(before + 2),
        inFlight.then((r) => {
          throw new Error(
            `answered ${r.status} before its append reached the store: ${JSON.stringify(r.body)}`,
          );
        }),
      ]);
      await double.stop();
      const refused = await inFlight;
      expect(refused.status).toBe(503);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(refused.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(refused.body).toMatchObject({
        type: 'urn:always-events:problem:event-store-unavailable',
        status: 503,
      });

      await double.restart();
      await until(ready, '/health/ready answers 200 again');
      const retried = await postCommand<{ eventIds: string[]; replayed: boolean }>(
        t.url,
        'RegisterOrganisation',
        registration(odsCode),
        headers,
      );
      // Before the write nothing was stored, so the retry writes; after it, the retry finds its own event.
      expect(retried.status).toBe(stall === 'before-write' ? 201 : 200);
      const again = await postCommand<{ eventIds: string[]; replayed: boolean }>(
        t.url,
        'RegisterOrganisation',
        registration(odsCode),
        headers,
      );
      expect(again.status).toBe(200);
      expect(again.body.eventIds).toEqual(retried.body.eventIds);
      const stored = await events(odsCode);
      expect(stored.map((e) => e.type)).toEqual(['OrganisationRegistered']);
      expect(stored[0].id).toBe(retried.body.eventIds[0]);
    });
  }
});
