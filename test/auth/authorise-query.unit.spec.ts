import { authoriseQuery } from '../../src/auth/authorise-query';
import { READ_MODEL_ROUTE, ROUTE_POLICIES } from '../../src/auth/policy';
import type { Principal, Role } from '../../src/auth/principal';
import { ProblemException } from '../../src/shared/problem';

const principal = (role: Role, organisations: Principal['organisations'] = '*'): Principal => ({
  id: role,
  role,
  organisations,
  strategy: 'api-key',
});
const resolver = {
  organisationOfStream: async (streamId: string) =>
    streamId.startsWith('organisation-')
      ? { found: true as const, odsCode: streamId.slice(13) }
      : { found: false as const },
};

async function status(who: Principal, policy = READ_MODEL_ROUTE, query = {}, params = {}): Promise<number> {
  const request = { method: 'GET', query, params, routeOptions: { url: '/v1/read-model' } } as never;
  try {
    await authoriseQuery(who, policy, request, resolver);
    return 200;
  } catch (error) {
    return (error as ProblemException).status;
  }
}

/** Read-model routes are added with READ_MODEL_ROUTE; this is what it means for each role. */
describe('read-model routes and knowledge time travel', () => {
  it('lets analysts read now and as of a business date, but not as known at a date or position', async () => {
    expect(await status(principal('analyst'))).toBe(200);
    expect(await status(principal('analyst'), READ_MODEL_ROUTE, { asOf: '2018-03-31' })).toBe(200);
    expect(await status(principal('analyst'), READ_MODEL_ROUTE, { asKnownAt: '2018-04-05' })).toBe(403);
    expect(await status(principal('analyst'), READ_MODEL_ROUTE, { atPosition: '10' })).toBe(403);
  });

  it('lets evaluators and the national team travel in both times', async () => {
    for (const role of ['evaluator', 'programme-admin'] as const) {
      expect(
        await status(principal(role), READ_MODEL_ROUTE, { asOf: '2018-03-31', asKnownAt: '2018-04-05' }),
      ).toBe(200);
    }
  });

  it('keeps submitters and auditors out of read models', async () => {
    expect(await status(principal('submitter', ['RYX']))).toBe(403);
    expect(await status(principal('auditor'))).toBe(403);
  });

  it('scopes stream reads to the organisations of a limited credential', async () => {
    const streams = ROUTE_POLICIES['GET /v1/streams/:streamId'];
    const trust = principal('submitter', ['RYX']);
    expect(await status(trust, streams, {}, { streamId: 'organisation-RYX' })).toBe(200);
    expect(await status(trust, streams, {}, { streamId: 'organisation-RJ1' })).toBe(403);
    expect(await status(trust, streams, {}, { streamId: 'always-event-unknown' })).toBe(403);
  });
});
