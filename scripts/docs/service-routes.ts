import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { OpenAPIObject } from '@nestjs/swagger';
import { createApp } from '../../src/app.factory';
import { CatalogueService } from '../../src/commands/catalogue.service';
import { loadConfig } from '../../src/config/load-config';
import { buildOpenApiDocument } from '../../src/openapi/openapi-document';
import { registeredRoutes } from '../../src/security/route-inventory';

export const COMMANDS_PREFIX = '/v1/commands/';

export interface ServiceRoutes {
  /** The document /openapi.json serves, built the same way. */
  document: OpenAPIObject;
  /** Every route Fastify registered (the dashboard, Swagger UI and HEAD twins included), as `/path/:param`. */
  registered: Array<{ method: string; url: string }>;
  close(): Promise<void>;
}

/**
 * The service's routes as the application defines them, without listening:
 * the whole app on a fresh embedded store in a temporary folder, with no
 * Kafka and no register seed, so nothing but the routes is looked at.
 */
export async function openServiceRoutes(): Promise<ServiceRoutes> {
  const folder = mkdtempSync(join(tmpdir(), 'aet-docs-'));
  const app = await createApp(
    loadConfig({
      LOG_LEVEL: 'warn',
      SEED_REGISTER_ON_EMPTY_STORE: 'false',
      SQLITE_PATH: join(folder, 'events.sqlite'),
      STATE_SQLITE_PATH: join(folder, 'state.sqlite'),
      API_KEYS: '[]',
      KAFKA_BROKERS: '',
    }),
  );
  try {
    const document = buildOpenApiDocument(app, app.get(CatalogueService));
    // Nest hands its routes to Fastify during init.
    await app.init();
    const registered = registeredRoutes(app.getHttpAdapter().getInstance()).map(({ method, url }) => ({
      method,
      url,
    }));
    return {
      document,
      registered,
      close: async () => {
        await app.close();
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await app.close();
    rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}

export interface DocumentedOperation {
  method: string;
  path: string;
  tag: string;
  summary: string;
}

interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  responses?: Record<string, { description?: string }>;
}

/** A route with no summary (health) is described by its success answer. */
const successOf = (operation: Operation): string | undefined =>
  Object.entries(operation.responses ?? {}).find(([status]) => status.startsWith('2'))?.[1].description;

/** Every operation of the document, in its order: method, path, first tag and summary. */
export function operationsOf(document: OpenAPIObject): DocumentedOperation[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item as Record<string, Operation>)
      .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        tag: operation.tags?.[0] ?? 'other',
        summary: operation.summary ?? operation.description ?? successOf(operation) ?? '',
      })),
  );
}

export const isCommandPath = (path: string): boolean => path.startsWith(COMMANDS_PREFIX);
