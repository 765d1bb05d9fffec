import { startTestApp, TestApp } from '../support/test-app';
import {
  CommandClient,
  commandClient,
  expectCreated,
  expectProblem,
  launchProgrammeWith,
  participationOf,
  programmeSlug,
  readyToEnrol,
} from './command-client';
import { storeUnderTest } from '../support/store-under-test';

const engagementStream = (odsCode: string) => `engagement-${programmeSlug}.${odsCode}`;
const returnFor = (odsCode: string, period: string) => ({
  programmeSlug,
  odsCode,
  period,
  alwaysEventIds: ['6f1e2d3c-4b5a-4697-8876-a5b4c3d2e1f0'],
  measuresReported: 3,
});
const monthlyReturn = (odsCode: string, period: string, submittedOn: string) => ({
  ...returnFor(odsCode, period),
  submittedOn,
});

describe(`programme and engagement commands [${storeUnderTest}, real HTTP]`, () => {
  let t: TestApp;
  let client: CommandClient;

  beforeAll(async () => {
    t = await startTestApp();
    client = commandClient(t.url);
    await launchProgrammeWith(client, ['RYX', 'RV3']);
    expectCreated(await (await readyToEnrol(client, 'RYX')).enrol());
    expectCreated(await participationOf(client, 'RV3').expressInterest());
  });
  afterAll(async () => t.close());

  it('refuses a phase overlapping the open-ended Spread phase', async () => {
    const reply = await client.post('DefinePhase', {
      programmeSlug,
      phaseId: 'toolkit-test',
      name: 'ToolkitTest',
      startDate: '2016-06-01',
      endDate: '2017-02-28',
    });

    expectProblem(reply, 409, 'phases-overlap');
  });

  it('records a late monthly return, business time and recording time apart', async () => {
    const reply = await client.post('SubmitMonthlyReturn', {
      ...monthlyReturn('RYX', '2018-01', '2018-03-05'),
      occurredAt: '2018-03-05T10:00:00Z',
    });

    expectCreated(reply);
    const [event] = await client.events(engagementStream('RYX'));
    expect(event).toMatchObject({
      type: 'MonthlyReturnSubmitted',
      data: { programmeSlug, odsCode: 'RYX', period: '2018-01', submittedOn: '2018-03-05' },
      metadata: { occurredAt: '2018-03-05T10:00:00Z' },
    });
    expect(event.metadata.recordedAt).not.toBe(event.metadata.occurredAt);
  });

  it('refuses a second return for the period, and takes the amendment instead', async () => {
    const again = await client.post('SubmitMonthlyReturn', monthlyReturn('RYX', '2018-01', '2018-03-20'));
    expectProblem(again, 409, 'monthly-return-already-submitted');
    expect(await client.events(engagementStream('RYX'))).toHaveLength(1);

    expectCreated(
      await client.post('AmendMonthlyReturn', {
        ...returnFor('RYX', '2018-01'),
        amendedOn: '2018-03-20',
        measuresReported: 4,
      }),
    );
    const events = await client.events(engagementStream('RYX'));
    expect(events[1]).toMatchObject({
      type: 'MonthlyReturnAmended',
      data: { period: '2018-01', measuresReported: 4, amendmentNumber: 1, submittedOn: '2018-03-05' },
    });
  });

  it('refuses a return for a period that has not begun', async () => {
    const nextYear = new Date().getUTCFullYear() + 1;
    const reply = await client.post(
      'SubmitMonthlyReturn',
      monthlyReturn('RYX', `${nextYear}-01`, '2018-03-05'),
    );

    expectProblem(reply, 422, 'period-in-future');
  });

  it('refuses engagement from an organisation not enrolled, writing nothing', async () => {
    const reply = await client.post('RecordSupportContact', {
      programmeSlug,
      odsCode: 'RV3',
      contactType: 'CoachingCall',
      heldOn: '2018-02-06',
      attendeesCount: 2,
    });

    expectProblem(reply, 409, 'participation-not-enrolled');
    expect(await client.events(engagementStream('RV3'))).toEqual([]);
  });

  it('refuses a period that is not a month', async () => {
    const reply = await client.post('SubmitMonthlyReturn', monthlyReturn('RYX', '2018-13', '2018-03-05'));

    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([expect.objectContaining({ field: 'period', rule: 'matches' })]);
  });
});
