import { Options, transformFileSync } from '@swc/core';
import { createHash, randomUUID } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';

const SWC_OPTIONS = require('./swc-options.cjs') as Options;
const ROOT = join(__dirname, '..', '..');
const SRC = join(ROOT, 'src');
/** A direct child of the repository, like dist/: the service finds data/ and web/ from there. */
const BUILD = join(ROOT, '.test-build');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * The service compiled to JavaScript, for tests that start, kill and restart
 * real service processes many times: under plain node an instance starts in
 * about a second, where @swc-node/register compiles every module again at
 * each start. swc without type checks (the suite's typecheck does that); the
 * build is reused while src/ is unchanged, and made in a folder of its own
 * first, so jest workers building at once never see half of one.
 */
export function compiledService(): string {
  const files = sources(SRC);
  const hash = createHash('sha256');
  for (const file of files) hash.update(relative(SRC, file)).update(readFileSync(file));
  const version = hash.digest('hex');
  const stamp = join(BUILD, 'BUILD_VERSION');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === version) return join(BUILD, 'main.js');

  const scratch = `${BUILD}.tmp-${randomUUID()}`;
  for (const file of files) {
    const out = join(scratch, relative(SRC, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    const { code } = transformFileSync(file, { ...SWC_OPTIONS, sourceMaps: false, swcrc: false });
    writeFileSync(out, code);
  }
  writeFileSync(join(scratch, 'BUILD_VERSION'), version);
  rmSync(BUILD, { recursive: true, force: true });
  try {
    renameSync(scratch, BUILD);
  } catch {
    // Another worker put its identical build in place first.
    rmSync(scratch, { recursive: true, force: true });
  }
  return join(BUILD, 'main.js');
}
