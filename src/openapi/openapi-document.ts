import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { CatalogueService } from '../commands/catalogue.service';
import { CommandDefinition } from '../commands/command-definition';
import { RESPONSE_OF_ROUTE } from './response-routes';
import { RESPONSE_SCHEMAS } from './response-schemas.generated';
import { SCHEMA_OPTIONS } from '../shared/validation/schema-options';
import { documentSecurity } from './security-document';

type Schema = Record<string, unknown>;

const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

const COMMAND_HEADERS = [
  {
    name: 'Idempotency-Key',
    in: 'header',
    required: false,
    description:
      'Send one with every command. A retry with the same key answers 200 with the original result and writes nothing; the same key with a different body is refused with 422.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,128}$' },
  },
  {
    name: 'If-Match',
    in: 'header',
    required: false,
    description:
      'The stream revision (the ETag of a previous response) the command was decided on; 412 if the stream has moved on.',
    schema: { type: 'string', example: '"3"' },
  },
  {
    name: 'X-Source-System',
    in: 'header',
    required: false,
    description: 'The calling system (recorded on every event); `backfill` marks historical data.',
    schema: { type: 'string', pattern: '^[A-Za-z0-9._-]{1,64}$' },
  },
];

function commandPath(command: CommandDefinition, tag: string) {
  return {
    post: {
      tags: [`commands: ${tag}`],
      operationId: command.name,
      summary: command.summary,
      description: command.description,
      parameters: COMMAND_HEADERS,
      requestBody: {
        required: true,
        content: { 'application/json': { schema: { $ref: `#/components/schemas/${command.dto.name}` } } },
      },
      responses: {
        '201': {
          description: 'Accepted: the events were appended',
          headers: { ETag: { schema: { type: 'string' }, description: 'The stream revision, quoted' } },
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } } },
        },
        '200': {
          description:
            'A retry of a command already done (same Idempotency-Key): the original result, nothing written',
          content: { 'application/json': { schema: { $ref: '#/components/schemas/CommandResult' } } },
        },
        '400': problemResponse('The body or a header is invalid: `errors` names each field and rule'),
        '404': problemResponse('No such command'),
        '409': problemResponse(
          'The command conflicts with the current state (`rule` names it), or a concurrent write won',
        ),
        '412': problemResponse('If-Match did not match the stream revision'),
        '413': problemResponse('The body is larger than 1 MiB'),
        '422': problemResponse(
          'The command breaks a domain rule on its content, the Idempotency-Key was reused, or patient-identifiable data was refused (`errors` names where, never the value)',
        ),
        '503': problemResponse(
          'The event store is unavailable; nothing was written; retry with the same key',
        ),
      },
    },
  };
}

const SHARED_SCHEMAS: Record<string, Schema> = {
  CommandResult: {
    type: 'object',
    required: ['streamId', 'revision', 'position', 'eventIds', 'replayed'],
    properties: {
      streamId: { type: 'string' },
      revision: { type: 'integer', description: "The stream's revision after the command" },
      position: {
        type: 'integer',
        description: 'Global position of the last event: pass as minPosition to read your write',
      },
      eventIds: { type: 'array', items: { type: 'string', format: 'uuid' } },
      replayed: { type: 'boolean', description: 'True when this answered a retry: nothing was written' },
    },
  },
  Problem: {
    type: 'object',
    description: 'RFC 9457 problem details',
    required: ['type', 'title', 'status', 'detail'],
    properties: {
      type: { type: 'string' },
      title: { type: 'string' },
      status: { type: 'integer' },
      detail: { type: 'string' },
      instance: { type: 'string' },
      correlationId: { type: 'string' },
      rule: { type: 'string', description: 'The domain rule broken' },
      errors: {
        type: 'array',
        items: {
          type: 'object',
          required: ['field', 'rule', 'message'],
          properties: { field: { type: 'string' }, rule: { type: 'string' }, message: { type: 'string' } },
        },
      },
    },
  },
};

/**
 * @IsOptional() takes null as absent, so an optional field may be sent as
 * null: the document says so (OpenAPI 3.0 `nullable`; a $ref needs allOf).
 */
function allowNullWhereOptional(schema: Schema): void {
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  for (const [name, property] of Object.entries(properties)) {
    if (required.has(name)) continue;
    // An enum must list null itself to take it (OpenAPI 3.0.3, on nullable).
    const withNull = Array.isArray(property.enum) ? { enum: [...(property.enum as unknown[]), null] } : {};
    properties[name] =
      '$ref' in property
        ? { allOf: [{ $ref: property.$ref }], nullable: true }
        : { ...property, ...withNull, nullable: true };
  }
}

function inheritedSchema(schemas: Record<string, Schema>, type: unknown): Schema {
  for (let parent = Object.getPrototypeOf(type) as { name?: string } | null; parent?.name;) {
    const schema = schemas[parent.name];
    if (schema) return structuredClone(schema);
    parent = Object.getPrototypeOf(parent) as { name?: string } | null;
  }
  return { type: 'object', properties: {} };
}

/**
 * The OpenAPI document: the controllers Nest knows, plus one path per command
 * generated from the command catalogue, with each body's JSON Schema derived
 * from the same class-validator decorators that validate it.
 */
export function buildOpenApiDocument(app: INestApplication, catalogue: CatalogueService): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Always Events programme tracker')
    .setDescription(
      'Commands: POST /v1/commands/{CommandName} with the command body; every error is application/problem+json. ' +
        'Queries: GET /v1/... on read models, JSON or CSV (Accept: text/csv).',
    )
    .setVersion('1')
    .build();
  const document = SwaggerModule.createDocument(app, config);
  const schemas = validationMetadatasToSchemas(SCHEMA_OPTIONS) as Record<string, Schema>;
  // A body class that only renames its parent has no metadata of its own: it takes its parent's schema.
  for (const command of catalogue.aggregates.flatMap((aggregate) => aggregate.commands)) {
    schemas[command.dto.name] ??= inheritedSchema(schemas, command.dto);
  }
  for (const schema of Object.values(schemas)) {
    // Unknown fields are refused (forbidNonWhitelisted), so the schemas say so too.
    schema.additionalProperties = false;
    allowNullWhereOptional(schema);
  }
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...schemas, ...SHARED_SCHEMAS },
  };
  for (const aggregate of catalogue.aggregates) {
    for (const command of aggregate.commands) {
      (document.paths as Record<string, unknown>)[`/v1/commands/${command.name}`] = commandPath(
        command,
        aggregate.category,
      );
    }
  }
  documentResponses(document);
  documentSecurity(document);
  return document;
}

type Operation = { responses: Record<string, { description?: string; content?: Record<string, unknown> }> };

/** Each query route's success answer: the schema generated from the type its controller answers with. */
function documentResponses(document: OpenAPIObject): void {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, ...RESPONSE_SCHEMAS },
  };
  for (const [route, { status, schema }] of Object.entries(RESPONSE_OF_ROUTE)) {
    const [method, path] = route.split(' ');
    const operation = (document.paths[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];
    if (!operation) throw new Error(`The API document has no ${route} for its response schema`);
    const response = operation.responses[String(status)] ?? { description: 'Success' };
    response.content = {
      ...response.content,
      'application/json': { schema: { $ref: `#/components/schemas/${schema}` } },
    };
    operation.responses[String(status)] = response;
  }
}
