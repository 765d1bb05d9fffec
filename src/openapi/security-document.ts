import type { OpenAPIObject } from '@nestjs/swagger';
import { routePolicy } from '../auth/policy';
import { PROBLEM_CONTENT } from '../http/api-docs';

type Operation = {
  responses: Record<string, unknown>;
  security?: unknown[];
  parameters?: unknown[];
  requestBody?: unknown;
};

const problem = (description: string) => ({ description, content: PROBLEM_CONTENT });

/** What every protected operation may answer, whatever it does. */
const PROTECTED = {
  '401': problem(
    'No credentials, or credentials that are malformed, unknown, revoked or expired (WWW-Authenticate says which)',
  ),
  '403': problem("The credential's role may not do this, or the organisation is outside its scope"),
  '429': problem(
    'Too many requests from this credential, or too many without valid credentials from this address (docs/operations/rate-limits.md): retry after Retry-After seconds',
  ),
};

/**
 * Declares how to authenticate (an API key or an OIDC token, either as a
 * Bearer credential), marks public routes as such, and
 * documents the answers every route can give: the auth ones, 503 (store
 * unavailable or the request took too long), and for bodies 413 and 415.
 */
export function documentSecurity(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    securitySchemes: {
      bearer: {
        type: 'http',
        scheme: 'bearer',
        description: 'An API key (AUTH_MODE=api-key) or an OIDC access token (AUTH_MODE=jwt)',
      },
    },
  };
  document.security = [{ bearer: [] }];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(item as Record<string, Operation>)) {
      const operation = value;
      // OpenAPI {param} back to the route pattern the policy table uses.
      const url = path.replace(/\{([^}]+)\}/g, ':$1');
      const isPublic = routePolicy(method.toUpperCase(), url)?.public === true;
      if (isPublic) operation.security = [];
      else operation.responses = { ...PROTECTED, ...operation.responses };
      operation.responses['503'] = problem(
        'Unavailable: the event store cannot be reached, the service is not ready, a read model is catching up or has stopped, or the request took too long; retry after Retry-After seconds',
      );
      if (operation.requestBody !== undefined) {
        operation.responses['413'] ??= problem('The body is larger than the route accepts');
        operation.responses['415'] = problem('The body is not application/json');
      }
      // Request screening and hygiene (security/request-screening.ts) run on every route, whatever it declares.
      operation.responses['400'] ??= problem('The request is invalid: `errors` names each field and rule');
      operation.responses['422'] ??= problem(
        'Patient-identifiable data refused (in the path, the query, a recorded header or the body): `errors` names where, never the value',
      );
      if (path.includes('{'))
        operation.responses['414'] = problem('A path segment is longer than the server accepts');
    }
  }
}
