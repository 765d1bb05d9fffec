/** `metrics`: a scraper's role; it may read GET /metrics and nothing else. */
export const ROLES = ['programme-admin', 'submitter', 'analyst', 'evaluator', 'auditor', 'metrics'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: unknown): value is Role => ROLES.includes(value as Role);

/** Every organisation, or these ODS codes. */
export type OrganisationScope = '*' | readonly string[];

/** Who is calling, as authentication established it. */
export interface Principal {
  /** API key id, token subject, or `kafka:<topic>`; recorded on every event as the actor. */
  id: string;
  role: Role;
  organisations: OrganisationScope;
  strategy: 'api-key' | 'jwt' | 'service';
  /** The system this principal speaks for, when its credential names one (recorded unless the request names another). */
  sourceSystem?: string;
  /** This credential's own rate limits per window, where its key entry sets them (else its role's). */
  rateLimit?: RateLimitOverride;
}

export interface RateLimitOverride {
  commands?: number;
  queries?: number;
}

export function coversOrganisation(principal: Principal, odsCode: string): boolean {
  return principal.organisations === '*' || principal.organisations.includes(odsCode);
}

const ODS = /^[A-Z0-9]{3,10}$/;

/** `*`, or a list of ODS codes; undefined when anything in it is not an ODS code. */
export function parseOrganisationScope(value: unknown): OrganisationScope | undefined {
  if (value === '*') return '*';
  const items = typeof value === 'string' ? value.split(/[\s,]+/).filter((v) => v.length > 0) : value;
  if (!Array.isArray(items)) return undefined;
  if (items.length === 1 && items[0] === '*') return '*';
  return items.every((item) => typeof item === 'string' && ODS.test(item)) ? (items as string[]) : undefined;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
    /** Why credentials were refused, when they were (the 401's detail). */
    authFailure?: AuthFailure;
    /** Salted hash of the client IP, for the audit metadata. */
    clientIpHash?: string;
  }
}

export interface AuthFailure {
  /** RFC 6750 error code: absent when no credentials were sent. */
  error?: 'invalid_request' | 'invalid_token';
  detail: string;
}
