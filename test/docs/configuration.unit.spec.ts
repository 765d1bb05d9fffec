import { isAbsolute, relative } from 'node:path';
import { AppConfig } from '../../src/config/app-config';
import { read, REPO } from './support/docs-text';

const PAGE = 'docs/operations/configuration.md';

interface Row {
  variable: string;
  default: string;
}

/** The rows of every `| variable | default | meaning |` table of the page. */
function settingsRows(text: string): Row[] {
  const rows: Row[] = [];
  let inTable = false;
  for (const line of text.split('\n')) {
    if (/^\| variable \| default \| meaning \|$/.test(line)) {
      inTable = true;
      continue;
    }
    if (!line.startsWith('|')) inTable = false;
    if (!inTable || line.startsWith('| ---')) continue;
    const [variable, defaultCell] = line
      .split(/(?<!\\)\|/)
      .slice(1, 3)
      .map((cell) => cell.trim());
    rows.push({ variable: variable.replace(/^`|`$/g, ''), default: defaultCell });
  }
  return rows;
}

/**
 * How the page writes a default: in backticks, lists comma-separated, paths in
 * the repository relative to it; nothing (words on the page) for unset or empty.
 */
function shown(value: unknown): string | undefined {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return undefined;
  if (Array.isArray(value)) return `\`${value.join(',')}\``;
  if (typeof value === 'string' && isAbsolute(value) && value.startsWith(REPO)) {
    return `\`${relative(REPO, value)}\``;
  }
  return `\`${String(value)}\``;
}

/** A default of the page that differs from the code's, or a missing one shown as a value. */
function wrongDefaults(rows: readonly Row[], defaults: Record<string, unknown>): string[] {
  return rows.flatMap(({ variable, default: cell }) => {
    if (!(variable in defaults)) return [];
    const expected = shown(defaults[variable]);
    if (expected === undefined)
      return cell.startsWith('`') ? [`${variable}: ${cell} (no default in the code)`] : [];
    return cell === expected ? [] : [`${variable}: ${cell} (the code: ${expected})`];
  });
}

describe(`the settings table of ${PAGE} against the configuration classes`, () => {
  const defaults = { ...new AppConfig() } as Record<string, unknown>;
  const rows = settingsRows(read(PAGE));

  it('lists every setting the service reads, once, and no other', () => {
    const listed = rows.map((r) => r.variable);
    expect({
      missing: Object.keys(defaults).filter((name) => !listed.includes(name)),
      unknown: listed.filter((name) => !(name in defaults)),
      twice: listed.filter((name, i) => listed.indexOf(name) !== i),
    }).toEqual({ missing: [], unknown: [], twice: [] });
    expect(listed.length).toBeGreaterThan(50);
  });

  it('shows each default as the code has it (words only where the code has none)', () => {
    expect(wrongDefaults(rows, defaults)).toEqual([]);
  });

  it('catches a wrong default and a default invented for an unset setting (checked on made-up rows)', () => {
    expect(
      wrongDefaults(
        [
          { variable: 'PORT', default: '`3001`' },
          { variable: 'CORS_ORIGINS', default: '`*`' },
          { variable: 'APP_ROLES', default: '`api,projections,relay,commands`' },
        ],
        defaults,
      ),
    ).toEqual(['PORT: `3001` (the code: `3000`)', 'CORS_ORIGINS: `*` (no default in the code)']);
  });
});
