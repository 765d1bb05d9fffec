import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { ASSET_CACHE_MAX_AGE_MS, DASHBOARD_CSP, PAGE_CACHE_CONTROL } from './dashboard-headers';

/** Where `npm run build:web` writes the dashboard (web/dist), from src/dashboard or dist/dashboard alike. */
export const DEFAULT_DASHBOARD_ROOT = join(__dirname, '..', '..', 'web', 'dist');

const NOT_BUILT = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Dashboard not built</title>
<h1>The dashboard has not been built</h1>
<p>This copy of the service has no dashboard. Build it with <code>npm run build:web</code> (npm install does this) and restart.</p></html>`;

/**
 * Serves the analysts' and evaluators' dashboard: the page at `/` and its
 * assets under `/assets/`, both public (the page asks for a credential itself
 * and sends it to the API). Registered in its own encapsulated context, so its
 * CSP and cache headers apply to these routes only, after the API's defaults.
 */
export async function registerDashboard(
  fastify: FastifyInstance,
  root: string = DEFAULT_DASHBOARD_ROOT,
): Promise<void> {
  await fastify.register(async (dashboard) => {
    dashboard.addHook('onSend', async (_request, reply) => {
      reply.header('content-security-policy', DASHBOARD_CSP);
    });
    await dashboard.register(fastifyStatic, {
      root: join(root, 'assets'),
      prefix: '/assets/',
      index: false,
      // A missing build is said at `/`, not as a start-up warning.
      suppressWarning: true,
      maxAge: ASSET_CACHE_MAX_AGE_MS,
      immutable: true,
    });
    dashboard.get('/', async (_request, reply) => {
      if (!existsSync(join(root, 'index.html'))) {
        return reply.code(404).type('text/html; charset=utf-8').send(NOT_BUILT);
      }
      reply.header('cache-control', PAGE_CACHE_CONTROL);
      return reply.sendFile('index.html', root, { cacheControl: false });
    });
  });
}
