/**
 * Writes data/<EventType>.v<N>.schema.json for every domain event type in
 * src/domain/<aggregate>/events.ts, from the TypeScript types themselves
 * (ts-json-schema-generator), so the published contract cannot drift from
 * what the deciders emit and the upcasters produce on read. N is the version
 * the relay publishes the type at (DATA_SCHEMA_VERSIONS in
 * src/kafka/relay/integration-event-types.ts). `npm run schemas:events` rewrites the files;
 * test/kafka/integration-event-schemas.unit.spec.ts fails when they are stale.
 *
 * Every schema is self-contained (references inlined), so a consumer needs
 * one file per event type and no resolver.
 */
const { mkdirSync, readdirSync, rmSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { inline, typeSchemas } = require('../type-schemas.cjs');

const OUT = join(__dirname, 'data');

/** The domain's string aliases carry formats the TypeScript type cannot say. */
const FORMATS = {
  IsoDate: { format: 'date' },
  IsoDateTime: { format: 'date-time' },
};

/** Every event type's data schema at the version it is published at, keyed by event type. */
function generate(versions) {
  const generator = typeSchemas('src/domain/*/events.ts');
  const { definitions } = generator.createSchema('*');
  const schemas = new Map();
  for (const name of Object.keys(definitions)) {
    if (name.includes('<')) continue;
    const event = inline(definitions[name], definitions, FORMATS);
    const type = event.properties?.type?.const;
    if (event.type !== 'object' || typeof type !== 'string' || type !== name || !event.properties.data) continue;
    const version = versions[type];
    if (!Number.isInteger(version)) throw new Error(`${type} has no data schema version in DATA_SCHEMA_VERSIONS`);
    schemas.set(type, {
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: `urn:always-events:integration-events:data:${type}:v${version}`,
      title: `${type} data, schema version ${version}`,
      description: `The data of an integration event of type ${type}, schemaVersion ${version}. Generated from src/domain by schemas/integration-events/generate.cjs: do not edit by hand.`,
      ...event.properties.data,
    });
  }
  return schemas;
}

const fileName = (type, version) => `${type}.v${version}.schema.json`;
const render = (schema) => `${JSON.stringify(schema, null, 2)}\n`;

function write() {
  // Run as `npm run schemas:events`, which loads @swc-node/register so the versions come from the TypeScript source.
  const versions = require('../../src/kafka/relay/integration-event-types').DATA_SCHEMA_VERSIONS;
  const schemas = generate(versions);
  mkdirSync(OUT, { recursive: true });
  for (const file of readdirSync(OUT)) if (/\.v\d+\.schema\.json$/.test(file)) rmSync(join(OUT, file));
  for (const [type, schema] of schemas) writeFileSync(join(OUT, fileName(type, versions[type])), render(schema));
  process.stdout.write(`Wrote ${schemas.size} data schemas to ${OUT}\n`);
}

module.exports = { generate, fileName, render };

if (require.main === module) write();
