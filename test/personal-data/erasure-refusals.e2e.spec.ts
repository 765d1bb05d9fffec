import { randomUUID } from 'node:crypto';
import {
  CommandClient,
  commandClient,
  expectCreated,
  expectProblem,
  launchProgrammeWith,
  participationOf,
} from '../commands/command-client';
import { rememberCredential, testKey } from '../support/credentials';
import { postCommand } from '../support/http';
import { storeUnderTest } from '../support/store-under-test';
import { startTestApp, TestApp } from '../support/test-app';

const NAME = 'Philippa Quartermaine';

describe(`ErasePersonalData refusals [${storeUnderTest}, real HTTP]`, () => {
  const admin = testKey('refusals-admin', 'programme-admin');
  const analyst = testKey('refusals-analyst', 'analyst');
  const submitter = testKey('refusals-submitter', 'submitter', ['RYX']);
  const sponsorId = randomUUID();
  let t: TestApp;
  let client: CommandClient;

  const auditTrail = (personId: string) => client.events(`personal-data-${personId}`);
  const sponsorName = async () =>
    ((await client.events('participation-always-events-england.RYX'))[1].data.sponsor as { name: string })
      .name;

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS: JSON.stringify([admin.entry, analyst.entry, submitter.entry]) });
    rememberCredential(t.url, admin.key);
    client = commandClient(t.url);
    await launchProgrammeWith(client, ['RYX']);
    const ryx = participationOf(client, 'RYX');
    expectCreated(await ryx.expressInterest());
    expectCreated(
      await ryx.confirmSponsor({ personId: sponsorId, title: 'Chief Nurse', isBoardLevel: true, name: NAME }),
    );
  }, 60_000);
  afterAll(async () => t.close());

  it('refuses a role that may not erase (analyst, submitter) with 403 problem+json, changing nothing', async () => {
    for (const caller of [analyst, submitter]) {
      const reply = await postCommand(
        t.url,
        'ErasePersonalData',
        { personId: sponsorId, reason: 'DPO case 1' },
        { authorization: `Bearer ${caller.key}` },
      );
      expect(reply.status).toBe(403);
      expect(reply.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    }
    expect(await auditTrail(sponsorId)).toEqual([]);
    expect(await sponsorName()).toBe(NAME);
  });

  it('refuses an unknown person with 422 person-unknown naming personId, writing nothing', async () => {
    const stranger = randomUUID();
    const reply = await client.post('ErasePersonalData', { personId: stranger, reason: 'DPO case 2' });

    expectProblem(reply, 422, 'person-unknown');
    expect(reply.body.errors).toEqual([
      expect.objectContaining({ field: 'personId', rule: 'person-unknown' }),
    ]);
    expect(reply.body.detail).toContain(stranger);
    expect(await auditTrail(stranger)).toEqual([]);
  });

  it('refuses a body without a reason or with a malformed personId with 400 naming the field', async () => {
    const noReason = await client.post('ErasePersonalData', { personId: sponsorId });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'reason' })]),
    );
    const badId = await client.post('ErasePersonalData', { personId: 'Philippa', reason: 'DPO case 3' });
    expect(badId.status).toBe(400);
    expect(badId.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'personId' })]),
    );
    expect(await auditTrail(sponsorId)).toEqual([]);
    expect(await sponsorName()).toBe(NAME);
  });

  it('erases once; a second erasure is 409 personal-data-already-erased, and new data for the person 409 person-erased', async () => {
    expectCreated(await client.post('ErasePersonalData', { personId: sponsorId, reason: 'DPO case 4' }));
    expect(await sponsorName()).toBe('[erased]');

    const again = await client.post('ErasePersonalData', {
      personId: sponsorId,
      reason: 'DPO case 4, again',
    });
    expectProblem(again, 409, 'personal-data-already-erased');
    expect(again.body.errors).toEqual([expect.objectContaining({ field: 'personId' })]);
    expect(await auditTrail(sponsorId)).toHaveLength(1);

    const back = await client.post('ChangeExecutiveSponsor', {
      programmeSlug: 'always-events-england',
      odsCode: 'RYX',
      sponsor: { personId: sponsorId, title: 'Director of Nursing', isBoardLevel: true, name: NAME },
      changedOn: '2017-10-01',
    });
    expectProblem(back, 409, 'person-erased');
    expect(back.body.errors).toEqual([expect.objectContaining({ field: 'sponsor.name' })]);
    expect(await client.events('participation-always-events-england.RYX')).toHaveLength(2);
  });
});
