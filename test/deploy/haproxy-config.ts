/**
 * HAProxy's configuration format, as far as the scale-out proxy needs it read:
 * a section starts on an unindented line (`global`, `defaults`,
 * `frontend NAME`, `backend NAME`, `resolvers NAME`) and holds the indented
 * lines after it; `#` starts a comment. Anything else is refused, so a typo
 * fails the test rather than being skipped.
 */
export interface Section {
  kind: string;
  name: string;
  lines: string[][];
}

const KINDS = new Set(['global', 'defaults', 'frontend', 'backend', 'resolvers', 'listen']);

export function parseHaproxyConfig(text: string): Section[] {
  const sections: Section[] = [];
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/#.*$/, '').trimEnd();
    if (line.trim() === '') return;
    const words = line.trim().split(/\s+/);
    if (!/^\s/.test(line)) {
      if (!KINDS.has(words[0])) throw new Error(`line ${index + 1}: unknown section "${words[0]}"`);
      sections.push({ kind: words[0], name: words[1] ?? '', lines: [] });
      return;
    }
    const current = sections[sections.length - 1];
    if (!current) throw new Error(`line ${index + 1}: a setting outside any section`);
    current.lines.push(words);
  });
  return sections;
}

export function section(sections: Section[], kind: string, name = ''): Section {
  const found = sections.find((s) => s.kind === kind && s.name === name);
  if (!found) throw new Error(`no ${kind} ${name} section`);
  return found;
}

/** The words after `keyword` on each line of a section that starts with it. */
export function settings(of: Section, ...keyword: string[]): string[][] {
  return of.lines
    .filter((words) => keyword.every((k, i) => words[i] === k))
    .map((words) => words.slice(keyword.length));
}
