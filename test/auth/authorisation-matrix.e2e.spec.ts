import { COMMAND_POLICIES, ROUTE_POLICIES, routeKey, routePolicy } from '../../src/auth/policy';
import { ROLES, Role } from '../../src/auth/principal';
import { CatalogueService } from '../../src/commands/catalogue.service';
import { registeredRoutes } from '../../src/security/route-inventory';
import { startTestApp, TestApp } from '../support/test-app';
import {
  apiKeysEnv,
  describeOutcome,
  Expected,
  IN_SCOPE,
  KEYS,
  OUT_OF_SCOPE,
  PROGRAMME,
  ROUTE_SAMPLES,
  Sample,
  send,
  trustBody,
} from './matrix-support';

type Caller = Role | 'anonymous';
const CALLERS: Caller[] = [...ROLES, 'anonymous'];
const SCOPES = [IN_SCOPE, OUT_OF_SCOPE];
const keyOf = (caller: Caller): string | undefined => (caller === 'anonymous' ? undefined : KEYS[caller].key);
/** Only the submitter's credential is limited to some organisations. */
const limited = (caller: Caller): boolean => caller === 'submitter';

function expectedForCommand(name: string, caller: Caller, odsCode: string): Expected {
  if (caller === 'anonymous') return 401;
  const policy = COMMAND_POLICIES[name];
  if (!policy.roles.includes(caller)) return 403;
  if (policy.scope === 'organisation' && limited(caller) && odsCode !== IN_SCOPE) return 403;
  return 'allowed';
}

function expectedForRoute(
  key: string,
  caller: Caller,
  odsCode: string,
  knowledgeBound: boolean,
  path: string,
): Expected | 200 {
  const policy = ROUTE_POLICIES[key];
  if (policy.public) return 200;
  if (caller === 'anonymous') return 401;
  if (!policy.roles?.includes(caller)) return 403;
  if (knowledgeBound && !policy.knowledgeTimeTravel?.includes(caller)) return 403;
  if (policy.streamScope && limited(caller) && odsCode !== IN_SCOPE) return 403;
  // A role limited to some stream categories (an evaluator: evaluations) is refused the others.
  const categories = policy.streamCategories?.[caller];
  const streamId = /^\/v1\/streams\/([^/?]+)/.exec(path)?.[1];
  if (categories && streamId && !categories.some((category) => streamId.startsWith(`${category}-`)))
    return 403;
  return 200;
}

/**
 * Every route Nest registers × every role (and no credentials) × a body or
 * path in and out of the submitter's organisation, generated from the
 * catalogue and the registered routes, checked against the policy table's
 * meaning; then the log is searched for any write across organisations.
 */
describe('authorisation matrix [real HTTP]', () => {
  let t: TestApp;
  let commands: string[];
  let routes: string[];

  beforeAll(async () => {
    t = await startTestApp({ API_KEYS: apiKeysEnv() });
    const admin = KEYS['programme-admin'].key;
    for (const odsCode of SCOPES) {
      await send(
        t.url,
        { method: 'POST', path: '/v1/commands/RegisterOrganisation', body: trustBody(odsCode) },
        admin,
      );
    }
    // The read models answer for a programme that exists.
    await send(
      t.url,
      {
        method: 'POST',
        path: '/v1/commands/LaunchProgramme',
        body: {
          programmeSlug: PROGRAMME,
          name: 'Always Events',
          sponsors: ['NHS England'],
          startDate: '2015-01-01',
        },
      },
      admin,
    );
    commands = t.app
      .get(CatalogueService)
      .allCommands()
      .map((c) => c.name);
    // Swagger's own routes are public documentation, outside the table; the command route has its own test.
    const isDocumentation = (method: string, url: string): boolean =>
      !(routeKey(method, url) in ROUTE_POLICIES) && routePolicy(method, url)?.public === true;
    routes = [
      ...new Set(
        registeredRoutes(t.app.getHttpAdapter().getInstance())
          .filter((r) => r.method !== 'HEAD' && !isDocumentation(r.method, r.url))
          .map((r) => routeKey(r.method, r.url)),
      ),
    ].filter((key) => !ROUTE_POLICIES[key]?.commands);
  });
  afterAll(async () => t.close());

  it('has a policy for every route Nest registers and every command in the catalogue', () => {
    const uncovered = registeredRoutes(t.app.getHttpAdapter().getInstance())
      .filter((r) => routePolicy(r.method, r.url) === undefined)
      .map((r) => `${r.method} ${r.url}`);
    expect(uncovered).toEqual([]);
    expect(commands.filter((name) => !(name in COMMAND_POLICIES))).toEqual([]);
  });

  it('covers every command and every non-command route', () => {
    expect(commands.length).toBeGreaterThan(20);
    expect(routes.filter((key) => !(key in ROUTE_SAMPLES))).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(Object.keys(ROUTE_SAMPLES).length);
  });

  it('gives every command the status its policy says, for every role and scope', async () => {
    const mismatches: string[] = [];
    let cases = 0;
    for (const name of commands) {
      for (const caller of CALLERS) {
        for (const odsCode of SCOPES) {
          const expected = expectedForCommand(name, caller, odsCode);
          const sample: Sample = {
            method: 'POST',
            path: `/v1/commands/${name}`,
            body: { programmeSlug: PROGRAMME, odsCode },
          };
          const outcome = describeOutcome(await send(t.url, sample, keyOf(caller)), expected);
          cases++;
          if (!outcome.ok)
            mismatches.push(`${name} as ${caller} for ${odsCode}: expected ${expected}, got ${outcome.got}`);
        }
      }
    }
    expect(cases).toBe(commands.length * CALLERS.length * SCOPES.length);
    expect(mismatches).toEqual([]);
  });

  it('gives every query route the status its policy says, for every role and scope', async () => {
    const mismatches: string[] = [];
    let cases = 0;
    for (const key of routes) {
      // Read models are also asked as known at a date: only the roles allowed knowledge time travel may.
      const variants: Array<[string, boolean]> = ROUTE_POLICIES[key].knowledgeTimeTravel
        ? [
            ['', false],
            ['asKnownAt=2018-04-01', true],
          ]
        : [['', false]];
      for (const [extra, knowledgeBound] of variants) {
        for (const caller of CALLERS) {
          for (const odsCode of SCOPES) {
            const sample = ROUTE_SAMPLES[key](odsCode);
            const expected = expectedForRoute(key, caller, odsCode, knowledgeBound, sample.path);
            const path = extra
              ? `${sample.path}${sample.path.includes('?') ? '&' : '?'}${extra}`
              : sample.path;
            const reply = await send(t.url, { ...sample, path }, keyOf(caller));
            cases++;
            const ok =
              expected === 200
                ? sample.absent || (knowledgeBound && sample.unknownBefore2018)
                  ? reply.status === 404
                  : reply.status >= 200 && reply.status < 300
                : describeOutcome(reply, expected).ok;
            if (!ok)
              mismatches.push(
                `${key}${extra ? `?${extra}` : ''} as ${caller} for ${odsCode}: expected ${expected}, got ${reply.status}`,
              );
          }
        }
      }
    }
    expect(cases).toBeGreaterThanOrEqual(routes.length * CALLERS.length * SCOPES.length);
    expect(mismatches).toEqual([]);
  });

  it('lets no write across organisations succeed', async () => {
    const submitter = KEYS.submitter.key;
    const attempts = commands
      .filter((name) => COMMAND_POLICIES[name].roles.includes('submitter'))
      .map((name) => ({
        method: 'POST' as const,
        path: `/v1/commands/${name}`,
        body: { programmeSlug: PROGRAMME, odsCode: OUT_OF_SCOPE },
      }));
    expect(attempts.length).toBeGreaterThan(5);
    const statuses = await Promise.all(
      attempts.map(async (attempt) => (await send(t.url, attempt, submitter)).status),
    );
    expect(new Set(statuses)).toEqual(new Set([403]));

    const log = await send(t.url, { method: 'GET', path: '/v1/export/events' }, KEYS['programme-admin'].key);
    const events = log.text
      .trim()
      .split('\n')
      .filter((line) => line.length > 0)
      .map((line) => JSON.parse(line) as { streamId: string; metadata: { actor: string } });
    const bySubmitter = events.filter((e) => e.metadata.actor === KEYS.submitter.entry.id);
    expect(bySubmitter.filter((e) => !e.streamId.endsWith(IN_SCOPE))).toEqual([]);
    expect(events.filter((e) => e.streamId.endsWith(OUT_OF_SCOPE)).map((e) => e.metadata.actor)).toEqual([
      KEYS['programme-admin'].entry.id,
    ]);
  });
});
