import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

export const REPO = join(__dirname, '..', '..', '..');

export const read = (file: string): string => readFileSync(join(REPO, file), 'utf8');

/** Files below `dir` (repository-relative), skipping build output and dependencies. */
export function filesUnder(dir: string, keep: (file: string) => boolean): string[] {
  const skip = new Set(['node_modules', 'dist', '.work', '.git', 'test-artifacts', '.kafka-local']);
  const out: string[] = [];
  const walk = (absolute: string): void => {
    for (const name of readdirSync(absolute)) {
      if (skip.has(name)) continue;
      const path = join(absolute, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (keep(path)) out.push(relative(REPO, path));
    }
  };
  if (existsSync(join(REPO, dir))) walk(join(REPO, dir));
  return out.sort();
}

/** The README and every page under docs/. */
export const docPages = (): string[] => ['README.md', ...filesUnder('docs', (f) => f.endsWith('.md'))];

/** Text outside fenced code blocks, where links mean links. */
export const withoutCodeBlocks = (text: string): string => text.replace(/^```[\s\S]*?^```/gm, '');

/** Relative Markdown links `[text](target)`: web addresses and mail are left to the reader. */
export function relativeLinks(text: string): string[] {
  return [...withoutCodeBlocks(text).matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((target) => !/^[a-z][a-z+.-]*:/i.test(target));
}

/** GitHub's anchors for a page's headings: lower case, punctuation dropped, spaces as hyphens. */
export function headingAnchors(text: string): Set<string> {
  const anchors = new Set<string>();
  for (const m of withoutCodeBlocks(text).matchAll(/^#{1,6} (.+)$/gm)) {
    anchors.add(
      m[1]
        .trim()
        .toLowerCase()
        .replace(/[^\p{L}\p{N} _-]/gu, '')
        .replace(/ /g, '-'),
    );
  }
  return anchors;
}

/**
 * Every API path a text names: `/v1/...`, `/health/...` and `/metrics`, also
 * inside URLs (`http://127.0.0.1:3000/v1/...`), with any query string and
 * trailing punctuation dropped. A path that ends in `/`, `/...` or `/…`
 * (`/v1/analytics/`, `.../commands/${step}` in a shell line) stands for
 * anything below it, written `/*`.
 */
export function routeMentions(text: string): string[] {
  const found = new Set<string>();
  for (const m of text.matchAll(/(?<![A-Za-z_./-])(\/(?:v1|health)\/[^\s`'"<>()[\]|,;?$]*|\/metrics\b)/g)) {
    const path = m[1].replace(/\/(\.\.\.|…)$/, '/').replace(/[.:…]+$/, '');
    found.add(path.endsWith('/') ? `${path}*` : path);
  }
  return [...found];
}

const isPlaceholder = (segment: string): boolean => /^[{<:]|…|\$/.test(segment);
const isParameter = (segment: string): boolean => /^\{.+\}$|^:/.test(segment);

/**
 * Whether a path a page names is this route: literal segments equal, a
 * placeholder (`{id}`, `<id>`, `:id`) where the route takes a parameter, a
 * concrete value (`organisation-RYX`) in a parameter's place; `/*` at the end
 * stands for anything below.
 */
export function namesRoute(mention: string, route: string): boolean {
  const said = mention.split('/');
  const served = route.split('/');
  if (said.at(-1) === '*') {
    const prefix = said.slice(0, -1);
    return served.length > prefix.length && prefix.every((s, i) => segmentNames(s, served[i]));
  }
  return said.length === served.length && said.every((s, i) => segmentNames(s, served[i]));
}

function segmentNames(said: string, served: string): boolean {
  if (isParameter(served)) return true;
  if (served === '*') return true;
  return !isPlaceholder(said) && said === served;
}

/** A name in backticks at the start of a table row: the commands of the domain model's tables. */
export const tableRowNames = (text: string): string[] =>
  [...text.matchAll(/^\| `([A-Z][A-Za-z0-9]+)` \|/gm)].map((m) => m[1]);
