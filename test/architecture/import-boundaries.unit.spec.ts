import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '../..');

interface Linted {
  filePath: string;
  messages: Array<{ ruleId: string; message: string }>;
}

/** The repository's ESLint config on each text as if it were the file at that path. */
function lintAsIfIn(fixtures: Array<{ filePath: string; code: string }>): {
  results: Linted[];
  folders: string[];
} {
  const run = spawnSync(process.execPath, [join(__dirname, 'lint-as-if-in.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(fixtures),
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`ESLint failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as { results: Linted[]; folders: string[] };
}

/** A deliberate crossing: `from` imports `target` (a real module, so the import resolves). */
const crossing = (from: string, target: string, name: string) => ({
  filePath: join(ROOT, from),
  code: `import { ${name} } from '${target}';\nexport const used = ${name};\n`,
});

const CROSSINGS = {
  'the read side imports the write side': crossing(
    'src/projections/spread/fixture.ts',
    '../../commands/command-gateway',
    'CommandGateway',
  ),
  'the write side imports the read side': crossing(
    'src/commands/fixture.ts',
    '../projections/catalogue',
    'READ_MODELS',
  ),
  'a read model imports history': crossing(
    'src/projections/fixture.ts',
    '../history/data-cut-checksums',
    'readModelChecksums',
  ),
  'the domain imports a shared helper': crossing('src/domain/fixture.ts', '../shared/clock', 'Clock'),
  'analytics imports a read model': crossing(
    'src/analytics/fixture.ts',
    '../projections/catalogue',
    'READ_MODELS',
  ),
  'the store imports the domain': crossing('src/event-store/fixture.ts', '../domain/upcasters', 'UPCASTERS'),
  'auth imports the write side': crossing(
    'src/auth/fixture.ts',
    '../commands/catalogue.service',
    'CatalogueService',
  ),
  'a shared helper imports an adapter': crossing(
    'src/shared/fixture.ts',
    '../kafka/topics',
    'MAX_MESSAGE_BYTES',
  ),
  'a read model imports the composition root': crossing(
    'src/projections/fixture.ts',
    '../app.factory',
    'createApp',
  ),
};

const ALLOWED = {
  'an adapter (Kafka) import the write side': crossing(
    'src/kafka/fixture.ts',
    '../commands/command-gateway',
    'CommandGateway',
  ),
  'history import a read model': crossing(
    'src/history/fixture.ts',
    '../projections/catalogue',
    'READ_MODELS',
  ),
  'the write side import the domain and a shared helper': {
    filePath: join(ROOT, 'src/commands/fixture.ts'),
    code: "import { fold } from '../domain/decider';\nimport { Clock } from '../shared/clock';\nexport const used = [fold, Clock];\n",
  },
  'the composition root import the domain upcasters': crossing(
    'src/fixture.ts',
    './domain/upcasters',
    'UPCASTERS',
  ),
};

describe('the import boundaries (eslint.boundaries.mjs)', () => {
  const names = [...Object.keys(CROSSINGS), ...Object.keys(ALLOWED)];
  const { results, folders: listed } = lintAsIfIn([...Object.values(CROSSINGS), ...Object.values(ALLOWED)]);
  const linted = new Map(results.map((result, i) => [names[i], result]));

  it.each(Object.keys(CROSSINGS))('fail the lint when %s', (name) => {
    expect(linted.get(name)?.messages).toEqual([
      expect.objectContaining({
        ruleId: 'boundaries/dependencies',
        message: expect.stringContaining('There is no policy allowing dependencies'),
      }),
    ]);
  });

  it.each(Object.keys(ALLOWED))('let %s', (name) => {
    expect(linted.get(name)?.messages).toEqual([]);
  });

  it('give every folder of src/ a layer, so none falls to the composition root unnoticed', () => {
    const folders = readdirSync(join(ROOT, 'src'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => `src/${entry.name}`);
    expect(folders.filter((folder) => !listed.includes(folder))).toEqual([]);
  });
});
