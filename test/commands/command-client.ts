import { authHeaders } from '../support/credentials';
import { ALL_COMMITMENTS, CHIEF_NURSE } from '../domain/participation/participation-fixtures';

export interface Reply {
  status: number;
  contentType: string;
  body: Record<string, unknown>;
}

export interface StoredEvent {
  type: string;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

export type CommandClient = ReturnType<typeof commandClient>;

let keys = 0;

/** Posts commands and reads streams over real HTTP, each command with an Idempotency-Key of its own. */
export function commandClient(url: string) {
  return {
    async post(name: string, body: object, idempotencyKey = `e2e-${process.pid}-${++keys}`): Promise<Reply> {
      const response = await fetch(`${url}/v1/commands/${name}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': idempotencyKey,
          ...authHeaders(url),
        },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        contentType: response.headers.get('content-type') ?? '',
        body: (await response.json()) as Record<string, unknown>,
      };
    },

    async events(streamId: string): Promise<StoredEvent[]> {
      const response = await fetch(`${url}/v1/streams/${streamId}/events`, { headers: authHeaders(url) });
      const body = (await response.json()) as { events: StoredEvent[] };
      return body.events;
    },

    async state(streamId: string): Promise<Record<string, unknown>> {
      const response = await fetch(`${url}/v1/streams/${streamId}`, { headers: authHeaders(url) });
      return ((await response.json()) as { state: Record<string, unknown> }).state;
    },
  };
}

/** A refusal is RFC 9457 problem+json with the status and the rule it names. */
export function expectProblem(reply: Reply, status: number, rule: string): void {
  expect({ status: reply.status, rule: reply.body.rule }).toEqual({ status, rule });
  expect(reply.contentType).toMatch(/^application\/problem\+json/);
}

export function expectCreated(reply: Reply): void {
  expect({ status: reply.status, body: reply.body }).toMatchObject({ status: 201 });
}

export const programmeSlug = 'always-events-england';
export const participationStream = (odsCode: string) => `participation-${programmeSlug}.${odsCode}`;
export const ENROLMENT = { enrolledOn: '2017-10-01', phaseId: 'spread', enrolmentRoute: 'Direct' };

/** The programme launched with an open-ended Spread phase from 2017, and these trusts registered. */
export async function launchProgrammeWith(client: CommandClient, odsCodes: string[]): Promise<void> {
  for (const odsCode of odsCodes) {
    expectCreated(
      await client.post('RegisterOrganisation', {
        odsCode,
        name: `NHS trust ${odsCode}`,
        type: 'AcuteTrust',
        regionCode: 'Y56',
        isNhsTrust: true,
        openDate: '2005-04-01',
      }),
    );
  }
  expectCreated(
    await client.post('LaunchProgramme', {
      programmeSlug,
      name: 'Always Events England',
      sponsors: ['NHS England', 'Institute for Healthcare Improvement', 'Picker Institute Europe'],
      startDate: '2015-01-01',
    }),
  );
  expectCreated(
    await client.post('DefinePhase', {
      programmeSlug,
      phaseId: 'spread',
      name: 'Spread',
      startDate: '2017-01-01',
    }),
  );
}

/** Each participation command for one organisation, with plausible 2017 dates. */
export function participationOf(client: CommandClient, odsCode: string) {
  return {
    expressInterest: () =>
      client.post('ExpressInterest', { programmeSlug, odsCode, expressedOn: '2017-09-01' }),
    confirmSponsor: (sponsor: object) =>
      client.post('ConfirmExecutiveSponsor', { programmeSlug, odsCode, sponsor, confirmedOn: '2017-09-15' }),
    changeSponsor: (sponsor: object) =>
      client.post('ChangeExecutiveSponsor', { programmeSlug, odsCode, sponsor, changedOn: '2017-09-18' }),
    sign: (commitments: object) =>
      client.post('SignParticipationCommitment', {
        programmeSlug,
        odsCode,
        commitments,
        signedOn: '2017-09-20',
      }),
    enrol: (idempotencyKey?: string) =>
      client.post('EnrolOrganisation', { programmeSlug, odsCode, ...ENROLMENT }, idempotencyKey),
  };
}

/** Interest, a Board-level sponsor and every commitment: the organisation may now enrol. */
export async function readyToEnrol(client: CommandClient, odsCode: string) {
  const participation = participationOf(client, odsCode);
  expectCreated(await participation.expressInterest());
  expectCreated(await participation.confirmSponsor(CHIEF_NURSE));
  expectCreated(await participation.sign(ALL_COMMITMENTS));
  return participation;
}
