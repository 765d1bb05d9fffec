import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { API_REFERENCE, renderApiReference } from '../../scripts/docs/api-reference';
import {
  COMMANDS_PREFIX,
  isCommandPath,
  openServiceRoutes,
  operationsOf,
  ServiceRoutes,
} from '../../scripts/docs/service-routes';
import { docPages, namesRoute, read, REPO, routeMentions, tableRowNames } from './support/docs-text';

const REFERENCE = 'docs/integrators/api-reference.md';
const DOMAIN_MODEL = 'docs/architecture/domain-model.md';

/** Whether a path a page names is served: a command by its name, anything else by a route. */
function served(mention: string, routes: readonly string[], commands: ReadonlySet<string>): boolean {
  if (mention.startsWith(COMMANDS_PREFIX)) {
    const name = mention.slice(COMMANDS_PREFIX.length);
    if (/^[A-Za-z0-9]+$/.test(name)) return commands.has(name);
  }
  return routes.some((route) => namesRoute(mention, route));
}

describe('how the docs match paths to routes', () => {
  it('reads paths out of prose, dropping query strings and punctuation', () => {
    expect(
      routeMentions(
        'Ask `GET /v1/spread/summary?asOf=2018-03-31`, then /v1/streams/{streamId}/events. See /metrics, ' +
          '"http://127.0.0.1:3000/v1/commands/${step%% *}", any `GET /v1/...` and docs/v1/not-a-route.',
      ),
    ).toEqual(['/v1/spread/summary', '/v1/streams/{streamId}/events', '/metrics', '/v1/commands/*', '/v1/*']);
  });

  it('matches placeholders and concrete values to parameters, and nothing else', () => {
    expect(namesRoute('/v1/streams/organisation-RYX', '/v1/streams/{streamId}')).toBe(true);
    expect(namesRoute('/v1/measures/{id}/chart', '/v1/measures/{measureId}/chart')).toBe(true);
    expect(namesRoute('/v1/spread/*', '/v1/spread/summary')).toBe(true);
    expect(namesRoute('/v1/spread/summery', '/v1/spread/summary')).toBe(false);
    expect(namesRoute('/v1/spread/{by}', '/v1/spread/summary')).toBe(false);
    expect(namesRoute('/v1/measures/{id}', '/v1/measures/{measureId}/chart')).toBe(false);
  });

  it('knows a command only by a name the catalogue has', () => {
    const routes = ['/v1/commands/:name', '/v1/spread/summary'];
    const commands = new Set(['RenameOrganisation']);
    expect(served('/v1/commands/RenameOrganisation', routes, commands)).toBe(true);
    expect(served('/v1/commands/{CommandName}', routes, commands)).toBe(true);
    expect(served('/v1/commands/*', routes, commands)).toBe(true);
    expect(served('/v1/commands/RenameOrganization', routes, commands)).toBe(false);
  });
});

describe('the docs and the routes of the service [sqlite: embedded file store in a temporary folder, app built without listening]', () => {
  let service: ServiceRoutes;
  let documented: string[];
  let routes: string[];
  let commands: Set<string>;

  beforeAll(async () => {
    service = await openServiceRoutes();
    documented = operationsOf(service.document).map((o) => o.path);
    routes = [...documented.filter((p) => !isCommandPath(p)), ...service.registered.map((r) => r.url)];
    commands = new Set(documented.filter(isCommandPath).map((p) => p.slice(COMMANDS_PREFIX.length)));
  }, 120_000);
  afterAll(async () => service?.close());

  it(`has a current API reference (${REFERENCE}; npm run docs:api rewrites it)`, () => {
    expect(read(REFERENCE)).toBe(renderApiReference(service.document));
    expect(API_REFERENCE).toBe(join(REPO, REFERENCE));
  });

  it("names every query and operation route of /openapi.json in a reader's page (the reference aside)", () => {
    const mentions = docPages()
      .filter((page) => page !== REFERENCE)
      .flatMap((page) => routeMentions(read(page)));
    const undocumented = [...new Set(documented.filter((path) => !isCommandPath(path)))].filter(
      (path) => !mentions.some((mention) => !mention.endsWith('/*') && namesRoute(mention, path)),
    );
    expect(undocumented).toEqual([]);
    expect(documented.length).toBeGreaterThan(30);
  });

  it(`lists exactly the catalogue's commands in ${DOMAIN_MODEL}`, () => {
    const listed = tableRowNames(read(DOMAIN_MODEL));
    expect({
      missing: [...commands].filter((name) => !listed.includes(name)).sort(),
      notCommands: listed.filter((name) => !commands.has(name)).sort(),
      twice: listed.filter((name, i) => listed.indexOf(name) !== i),
    }).toEqual({ missing: [], notCommands: [], twice: [] });
    expect(commands.size).toBeGreaterThan(70);
  });

  it('names no route the service does not serve, in the README or any page', () => {
    const unknown = docPages().flatMap((page) =>
      routeMentions(read(page))
        .filter((mention) => !served(mention, routes, commands))
        .map((mention) => `${page}: ${mention}`),
    );
    expect(unknown).toEqual([]);
  });

  it('maps every top-level folder of src/ in the README, and no folder that is not there', () => {
    const folders = readdirSync(join(REPO, 'src'))
      .filter((name) => statSync(join(REPO, 'src', name)).isDirectory())
      .sort();
    const mapped = [...read('README.md').matchAll(/^\| `src\/([\w-]+)\/` \|/gm)].map((m) => m[1]).sort();
    expect(mapped).toEqual(folders);
  });
});
