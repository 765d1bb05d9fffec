import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { PlannedCommand } from '../../scripts/simulator/commands';
import { CommandRefusedError, httpSender } from '../../scripts/simulator/run/http-sender';

interface Seen {
  url: string;
  headers: IncomingHttpHeaders;
  body: unknown;
}

const command: PlannedCommand = {
  name: 'StartTesting',
  body: { alwaysEventId: '00000000-0000-4000-8000-000000000001', occurredAt: '2018-01-01T09:00:00.000Z' },
  at: '2018-01-01T09:00:00.000Z',
  idempotencyKey: 'sim-42-abc',
};

/** A stand-in for the service that answers with the statuses a test lines up. */
async function serviceAnswering(answers: Array<[number, object, Record<string, string>?]>) {
  const seen: Seen[] = [];
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => {
      seen.push({ url: request.url ?? '', headers: request.headers, body: JSON.parse(text) });
      const [status, body, headers] = answers.shift() ?? [500, {}];
      response
        .writeHead(status, { 'content-type': 'application/json', ...headers })
        .end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, seen, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('sending commands over HTTP', () => {
  it('posts to the gateway with the idempotency key, the source system and the configured credential', async () => {
    const service = await serviceAnswering([[201, { eventIds: ['e1'] }]]);
    const send = httpSender({ url: service.url, apiKey: 'k-123', authHeader: 'x-api-key' });

    await expect(send(command)).resolves.toEqual({ replayed: false, events: 1, retries: 0 });
    expect(service.seen[0]).toMatchObject({
      url: '/v1/commands/StartTesting',
      body: command.body,
      headers: { 'idempotency-key': 'sim-42-abc', 'x-source-system': 'simulator', 'x-api-key': 'k-123' },
    });
    await service.close();
  });

  it('sends a Bearer credential by default, and counts a 200 as a replay that wrote nothing', async () => {
    const service = await serviceAnswering([[200, { eventIds: ['e1'], replayed: true }]]);

    await expect(httpSender({ url: service.url, apiKey: 'k-123' })(command)).resolves.toEqual({
      replayed: true,
      events: 0,
      retries: 0,
    });
    expect(service.seen[0].headers.authorization).toBe('Bearer k-123');
    await service.close();
  });

  it('retries 429 and 503 with the same key, honouring Retry-After', async () => {
    const service = await serviceAnswering([
      [429, { status: 429 }, { 'retry-after': '0' }],
      [503, { status: 503 }, { 'retry-after': '0' }],
      [201, { eventIds: ['e1'] }],
    ]);

    await expect(httpSender({ url: service.url })(command)).resolves.toMatchObject({ retries: 2 });
    expect(service.seen.map((s) => s.headers['idempotency-key'])).toEqual([
      'sim-42-abc',
      'sim-42-abc',
      'sim-42-abc',
    ]);
    await service.close();
  });

  it('fails loudly on a refusal, carrying the problem+json', async () => {
    const problem = {
      type: 'urn:always-events:problem:rule/statement-not-agreed',
      status: 409,
      rule: 'statement-not-agreed',
    };
    const service = await serviceAnswering([[409, problem]]);

    const refusal = await httpSender({ url: service.url })(command).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(CommandRefusedError);
    expect(refusal).toMatchObject({ status: 409, problem, command });
    expect((refusal as Error).message).toContain('statement-not-agreed');
    await service.close();
  });
});
