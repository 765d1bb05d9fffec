import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Fastify from 'fastify';
import { registerDashboard } from '../../src/dashboard/dashboard';
import { DASHBOARD_CSP } from '../../src/dashboard/dashboard-headers';

/** A copy of the service without the built page (a Docker image built without web/, say) says so at `/`. */
describe('a service whose dashboard was not built', () => {
  const empty = mkdtempSync(join(tmpdir(), 'aet-no-dashboard-'));
  afterAll(() => rmSync(empty, { recursive: true, force: true }));

  it('explains at / how to build it, and still starts', async () => {
    const fastify = Fastify();
    await registerDashboard(fastify, empty);
    const page = await fastify.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(404);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['content-security-policy']).toBe(DASHBOARD_CSP);
    expect(page.body).toContain('npm run build:web');
    expect((await fastify.inject({ method: 'GET', url: '/assets/index.js' })).statusCode).toBe(404);
    await fastify.close();
  });
});
