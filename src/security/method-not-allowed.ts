import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ProblemException } from '../shared/problem';
import type { ProblemDetailsFilter } from '../http/problem-details.filter';
import { registeredRoutes } from './route-inventory';

const toRegExp = (url: string): RegExp =>
  new RegExp(
    `^${url
      .split('/')
      .map((part) =>
        part === '*' ? '.*' : part.startsWith(':') ? '[^/]+' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
      )
      .join('/')}$`,
  );

/**
 * A known path with a method it does not serve is a 405 naming the methods it
 * does (Allow), not a 404: the client has the right resource and the wrong verb.
 */
export function methodNotAllowedHook(fastify: FastifyInstance, problems: ProblemDetailsFilter) {
  let routes: Array<{ method: string; pattern: RegExp }> | undefined;
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    if (request.routeOptions.url !== undefined || request.method === 'OPTIONS') return;
    // Every route is registered before the first request, so the table is built once then.
    routes ??= registeredRoutes(fastify).map((route) => ({
      method: route.method,
      pattern: toRegExp(route.url),
    }));
    const path = request.url.split('?')[0];
    const allowed = [...new Set(routes.filter((r) => r.pattern.test(path)).map((r) => r.method))];
    if (allowed.length === 0) return;
    await problems.send(
      request,
      reply,
      new ProblemException(
        405,
        'method-not-allowed',
        'Method not allowed',
        `${request.method} is not served here; use ${allowed.join(', ')}`,
        {},
        { allow: allowed.join(', ') },
      ),
    );
  };
}
