import Fastify, { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerHandlerTimeout } from '../../src/security/handler-timeout';

describe('the handler timeout [Fastify, in-process requests]', () => {
  const TIMEOUT_MS = 100;
  let app: FastifyInstance;
  let timedOut: string[];
  let timeouts: ReturnType<typeof registerHandlerTimeout>;

  beforeEach(async () => {
    timedOut = [];
    app = Fastify();
    timeouts = registerHandlerTimeout(app, TIMEOUT_MS, (request, reply) => {
      timedOut.push(request.url);
      void reply.status(503).header('retry-after', '5').send({ status: 503 });
    });
    app.get('/fast', async () => ({ ok: true }));
    app.get('/slow', async (_request, reply) => {
      await sleep(3 * TIMEOUT_MS);
      // Too late: the 503 has gone; Fastify refuses a second answer.
      return reply.sent ? reply : { ok: true };
    });
    app.get('/hijacked', async (_request, reply) => {
      reply.hijack();
      reply.raw.writeHead(200, { 'content-type': 'text/plain' });
      reply.raw.write('started');
      await sleep(2 * TIMEOUT_MS);
      reply.raw.end();
    });
    await app.ready();
  });

  afterEach(() => app.close());

  it('answers through onTimeout when the route has not started answering in time', async () => {
    const answer = app.inject({ method: 'GET', url: '/slow' });
    await sleep(TIMEOUT_MS / 2);
    expect(timeouts.waiting()).toBe(1);
    const response = await answer;
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(timedOut).toEqual(['/slow']);
  });

  const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

  it('leaves routes that answered in time alone, and keeps nothing for them', async () => {
    const before = timers();
    for (let i = 0; i < 20; i++)
      expect((await app.inject({ method: 'GET', url: '/fast' })).statusCode).toBe(200);
    // Under load, anything kept per request until its time is up would be rate × HANDLER_TIMEOUT_MS of them.
    expect(timers()).toBe(before);
    expect(timeouts.waiting()).toBe(0);
    await sleep(2 * TIMEOUT_MS);
    expect(timedOut).toEqual([]);
  });

  it('counts a hijacked reply as answered', async () => {
    const response = await app.inject({ method: 'GET', url: '/hijacked' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe('started');
    expect(timedOut).toEqual([]);
  });
});
