import { ROUTE_POLICIES, routePolicy } from '../../src/auth/policy';

/** Like /docs, the dashboard's page and assets are public: they hold no data, and the page asks for a credential. */
describe('the dashboard in the access policy', () => {
  it('makes the page and its assets public, for GET and HEAD', () => {
    for (const method of ['GET', 'HEAD']) {
      expect(routePolicy(method, '/')).toEqual({ public: true });
      expect(routePolicy(method, '/assets/*')).toEqual({ public: true });
    }
  });

  it('opens nothing else: every other public route is health or documentation', () => {
    const open = Object.entries(ROUTE_POLICIES)
      .filter(([, policy]) => policy.public)
      .map(([key]) => key);
    expect(open.sort()).toEqual(['GET /', 'GET /assets/*', 'GET /health/live', 'GET /health/ready']);
    expect(routePolicy('POST', '/')).toBeUndefined();
    expect(routePolicy('GET', '/v1/spread/summary')?.public).toBeUndefined();
  });
});
