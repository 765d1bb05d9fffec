const { createGenerator } = require('ts-json-schema-generator');
const { join } = require('node:path');

/**
 * A ts-json-schema-generator for the exported TypeScript types of `path` (a
 * file or glob under the repository), with the settings every generated
 * schema here shares: closed objects, JSDoc as descriptions.
 */
function typeSchemas(path) {
  const root = join(__dirname, '..');
  return createGenerator({
    path: join(root, path),
    tsconfig: join(root, 'tsconfig.json'),
    type: '*',
    expose: 'export',
    topRef: false,
    skipTypeCheck: true,
    jsDoc: 'extended',
    additionalProperties: false,
  });
}

/**
 * Replaces every `#/definitions/<Name>` reference of a ts-json-schema-generator
 * schema with the definition itself, so each generated schema stands alone.
 * `formats` adds what a TypeScript alias cannot say (IsoDate: format date).
 */
function decode(ref) {
  return decodeURIComponent(ref.replace(/^#\/definitions\//, ''));
}

function inline(node, definitions, formats = {}, seen = []) {
  if (Array.isArray(node)) return node.map((item) => inline(item, definitions, formats, seen));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const name = decode(node.$ref);
    if (seen.includes(name)) throw new Error(`Recursive type ${name}: schemas must be inlinable`);
    const { $ref: _ref, ...rest } = node;
    const target = inline(definitions[name], definitions, formats, [...seen, name]);
    return { ...target, ...(formats[name] ?? {}), ...inline(rest, definitions, formats, seen) };
  }
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, inline(value, definitions, formats, seen)]),
  );
}

module.exports = { inline, typeSchemas };
