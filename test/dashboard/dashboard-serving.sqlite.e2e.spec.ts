import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DASHBOARD_CSP } from '../../src/dashboard/dashboard-headers';
import { DEFAULT_DASHBOARD_ROOT } from '../../src/dashboard/dashboard';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The dashboard is served by the service itself, beside the API and /docs,
 * without a credential (the page asks for one). Needs the built page
 * (`npm run build:web`, run by npm install); the serving itself does not
 * depend on the store, so this runs on the embedded one only.
 */
describe('the dashboard is served at / [sqlite: embedded file store, real HTTP]', () => {
  let t: TestApp;
  const builtPage = join(DEFAULT_DASHBOARD_ROOT, 'index.html');

  beforeAll(async () => {
    if (!existsSync(builtPage))
      throw new Error(`${builtPage} is missing: run npm run build:web (npm install does)`);
    t = await startTestApp();
  });
  afterAll(async () => t?.close());

  /** Reads the whole answer: an unread body keeps its connection busy, and the app then waits for it to close. */
  const get = async (path: string, init: RequestInit = {}) => {
    const response = await fetch(`${t.url}${path}`, init);
    return { status: response.status, headers: response.headers, text: await response.text() };
  };

  /** Every script, style sheet and icon the page names. */
  const assetsOf = (html: string): string[] =>
    [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);

  it('answers the page to anyone, with a CSP of self only and revalidation', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    expect(DASHBOARD_CSP).not.toMatch(/unsafe|data:|https?:|\*/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.text).toBe(readFileSync(builtPage, 'utf8'));
  });

  it('names only its own files, with no inline script or style and nothing from elsewhere', () => {
    const html = readFileSync(builtPage, 'utf8');
    expect(assetsOf(html).length).toBeGreaterThanOrEqual(2);
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|style=/);
    expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
  });

  it('serves the assets by content hash, cached for a year, without credentials', async () => {
    for (const asset of assetsOf(readFileSync(builtPage, 'utf8'))) {
      const response = await get(asset);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      expect(response.headers.get('content-security-policy')).toBe(DASHBOARD_CSP);
    }
    const missing = await get('/assets/no-such-file.js');
    expect(missing.status).toBe(404);
  });

  it('leaves the API, its headers and /docs as they were', async () => {
    const anonymous = await get('/v1/spread/summary');
    expect(anonymous.status).toBe(401);
    const api = await get('/v1/streams/organisation-NONE', { headers: t.auth });
    expect(api.headers.get('content-security-policy')).toBe(
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
    );
    expect(api.headers.get('cache-control')).toBe('no-store');
    const docs = await get('/docs');
    expect(docs.status).toBe(200);
    expect(docs.headers.get('content-security-policy')).toContain("'unsafe-inline'");
    expect((await get('/openapi.json')).status).toBe(200);
  });

  it('answers other methods on the page with 405', async () => {
    const response = await get('/', { method: 'POST' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toContain('GET');
  });
});
