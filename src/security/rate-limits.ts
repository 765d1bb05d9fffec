import { HttpStatus } from '@nestjs/common';
import type { Principal, Role } from '../auth/principal';
import type { SecurityConfig } from '../config/security-config';
import { ProblemException } from '../shared/problem';
import { WindowCounterStorage } from './window-counter-storage';

/**
 * Commands and queries are counted apart, so a bulk writer never spends the
 * allowance a person at the dashboard needs, even with the same credential.
 */
export type RequestKind = 'commands' | 'queries';

export interface RateLimitSettings {
  windowMs: number;
  /** Queries of every role; commands of roles that are not bulk writers. */
  interactiveMax: number;
  /** Commands of the bulk roles. */
  bulkMax: number;
  bulkRoles: readonly Role[];
  /** Refused or absent credentials per client address. */
  unauthenticatedMax: number;
}

export function rateLimitSettings(
  config: Pick<
    SecurityConfig,
    | 'RATE_LIMIT_WINDOW_MS'
    | 'RATE_LIMIT_MAX'
    | 'RATE_LIMIT_BULK_MAX'
    | 'RATE_LIMIT_BULK_ROLES'
    | 'RATE_LIMIT_UNAUTHENTICATED_MAX'
  >,
): RateLimitSettings {
  return {
    windowMs: config.RATE_LIMIT_WINDOW_MS,
    interactiveMax: config.RATE_LIMIT_MAX,
    bulkMax: config.RATE_LIMIT_BULK_MAX,
    bulkRoles: config.RATE_LIMIT_BULK_ROLES,
    unauthenticatedMax: config.RATE_LIMIT_UNAUTHENTICATED_MAX,
  };
}

export const requestKind = (method: string, route: string | undefined): RequestKind =>
  method === 'POST' && route === '/v1/commands/:name' ? 'commands' : 'queries';

/** The credential's own limit if its key sets one, else its role's. */
export function limitOf(principal: Principal, kind: RequestKind, settings: RateLimitSettings): number {
  const own = principal.rateLimit?.[kind];
  if (own !== undefined) return own;
  return kind === 'commands' && settings.bulkRoles.includes(principal.role)
    ? settings.bulkMax
    : settings.interactiveMax;
}

/**
 * IPv6 clients are counted by /64, the block one subscriber usually holds, so
 * a client cannot step past the limit (or fill the table) by changing address
 * within it. IPv4-mapped addresses count as their IPv4 address.
 */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) return mapped[1];
  if (!ip.includes(':')) return ip;
  const [head, tail = ''] = ip.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = ip.includes('::')
    ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right]
    : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.toLowerCase().replace(/^0+(?=.)/, ''))
    .join(':')}::/64`;
}

function tooManyRequests(detail: string, seconds: number): ProblemException {
  return new ProblemException(
    HttpStatus.TOO_MANY_REQUESTS,
    'rate-limited',
    'Too many requests',
    detail,
    {},
    { 'retry-after': String(seconds) },
  );
}

/**
 * The service's rate limits, in memory per process (docs/operations/rate-limits.md):
 * per credential and kind of request once authenticated, and per client
 * address for requests whose credentials are missing or refused. The address
 * check is a map lookup made before any credential is verified.
 */
export class RateLimiter {
  private readonly counts: WindowCounterStorage;

  constructor(
    readonly settings: RateLimitSettings,
    now: () => number = Date.now,
  ) {
    this.counts = new WindowCounterStorage(now);
  }

  /** Counts an authenticated request; the 429 to answer when the credential is over its limit. */
  checkPrincipal(principal: Principal, kind: RequestKind): ProblemException | undefined {
    const limit = limitOf(principal, kind, this.settings);
    const count = this.counts.increment(
      `${principal.strategy}:${principal.id}`,
      this.settings.windowMs,
      limit,
      0,
      kind,
    );
    if (!count.isBlocked) return undefined;
    return tooManyRequests(
      `This credential has sent more than ${limit} ${kind === 'commands' ? 'commands' : 'queries'} in ${this.windowSeconds()} s; retry after ${count.timeToBlockExpire} s`,
      count.timeToBlockExpire,
    );
  }

  /** The 429 for an address that has sent too many requests without good credentials, without counting. */
  addressRefusal(ip: string): ProblemException | undefined {
    const seconds = this.counts.blockedFor(addressKey(ip), 'unauthenticated');
    if (seconds === 0) return undefined;
    return tooManyRequests(
      `More than ${this.settings.unauthenticatedMax} requests without valid credentials from this address in ${this.windowSeconds()} s; retry after ${seconds} s`,
      seconds,
    );
  }

  /**
   * Counts a request refused for missing or bad credentials against its
   * address. The one that reaches the limit is still answered 401; from the
   * next, the address is refused before its credentials are checked.
   */
  countRefused(ip: string): void {
    const { windowMs, unauthenticatedMax } = this.settings;
    this.counts.increment(addressKey(ip), windowMs, unauthenticatedMax - 1, 0, 'unauthenticated');
  }

  private windowSeconds(): number {
    return Math.round(this.settings.windowMs / 1000);
  }
}
