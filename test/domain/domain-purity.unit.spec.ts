import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const domain = join(__dirname, '../../src/domain');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** What the domain may import: itself, relatively. Everything else is a framework or I/O. */
function forbiddenImports(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.filter((specifier) => !specifier.startsWith('.'));
}

describe('src/domain stays pure', () => {
  const files = sources(domain);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it.each(files.map((f) => [relative(domain, f), f]))(
    '%s imports nothing from frameworks, stores or Node I/O',
    (_, file) => {
      expect(forbiddenImports(readFileSync(file, 'utf8'))).toEqual([]);
    },
  );

  it('the check itself catches a framework import', () => {
    expect(
      forbiddenImports(`import { Injectable } from '@nestjs/common';\nimport { x } from './x';`),
    ).toEqual(['@nestjs/common']);
    expect(forbiddenImports(`import * as fs from 'node:fs';`)).toEqual(['node:fs']);
  });
});
