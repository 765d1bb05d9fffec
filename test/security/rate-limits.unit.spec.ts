import type { Principal } from '../../src/auth/principal';
import { addressKey, limitOf, RateLimitSettings, requestKind } from '../../src/security/rate-limits';

const settings: RateLimitSettings = {
  windowMs: 60_000,
  interactiveMax: 1_200,
  bulkMax: 180_000,
  bulkRoles: ['programme-admin', 'submitter'],
  unauthenticatedMax: 60,
};
const principal = (role: Principal['role'], rateLimit?: Principal['rateLimit']): Principal => ({
  id: role,
  role,
  organisations: '*',
  strategy: 'api-key',
  ...(rateLimit ? { rateLimit } : {}),
});

describe('rate limits', () => {
  it('gives bulk roles the bulk limit for commands only, and everyone the interactive limit for queries', () => {
    expect(limitOf(principal('submitter'), 'commands', settings)).toBe(180_000);
    expect(limitOf(principal('programme-admin'), 'commands', settings)).toBe(180_000);
    expect(limitOf(principal('evaluator'), 'commands', settings)).toBe(1_200);
    expect(limitOf(principal('submitter'), 'queries', settings)).toBe(1_200);
    expect(limitOf(principal('analyst'), 'queries', settings)).toBe(1_200);
  });

  it("takes a credential's own limit over its role's, kind by kind", () => {
    const own = principal('analyst', { queries: 6_000 });
    expect(limitOf(own, 'queries', settings)).toBe(6_000);
    expect(limitOf(own, 'commands', settings)).toBe(1_200);
  });

  it('counts only the command gateway as commands', () => {
    expect(requestKind('POST', '/v1/commands/:name')).toBe('commands');
    expect(requestKind('POST', '/v1/analytics/spc')).toBe('queries');
    expect(requestKind('GET', '/v1/spread/summary')).toBe('queries');
    expect(requestKind('GET', undefined)).toBe('queries');
  });

  it('counts IPv4 clients by address and IPv6 clients by /64', () => {
    expect(addressKey('203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(addressKey('2001:db8:0:12:aaaa::1')).toBe('2001:db8:0:12::/64');
    expect(addressKey('2001:0db8:0000:0012:ffff:1:2:3')).toBe('2001:db8:0:12::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
  });
});
