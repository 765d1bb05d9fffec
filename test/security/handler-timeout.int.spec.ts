import Fastify, { FastifyInstance } from 'fastify';
import { setTimeout as sleep } from 'node:timers/promises';
import { registerHandlerTimeout } from '../../src/security/handler-timeout';

describe('the handler timeout [Fastify, in-process requests]', () => {
  const TIMEOUT_MS = 100;
  let app: FastifyInstance;
  let timedOut: string[];

  beforeEach(async () => {
    timedOut = [];
    app = Fastify();
    registerHandlerTimeout(app, TIMEOUT_MS, (request, reply) => {
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
    const response = await app.inject({ method: 'GET', url: '/slow' });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('5');
    expect(timedOut).toEqual(['/slow']);
  });

  const timers = (): number => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;

  it('leaves a route that answered in time alone, and keeps no timer for it', async () => {
    const before = timers();
    const response = await app.inject({ method: 'GET', url: '/fast' });
    expect(response.statusCode).toBe(200);
    // Under load a timer kept until it fires would be a request rate × HANDLER_TIMEOUT_MS of them.
    expect(timers()).toBe(before);
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
