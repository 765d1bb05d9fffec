import { randomUUID } from 'node:crypto';
import { saltedHash } from '../../src/personal-data/redaction/redact-fields';
import {
  CommandClient,
  commandClient,
  expectCreated,
  launchProgrammeWith,
  programmeSlug,
} from '../commands/command-client';
import { rememberCredential, testKey } from '../support/credentials';
import { postJson } from '../support/http';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';
import { storeBytes } from './store-bytes';

/** A patient's name that got past screening into a free-text field. */
const PATIENT = 'Edna Blythe-Warrington';
const stream = `programme-${programmeSlug}`;

describe(`redaction of data that should never have been written [${storeUnderTest}, real HTTP]`, () => {
  const admin = testKey('redaction-admin', 'programme-admin');
  const analyst = testKey('redaction-analyst', 'analyst');
  let t: TestApp;
  let client: CommandClient;
  let cohortEventId: string;

  const redact = (body: Record<string, unknown>, key = admin.key) =>
    postJson<Record<string, unknown>>(
      t.url,
      '/v1/admin/redactions',
      {
        redactionId: randomUUID(),
        streamId: stream,
        eventId: cohortEventId,
        reason: 'IG incident 2018-031',
        ...body,
      },
      { authorization: `Bearer ${key}` },
    );
  const cohortEvent = async () => (await client.events(stream)).find((e) => e.type === 'CohortScheduled')!;

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS: JSON.stringify([admin.entry, analyst.entry]) });
    rememberCredential(t.url, admin.key);
    client = commandClient(t.url);
    await launchProgrammeWith(client, []);
    const scheduled = await client.post('ScheduleCohort', {
      programmeSlug,
      cohortId: 'cohort-3',
      phaseId: 'spread',
      name: 'Cohort 3',
      plannedLaunchDate: '2017-11-01',
      location: `Ward 7, where ${PATIENT} told her story`,
    });
    expectCreated(scheduled);
    cohortEventId = (scheduled.body.eventIds as string[])[0];
    expect(storeBytes(t).includes(PATIENT)).toBe(true);
  }, 60_000);
  afterAll(async () => t.close());

  it('refuses a role that may not (403), an unknown event (404), a field not in the event (422) or not text (422), changing nothing', async () => {
    expect((await redact({ fields: ['location'] }, analyst.key)).status).toBe(403);
    const unknown = await redact({ eventId: randomUUID(), fields: ['location'] });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ type: 'urn:always-events:problem:event-not-found' });
    const missing = await redact({ fields: ['location', 'venue'] });
    expect(missing.status).toBe(422);
    expect(missing.body.errors).toEqual([
      expect.objectContaining({ field: 'fields (venue)', rule: 'field-not-found' }),
    ]);
    expect((await redact({ fields: ['plannedLaunchDate.0'] })).status).toBe(422);
    const notPath = await redact({ fields: ['$where'] });
    expect(notPath.status).toBe(400);
    expect((await cohortEvent()).data.location).toContain(PATIENT);
    expect(await client.events(`personal-data-redaction-${cohortEventId}`)).toEqual([]);
  });

  it('removes the text from the store, records who, why and a salted hash of it, and rebuilds the read models that fold it', async () => {
    const redactionId = randomUUID();
    const reply = await redact({ redactionId, fields: ['location'] });

    expect(reply.status).toBe(201);
    const body = reply.body as {
      audit: Record<string, unknown>;
      auditStreamId: string;
      position: number;
      salt: string;
      readModelsRebuilt: string[];
      leftBehind: string[];
    };
    expect(body.readModelsRebuilt).toContain('spread');
    expect(body.leftBehind.length).toBeGreaterThan(0);
    expect(body.audit.removedSha256).toBe(
      saltedHash({ location: `Ward 7, where ${PATIENT} told her story` }, body.salt),
    );
    const [audit] = await client.events(body.auditStreamId);
    expect(audit).toMatchObject({
      type: 'EventFieldsRedacted',
      data: {
        redactionId,
        streamId: stream,
        eventId: cohortEventId,
        eventType: 'CohortScheduled',
        fields: ['location'],
        reason: 'IG incident 2018-031',
        method: t.double ? 'copy-and-truncate' : 'in-place',
      },
      metadata: { actor: 'redaction-admin', actorRole: 'programme-admin' },
    });
    expect(JSON.stringify(audit)).not.toContain(PATIENT);
    expect(JSON.stringify(audit)).not.toContain(body.salt);

    const corrected = await cohortEvent();
    expect(corrected.data).toMatchObject({ cohortId: 'cohort-3', name: 'Cohort 3', location: '[redacted]' });
    const exported = async () =>
      (
        await fetch(`${t.url}/v1/export/events`, { headers: { authorization: `Bearer ${admin.key}` } })
      ).text();

    if (t.double) {
      // EventStoreDB: the stream now starts after the originals, which $all and the files keep until a scavenge.
      const events = await client.events(stream);
      expect(events.map((e) => e.type)).toEqual([
        'ProgrammeLaunched',
        'ProgrammePhaseDefined',
        'CohortScheduled',
      ]);
      expect(t.double.log.truncateBefore(stream)).toBe(3);
      expect(await exported()).toContain(PATIENT);
      expect(storeBytes(t).includes(PATIENT)).toBe(true);
      expect(t.double.log.scavenge()).toBe(3);
    }
    expect(await exported()).not.toContain(PATIENT);
    expect(storeBytes(t).includes(PATIENT)).toBe(false);

    // The read model rebuilt from the corrected log is served again.
    const summary = await fetch(`${t.url}/v1/spread/summary?minPosition=${body.position}`, {
      headers: { authorization: `Bearer ${admin.key}` },
    });
    expect(summary.status).toBe(200);
  });

  it('refuses to redact the same field twice (409), and a retry of a recorded redaction (409)', async () => {
    const redactionId = randomUUID();
    expect((await redact({ redactionId, fields: ['name'] })).status).toBe(201);
    const retried = await redact({ redactionId, fields: ['location', 'programmeSlug'] });
    expect(retried.status).toBe(409);
    expect(retried.body).toMatchObject({ type: 'urn:always-events:problem:redaction-already-recorded' });
    expect((await cohortEvent()).data.programmeSlug).toBe(programmeSlug);

    const twice = await redact({ fields: ['location'] });
    expect(twice.status).toBe(409);
    expect(twice.body).toMatchObject({ rule: 'field-already-redacted' });
  });
});
