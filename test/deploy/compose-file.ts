import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** docker-compose.yml as Compose reads it: YAML merge keys resolved, variables not yet interpolated. */
export const root = join(__dirname, '../..');
export const composeText = readFileSync(join(root, 'docker-compose.yml'), 'utf8');
export const compose = parse(composeText, { merge: true }) as {
  name: string;
  services: Record<string, Service>;
  volumes: Record<string, unknown>;
  [key: string]: unknown;
};

export interface Service {
  image?: string;
  build?: string;
  profiles?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  ports?: string[];
  volumes?: string[];
}

export const services = compose.services;

/** Services `docker compose up` starts: those without a profile. */
export const defaultServices = (): string[] =>
  Object.keys(services).filter((name) => services[name].profiles === undefined);

export const inProfile = (profile: string): string[] =>
  Object.keys(services).filter((name) => services[name].profiles?.includes(profile));

/** The only forms of variable this file may use: `${NAME:-default}` (empty or unset gives the default). */
export const VARIABLE = /\$\{([A-Z][A-Z0-9_]*):-([^}]*)\}/g;

/** A value as Compose interpolates it from `env` (an empty environment by default). */
export function interpolate(value: string, env: Record<string, string> = {}): string {
  return value.replace(VARIABLE, (_, name: string, fallback: string) => env[name] || fallback);
}

/** A service's environment as its process would get it. */
export function environmentOf(service: string, env: Record<string, string> = {}): Record<string, string> {
  return Object.fromEntries(
    Object.entries(services[service].environment ?? {}).map(([key, value]) => [
      key,
      interpolate(String(value), env),
    ]),
  );
}

/** `name:/path[:mode]` → the named volume (or bind source) and where it is mounted. */
export function mounts(service: string): Array<{ source: string; target: string; mode?: string }> {
  return (services[service].volumes ?? []).map((volume) => {
    const [source, target, mode] = volume.split(':');
    return { source, target, mode };
  });
}
