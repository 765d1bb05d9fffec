import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const analytics = join(__dirname, '../../src/analytics');
const sources = readdirSync(analytics).filter((name) => name.endsWith('.ts'));

/** Imports that leave src/analytics: packages, Node built-ins or a parent folder. */
function outsideImports(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return specifiers.filter((s) => !s.startsWith('./'));
}

describe('src/analytics stays pure', () => {
  it('has source files to check', () => {
    expect(sources.length).toBeGreaterThan(10);
  });

  it.each(sources.map((name) => [name]))('%s imports only from src/analytics', (name) => {
    expect(outsideImports(readFileSync(join(analytics, name), 'utf8'))).toEqual([]);
  });

  it('the check itself catches a framework, a Node and a parent-folder import', () => {
    const source = `import { Injectable } from '@nestjs/common';\nimport { readFileSync } from 'node:fs';\nimport { x } from '../domain/x';\nimport { y } from './y';`;
    expect(outsideImports(source)).toEqual(['@nestjs/common', 'node:fs', '../domain/x']);
  });
});
