import { getJson } from '../support/http';
import { startTestApp, TestApp } from '../support/test-app';

interface Operation {
  security?: unknown[];
  responses: Record<string, { content?: Record<string, unknown> }>;
}

/** The document schemathesis checks the service against (scripts/fuzz-api.sh) says how to authenticate and what may come back. */
describe('the OpenAPI document describes authentication and every answer [real HTTP]', () => {
  let t: TestApp;
  let operations: Array<[string, Operation]>;
  beforeAll(async () => {
    t = await startTestApp();
    const doc = await getJson<{
      security: unknown[];
      components: { securitySchemes: Record<string, unknown> };
      paths: Record<string, Record<string, Operation>>;
    }>(t.url, '/openapi.json', { authorization: '' });
    expect(doc.status).toBe(200);
    expect(doc.body.components.securitySchemes).toEqual({
      bearer: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(doc.body.security).toEqual([{ bearer: [] }]);
    operations = Object.entries(doc.body.paths).flatMap(([path, item]) =>
      Object.entries(item).map(([method, operation]): [string, Operation] => [
        `${method.toUpperCase()} ${path}`,
        operation,
      ]),
    );
  });
  afterAll(async () => t.close());

  it('marks health public and documents 401, 403 and 429 as problem+json everywhere else', () => {
    for (const [name, operation] of operations) {
      if (name.startsWith('GET /health/')) {
        expect({ name, security: operation.security }).toEqual({ name, security: [] });
        continue;
      }
      for (const status of ['401', '403', '429', '503']) {
        expect({ name, status, content: Object.keys(operation.responses[status]?.content ?? {}) }).toEqual({
          name,
          status,
          content: ['application/problem+json'],
        });
      }
    }
  });

  it('documents null for optional command fields, as @IsOptional takes it', async () => {
    const doc = await getJson<{
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>(t.url, '/openapi.json');
    expect(doc.body.components.schemas.ExpressInterestDto.properties.contactRole).toMatchObject({
      nullable: true,
      enum: expect.arrayContaining([null, 'Other']),
    });
    expect(doc.body.components.schemas.ExpressInterestDto.properties.odsCode).not.toHaveProperty('nullable');
  });

  it('answers a known path with an unserved method 405 and Allow', async () => {
    const response = await fetch(`${t.url}/v1/streams/organisation-RYX`, {
      method: 'DELETE',
      headers: t.auth,
    });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await fetch(`${t.url}/v1/nowhere`, { method: 'DELETE', headers: t.auth })).status).toBe(404);
  });

  it('refuses an impossible date with 400 rather than failing (found by schemathesis)', async () => {
    const reply = await getJson<{ errors: Array<{ field: string }> }>(
      t.url,
      '/v1/history/changes?since=0000-00-00T23%3A59%3A59.999Z&asKnownAt=9370-01-03',
    );
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e) => e.field)).toEqual(['since']);
  });
});
