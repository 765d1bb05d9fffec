import { ALL_COMMITMENTS, CHIEF_NURSE } from '../domain/participation/participation-fixtures';
import { startTestApp, TestApp } from '../support/test-app';
import { apiKeysEnv, IN_SCOPE, KEYS, OUT_OF_SCOPE, PROGRAMME, send, trustBody } from './matrix-support';

const admin = KEYS['programme-admin'].key;
const submitter = KEYS.submitter.key;

interface StoredEvent {
  type: string;
  metadata: Record<string, unknown>;
}

/** A trust's system with a real participation journey: its own organisation only, and every event says who did it. */
describe('a submitter writes for its own organisation only [real HTTP]', () => {
  let t: TestApp;
  let keys = 0;

  const post = async (name: string, body: object, key: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${t.url}/v1/commands/${name}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${key}`,
        'idempotency-key': `scope-${++keys}`,
        ...headers,
      },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const events = async (streamId: string, key = admin) => {
    const reply = await send(t.url, { method: 'GET', path: `/v1/streams/${streamId}/events` }, key);
    return {
      status: reply.status,
      events: reply.status === 200 ? (JSON.parse(reply.text) as { events: StoredEvent[] }).events : [],
    };
  };
  const participation = (odsCode: string) => `participation-${PROGRAMME}.${odsCode}`;
  const steps = (odsCode: string): Array<[string, object]> => [
    ['ExpressInterest', { programmeSlug: PROGRAMME, odsCode, expressedOn: '2017-09-01' }],
    [
      'ConfirmExecutiveSponsor',
      { programmeSlug: PROGRAMME, odsCode, sponsor: CHIEF_NURSE, confirmedOn: '2017-09-15' },
    ],
    [
      'SignParticipationCommitment',
      { programmeSlug: PROGRAMME, odsCode, commitments: ALL_COMMITMENTS, signedOn: '2017-09-20' },
    ],
  ];
  const enrolment = (odsCode: string) => ({
    programmeSlug: PROGRAMME,
    odsCode,
    enrolledOn: '2017-10-01',
    phaseId: 'spread',
    enrolmentRoute: 'Direct',
  });

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS: apiKeysEnv(), CLIENT_IP_HASH_SALT: 'matrix-salt-0123456789' });
    for (const odsCode of [IN_SCOPE, OUT_OF_SCOPE]) {
      const registered = await post('RegisterOrganisation', trustBody(odsCode), admin);
      expect(registered.status).toBe(201);
    }
    expect(
      (
        await post(
          'LaunchProgramme',
          {
            programmeSlug: PROGRAMME,
            name: 'Always Events England',
            sponsors: ['NHS England'],
            startDate: '2015-01-01',
          },
          admin,
        )
      ).status,
    ).toBe(201);
    expect(
      (
        await post(
          'DefinePhase',
          { programmeSlug: PROGRAMME, phaseId: 'spread', name: 'Spread', startDate: '2017-01-01' },
          admin,
        )
      ).status,
    ).toBe(201);
  });
  afterAll(async () => t.close());

  it('runs its own steps, and not one of the same steps for another organisation', async () => {
    for (const [name, body] of steps(IN_SCOPE)) {
      expect({ name, status: (await post(name, body, submitter)).status }).toEqual({ name, status: 201 });
    }
    for (const [name, body] of steps(OUT_OF_SCOPE)) {
      const refused = await post(name, body, submitter);
      expect({ name, status: refused.status, type: refused.body.type }).toEqual({
        name,
        status: 403,
        type: 'urn:always-events:problem:forbidden',
      });
    }
    expect((await events(participation(OUT_OF_SCOPE))).events).toEqual([]);
    // The same bodies are valid: the national team may run them.
    for (const [name, body] of steps(OUT_OF_SCOPE)) {
      expect({ name, status: (await post(name, body, admin)).status }).toEqual({ name, status: 201 });
    }
  });

  it('leaves enrolment, a programme decision, to the national team', async () => {
    const refused = await post('EnrolOrganisation', enrolment(IN_SCOPE), submitter);
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toBe('The role submitter may not run EnrolOrganisation');
    expect((await post('EnrolOrganisation', enrolment(IN_SCOPE), admin)).status).toBe(201);
  });

  it('reads the state of its own streams only, and no stream events', async () => {
    expect(
      (await send(t.url, { method: 'GET', path: `/v1/streams/${participation(IN_SCOPE)}` }, submitter))
        .status,
    ).toBe(200);
    expect(
      (await send(t.url, { method: 'GET', path: `/v1/streams/${participation(OUT_OF_SCOPE)}` }, submitter))
        .status,
    ).toBe(403);
    expect(
      (await send(t.url, { method: 'GET', path: `/v1/streams/programme-${PROGRAMME}` }, submitter)).status,
    ).toBe(403);
    expect((await events(participation(IN_SCOPE), submitter)).status).toBe(403);
  });

  it('records who wrote each event, from where, and why, for the auditor', async () => {
    const written = await post(
      'AppointLocalLead',
      {
        programmeSlug: PROGRAMME,
        odsCode: IN_SCOPE,
        lead: { personId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', role: 'QualityImprovementLead' },
        appointedOn: '2017-10-02',
      },
      submitter,
      {
        'x-source-system': 'trust-qi-platform',
        'x-correlation-id': 'audit-corr-1',
        'idempotency-key': 'audit-key-1',
      },
    );
    expect(written.status).toBe(201);
    const audit = await events(participation(IN_SCOPE), KEYS.auditor.key);
    expect(audit.status).toBe(200);
    const last = audit.events[audit.events.length - 1];
    expect(last.metadata).toMatchObject({
      actor: KEYS.submitter.entry.id,
      actorRole: 'submitter',
      authStrategy: 'api-key',
      sourceSystem: 'trust-qi-platform',
      correlationId: 'audit-corr-1',
      causationId: 'audit-key-1',
      clientIpHash: expect.stringMatching(/^sha256:[0-9a-f]{64}$/),
    });
    expect(JSON.stringify(audit.events)).not.toMatch(/127\.0\.0\.1|::1|::ffff/);
    expect(audit.events[0].metadata).toMatchObject({
      actor: KEYS.submitter.entry.id,
      clientIpHash: last.metadata.clientIpHash,
    });
    expect((await events(participation(IN_SCOPE), KEYS.analyst.key)).status).toBe(403);
  });
});
