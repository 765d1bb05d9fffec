import { existsSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';
import { docPages, filesUnder, headingAnchors, read, REPO, relativeLinks } from './support/docs-text';

/** Every Markdown file of the repository: the docs and the READMEs beside code and data. */
const markdown = (): string[] => [
  ...docPages(),
  ...['src', 'test', 'bench', 'scripts', 'schemas', 'data', 'web'].flatMap((dir) =>
    filesUnder(dir, (f) => f.endsWith('.md')),
  ),
];

/** What a link from `page` points at: a repository path (or null if it leaves the repository) and an anchor. */
function target(page: string, link: string): { path: string | null; anchor?: string } {
  const [file, anchor] = link.split('#');
  const resolved = file === '' ? page : normalize(join(dirname(page), decodeURI(file)));
  const inside = !resolved.startsWith('..') && !resolved.startsWith(sep);
  return { path: inside ? resolved : null, anchor };
}

function brokenLinks(page: string, text: string): string[] {
  const broken: string[] = [];
  for (const link of relativeLinks(text)) {
    const { path, anchor } = target(page, link);
    if (path === null) broken.push(`${page}: ${link} (outside the repository)`);
    else if (!existsSync(join(REPO, path))) broken.push(`${page}: ${link} (no such file)`);
    else if (anchor && (!path.endsWith('.md') || !headingAnchors(read(path)).has(anchor)))
      broken.push(`${page}: ${link} (no such heading)`);
  }
  return broken;
}

/**
 * Citations of files that live outside the repository: the design document
 * and research notes the service was first written from, and paths of the
 * machine it was written on. Each pattern is built so that this file does not
 * match itself.
 */
const OUTSIDE = [
  new RegExp(['\\bDESIGN', '\\.md\\b'].join('')),
  new RegExp(['\\bresearch', '/[\\w.-]+\\.md\\b'].join('')),
  new RegExp(['(?<![\\w/.-])(?:domain|spc|infra|anchors)', '\\.md\\b'].join('')),
  new RegExp(['\\bshared', '/research\\b'].join('')),
  new RegExp(['/work', '/(?:shared|wt|main)\\b'].join('')),
];

const TEXT = /\.(ts|tsx|mts|js|cjs|mjs|json|md|ya?ml|sh|css|html|cfg|xml|csv)$/;

/** Every text file a reader of the repository may meet: code, tests, docs, schemas, data, deployment. */
const repositoryText = (): string[] => [
  ...['README.md', 'package.json', 'Dockerfile', 'docker-compose.yml', 'jest.config.js', 'eslint.config.mjs'],
  ...['docs', 'src', 'test', 'bench', 'scripts', 'web', 'schemas', 'data/reference', 'deploy', '.ci'].flatMap(
    (dir) => filesUnder(dir, (f) => TEXT.test(f) || relative(REPO, f).startsWith('.ci')),
  ),
];

/** A page that does not exist, for checking the checks (spelt so the last test does not take it for a citation). */
const MADE_UP = ['docs', 'analysts', 'made-up.md'].join('/');

describe('links and citations in the docs and the code', () => {
  it('finds a broken link, one that leaves the repository and a missing heading (checked on made-up pages)', () => {
    expect(
      brokenLinks(
        MADE_UP,
        'See [a](read-models.md), [b](nowhere.md), [c](../../../elsewhere.md), [d](read-models.md#no-such-part), ' +
          '[e](read-models.md#the-funnel), [f](https://example.org/x.md).\n```\n[g](in-code.md)\n```',
      ),
    ).toEqual([
      `${MADE_UP}: nowhere.md (no such file)`,
      `${MADE_UP}: ../../../elsewhere.md (outside the repository)`,
      `${MADE_UP}: read-models.md#no-such-part (no such heading)`,
    ]);
  });

  it('resolves every relative link between Markdown files, and every heading a link names', () => {
    expect(markdown().flatMap((page) => brokenLinks(page, read(page)))).toEqual([]);
  });

  it('reaches every page under docs/ from docs/README.md', () => {
    const reached = new Set<string>(['docs/README.md']);
    const queue = ['docs/README.md'];
    while (queue.length > 0) {
      const page = queue.shift() as string;
      for (const link of relativeLinks(read(page))) {
        const { path } = target(page, link);
        if (path && path.startsWith('docs') && path.endsWith('.md') && !reached.has(path)) {
          reached.add(path);
          if (existsSync(join(REPO, path))) queue.push(path);
        }
      }
    }
    const pages = docPages().filter((page) => page.startsWith('docs/'));
    expect(pages.filter((page) => !reached.has(page))).toEqual([]);
    expect(pages.length).toBeGreaterThan(20);
  });

  it('cites no file outside the repository, anywhere in it', () => {
    const files = repositoryText();
    const citations = files.flatMap((file) =>
      read(file)
        .split('\n')
        .flatMap((line, i) =>
          OUTSIDE.some((p) => p.test(line)) ? [`${file}:${i + 1}: ${line.trim()}`] : [],
        ),
    );
    expect(citations).toEqual([]);
    expect(files.length).toBeGreaterThan(500);
  });

  it('catches such a citation (checked on made-up lines)', () => {
    const [design, research, shared, note] = ['DESIGN', 'research', 'shared', 'spc'];
    const lines = [
      `as ${design}.md §4 says`,
      `(${research}/${'domain'}.md §9.2)`,
      `the specification is ${shared}/${research}/${note}.md`,
      `see ${note}.md §3`,
    ];
    expect(lines.filter((line) => OUTSIDE.some((p) => p.test(line)))).toEqual(lines);
    expect(OUTSIDE.some((p) => p.test('docs/analysts/spc-rules.md and ../shared/time-rules'))).toBe(false);
  });

  it('cites only docs pages that exist, from code, tests, scripts and schemas', () => {
    const cited = ['src', 'test', 'bench', 'scripts', 'web', 'schemas'].flatMap((dir) =>
      filesUnder(dir, (f) => TEXT.test(f)).flatMap((file) =>
        [...read(file).matchAll(/\bdocs\/[\w/-]+\.md\b/g)].map((m) => ({ file, page: m[0] })),
      ),
    );
    expect(
      cited.filter(({ page }) => !existsSync(join(REPO, page)) || !statSync(join(REPO, page)).isFile()),
    ).toEqual([]);
    expect(cited.length).toBeGreaterThan(20);
  });
});
