import { startTestApp, TestApp } from '../support/test-app';
import {
  ALL_COMMITMENTS,
  CHIEF_NURSE,
  HEAD_OF_EXPERIENCE,
} from '../domain/participation/participation-fixtures';
import {
  CommandClient,
  commandClient,
  ENROLMENT,
  expectCreated,
  expectProblem,
  launchProgrammeWith,
  participationOf,
  participationStream as stream,
  programmeSlug,
  readyToEnrol,
} from './command-client';
import { storeUnderTest } from '../support/store-under-test';

describe(`participation commands [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let client: CommandClient;

  beforeAll(async () => {
    t = await startTestApp();
    client = commandClient(t.url);
    await launchProgrammeWith(client, ['RYX', 'RV3', 'RKL']);
  });
  afterAll(async () => t.close());

  it('walks a participation from interest to OrganisationEnrolled, with senior support', async () => {
    const enrolled = await (await readyToEnrol(client, 'RYX')).enrol();

    expect(enrolled.status).toBe(201);
    expect(enrolled.body).toMatchObject({ streamId: stream('RYX'), revision: 3, replayed: false });
    const events = await client.events(stream('RYX'));
    expect(events.map((event) => event.type)).toEqual([
      'InterestExpressed',
      'ExecutiveSponsorConfirmed',
      'ParticipationCommitmentSigned',
      'OrganisationEnrolled',
    ]);
    expect(events[3].data).toEqual({
      programmeSlug,
      odsCode: 'RYX',
      ...ENROLMENT,
      cohortId: null,
      sponsorPersonId: CHIEF_NURSE.personId,
      sponsorIsBoardLevel: true,
      seniorSupport: true,
    });
    expect(events[3].metadata).toMatchObject({ schemaVersion: 1, commandName: 'EnrolOrganisation' });
    expect(await client.state(stream('RYX'))).toMatchObject({ status: 'enrolled', seniorSupport: true });
  });

  it('refuses an ODS code not in the register with 422 naming odsCode, writing nothing', async () => {
    const reply = await participationOf(client, 'ZZZ99').expressInterest();

    expectProblem(reply, 422, 'organisation-not-registered');
    expect(reply.body.errors).toEqual([expect.objectContaining({ field: 'odsCode' })]);
    expect(await client.events(stream('ZZZ99'))).toEqual([]);
  });

  it('takes no personal detail of a sponsor beyond the (sealed, erasable) name: anything else is an unknown field', async () => {
    const reply = await participationOf(client, 'RV3').confirmSponsor({
      ...CHIEF_NURSE,
      name: 'A. Person',
      pronouns: 'they/them',
    });

    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([
      expect.objectContaining({ field: 'sponsor.pronouns', rule: 'unknown-field' }),
    ]);
  });

  it('refuses enrolment below Board level, with a partial commitment, and twice; never writing a partial result', async () => {
    const rv3 = participationOf(client, 'RV3');
    const count = async () => (await client.events(stream('RV3'))).length;
    expectCreated(await rv3.expressInterest());
    expectCreated(await rv3.confirmSponsor(HEAD_OF_EXPERIENCE));
    expectCreated(await rv3.sign({ ...ALL_COMMITMENTS, monthlyDataReporting: false }));

    expectProblem(await rv3.enrol(), 409, 'executive-sponsor-not-board-level');
    expect(await count()).toBe(3);

    expectCreated(await rv3.changeSponsor(CHIEF_NURSE));
    expectProblem(await rv3.enrol(), 409, 'participation-commitment-incomplete');
    expect(await count()).toBe(4);

    expectCreated(await rv3.sign(ALL_COMMITMENTS));
    expectCreated(await rv3.enrol());
    expectProblem(await rv3.enrol(), 409, 'organisation-already-enrolled');
    expect(await count()).toBe(6);
  });

  it('enrols exactly once under 50 concurrent EnrolOrganisation requests', async () => {
    const rkl = await readyToEnrol(client, 'RKL');

    const replies = await Promise.all(
      Array.from({ length: 50 }, (_, i) => rkl.enrol(`enrol-rkl-${process.pid}-${i}`)),
    );

    const statuses = replies.map((reply) => reply.status);
    expect(statuses.filter((status) => status === 201)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    for (const refused of replies.filter((reply) => reply.status === 409)) {
      expectProblem(refused, 409, 'organisation-already-enrolled');
    }
    const events = await client.events(stream('RKL'));
    expect(events.filter((event) => event.type === 'OrganisationEnrolled')).toHaveLength(1);
    expect(events).toHaveLength(4);
  });
});
