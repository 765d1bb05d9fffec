// Jest on Node 20 cannot require() ES modules, and NestJS 12 (and a few of its
// dependencies) ship only ESM. This transformer compiles our TypeScript with swc
// and, inside node_modules, compiles only the packages that are ESM, leaving
// CommonJS packages byte-for-byte as published.
const fs = require('node:fs');
const path = require('node:path');
const { createTransformer } = require('@swc/jest');

const swc = createTransformer({ ...require('./swc-options.cjs'), sourceMaps: 'inline' });

const typeCache = new Map();
function isEsmPackageFile(filename) {
  if (filename.endsWith('.mjs')) return true;
  if (filename.endsWith('.cjs')) return false;
  let dir = path.dirname(filename);
  const seen = [];
  while (dir !== path.dirname(dir)) {
    if (typeCache.has(dir)) break;
    seen.push(dir);
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg)) {
      let type = 'commonjs';
      try {
        type = JSON.parse(fs.readFileSync(pkg, 'utf8')).type ?? 'commonjs';
      } catch {
        type = 'commonjs';
      }
      typeCache.set(dir, type === 'module');
      break;
    }
    dir = path.dirname(dir);
  }
  const result = typeCache.get(dir) ?? false;
  for (const d of seen) typeCache.set(d, result);
  return result;
}

module.exports = {
  canInstrument: swc.canInstrument,
  getCacheKey(src, filename, options) {
    return swc.getCacheKey(src, filename, options) + (isEsmPackageFile(filename) ? ':esm' : ':cjs');
  },
  process(src, filename, options) {
    if (filename.includes(`${path.sep}node_modules${path.sep}`) && !isEsmPackageFile(filename)) {
      return { code: src };
    }
    return swc.process(src, filename, options);
  },
};
