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

/**
 * `recursive(name)`, when given, answers what a recursive type's inner
 * reference becomes (a tree's children: a reference to a shared schema);
 * without it a recursive type is refused.
 */
function inline(node, definitions, formats = {}, seen = [], recursive = undefined) {
  const again = (value, names) => inline(value, definitions, formats, names, recursive);
  if (Array.isArray(node)) return node.map((item) => again(item, seen));
  if (node === null || typeof node !== 'object') return node;
  if (typeof node.$ref === 'string') {
    const name = decode(node.$ref);
    if (seen.includes(name)) {
      if (!recursive) throw new Error(`Recursive type ${name}: schemas must be inlinable`);
      return recursive(name);
    }
    const { $ref: _ref, ...rest } = node;
    const target = again(definitions[name], [...seen, name]);
    return { ...target, ...(formats[name] ?? {}), ...again(rest, seen) };
  }
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, again(value, seen)]));
}

module.exports = { inline, typeSchemas };
