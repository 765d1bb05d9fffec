import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseConnectionString } from '@eventstore/db-client/dist/Client/parseConnectionString';
import { loadConfig } from '../../src/config/load-config';
import { runsCommandConsumer } from '../../src/kafka/commands/command-consumer.providers';
import {
  compose,
  composeText,
  defaultServices,
  environmentOf,
  inProfile,
  mounts,
  root,
  services,
} from './compose-file';
import { VARIABLE } from './compose-file';
import { parseHaproxyConfig, section, settings } from './haproxy-config';

/*
 * The scale-out profile, checked as far as it can be without Docker: every
 * process's environment goes through the service's own configuration loader,
 * the connection string through the EventStoreDB client's own parser, and the
 * proxy's configuration is read and matched against the replicas.
 */
const PROFILE = 'scale-out';
const scaleOut = inProfile(PROFILE);
const apps = scaleOut.filter((name) => services[name].build === '.');
const nodes = scaleOut.filter((name) => services[name].image?.includes('/kurrentdb:'));
const replicas = apps.filter((name) => environmentOf(name).APP_ROLES?.split(',').includes('api'));
const worker = 'worker';

/** What an operator sets before `docker compose --profile scale-out up` (see the file's header). */
const operatorEnv = {
  API_KEYS: JSON.stringify([{ id: 'ops', role: 'programme-admin', hash: 'x'.repeat(64) }]),
  CLIENT_IP_HASH_SALT: 's'.repeat(32),
  KAFKA_COMMANDS_PRINCIPAL: 'programme-admin:*',
};

describe('docker-compose.yml, scale-out profile [validated, not run: no Docker here]', () => {
  it('holds a three-node cluster, two API replicas, a proxy and a worker, none of which plain `up` starts', () => {
    expect([...scaleOut].sort()).toEqual(
      ['api-1', 'api-2', 'kurrentdb-1', 'kurrentdb-2', 'kurrentdb-3', 'proxy', 'worker'].sort(),
    );
    expect(defaultServices()).toEqual(['eventstore', 'kafka', 'app']);
    expect(nodes).toEqual(['kurrentdb-1', 'kurrentdb-2', 'kurrentdb-3']);
    expect(replicas).toEqual(['api-1', 'api-2']);
    // Its services lean on each other and on the shared broker, never on the single-node stack.
    for (const name of scaleOut) {
      for (const needed of Object.keys(services[name].depends_on ?? {})) {
        expect([name, needed, scaleOut.includes(needed) || needed === 'kafka']).toEqual([name, needed, true]);
      }
    }
    expect(Object.keys(services.proxy.depends_on ?? {}).sort()).toEqual(replicas);
  });

  it('gives every app process an environment its configuration loader accepts, with the operator’s variables and without', () => {
    expect(apps.sort()).toEqual(['api-1', 'api-2', 'worker']);
    // Only `${NAME:-default}`: a `${NAME:?}` would stop even the single-node stack when unset.
    expect(composeText.replace(VARIABLE, '')).not.toContain('$');
    for (const name of apps) {
      for (const env of [{}, operatorEnv]) {
        const config = loadConfig(environmentOf(name, env));
        expect(config).toMatchObject({ EVENT_STORE: 'esdb', HOST: '0.0.0.0', PORT: 3000 });
      }
    }
    expect(loadConfig(environmentOf(worker, operatorEnv)).KAFKA_COMMANDS_PRINCIPAL).toBe('programme-admin:*');
    // The secrets that must agree across processes come from one place.
    for (const variable of ['API_KEYS', 'CLIENT_IP_HASH_SALT']) {
      expect(new Set(apps.map((name) => environmentOf(name, operatorEnv)[variable]))).toEqual(
        new Set([operatorEnv[variable as keyof typeof operatorEnv]]),
      );
    }
  });

  it('runs the read models on the API replicas without relay or command consumer, and only those two on the worker', () => {
    for (const name of replicas) {
      const config = loadConfig(environmentOf(name));
      expect(config.APP_ROLES).toEqual(['api', 'projections']);
      expect(runsCommandConsumer(config)).toBe(false);
      // Behind the proxy, one hop is trusted for the client address.
      expect(config.TRUST_PROXY).toBe('1');
    }
    const config = loadConfig(environmentOf(worker));
    expect(config.APP_ROLES).toEqual(['relay', 'commands']);
    expect(runsCommandConsumer(config)).toBe(true);
    // Exactly one relay in the deployment.
    const relays = apps.filter((name) => loadConfig(environmentOf(name)).APP_ROLES.includes('relay'));
    expect(relays).toEqual([worker]);
    expect(services[worker].ports).toBeUndefined();
  });

  it('connects every app process to one cluster through all three nodes, each keeping its state in a volume of its own', () => {
    const strings = new Set(apps.map((name) => environmentOf(name).EVENTSTORE_CONNECTION_STRING));
    expect(strings.size).toBe(1);
    const [connectionString] = strings;
    const parsed = parseConnectionString(connectionString);
    expect(parsed.hosts).toEqual(
      nodes.map((node) => ({ address: node, port: Number(environmentOf(node).KURRENTDB_NODE_PORT) })),
    );
    expect(parsed.dnsDiscover).toBe(false);
    // Plain HTTP/2 to nodes that run insecure.
    expect(parsed.tls).toBe(false);
    for (const node of nodes) expect(environmentOf(node).KURRENTDB_INSECURE).toBe('true');

    const stateVolumes = apps.map((name) => {
      const folder = dirname(environmentOf(name).STATE_SQLITE_PATH);
      const mount = mounts(name).find((m) => m.target === folder);
      expect([name, mount?.source]).toEqual([name, expect.any(String)]);
      expect(Object.keys(compose.volumes)).toContain(mount?.source);
      return mount?.source;
    });
    expect(new Set([...stateVolumes, mounts('app')[0].source]).size).toBe(apps.length + 1);
  });

  it('configures the nodes alike: cluster size, insecure, gossip seeds naming the others, each advertising its own name', () => {
    const image = services.eventstore.image;
    const ports = new Set(nodes.map((node) => environmentOf(node).KURRENTDB_NODE_PORT));
    expect(ports.size).toBe(1);
    for (const node of nodes) {
      const env = environmentOf(node);
      expect(services[node].image).toBe(image);
      expect(env).toMatchObject({
        KURRENTDB_CLUSTER_SIZE: String(nodes.length),
        KURRENTDB_INSECURE: 'true',
        KURRENTDB_DISCOVER_VIA_DNS: 'false',
        KURRENTDB_NODE_HOST_ADVERTISE_AS: node,
        KURRENTDB_REPLICATION_HOST_ADVERTISE_AS: node,
      });
      const others = nodes.filter((other) => other !== node);
      expect(env.KURRENTDB_GOSSIP_SEED.split(',').sort()).toEqual(
        others.map((other) => `${other}:${environmentOf(other).KURRENTDB_NODE_PORT}`).sort(),
      );
      // Replication binds to loopback by default, where the other nodes cannot reach it.
      expect(env.KURRENTDB_REPLICATION_IP).toBe('0.0.0.0');
      expect(services[node].healthcheck?.test.join(' ')).toContain(
        `localhost:${env.KURRENTDB_NODE_PORT}/health/live`,
      );
    }
    const nodeVolumes = nodes.flatMap((node) => mounts(node).map((m) => m.source));
    expect(new Set(nodeVolumes).size).toBe(nodes.length * 2);
    expect(new Set(nodes.map((node) => environmentOf(node).KURRENTDB_REPLICATION_PORT)).size).toBe(1);
  });

  it('puts a proxy in front whose configuration parses and balances round-robin over both replicas, checking /health/ready', () => {
    const mount = mounts('proxy').find((m) => m.target === '/usr/local/etc/haproxy/haproxy.cfg');
    expect(mount).toEqual({
      source: './deploy/haproxy/haproxy.cfg',
      target: '/usr/local/etc/haproxy/haproxy.cfg',
      mode: 'ro',
    });
    const config = parseHaproxyConfig(readFileSync(join(root, mount?.source ?? ''), 'utf8'));
    const published = services.proxy.ports?.map((port) => port.split(':')[1]);
    const frontend = section(config, 'frontend', 'api');
    expect(settings(frontend, 'bind').map(([address]) => address.split(':')[1])).toEqual(published);
    const [[backendName]] = settings(frontend, 'default_backend');
    const backend = section(config, 'backend', backendName);
    expect(settings(backend, 'balance')).toEqual([['roundrobin']]);
    expect(settings(backend, 'option', 'httpchk')).toEqual([[]]);
    expect(settings(backend, 'http-check', 'send')).toEqual([['meth', 'GET', 'uri', '/health/ready']]);
    expect(settings(backend, 'http-check', 'expect')).toEqual([['status', '200']]);
    expect(settings(backend, 'default-server')[0]).toContain('check');
    expect(settings(backend, 'server')).toEqual(
      replicas.map((name) => [name, `${name}:${environmentOf(name).PORT}`]),
    );
    expect(settings(section(config, 'defaults'), 'option', 'forwardfor')).toHaveLength(1);
    // The route it checks is the service's readiness endpoint.
    const health = readFileSync(join(root, 'src/health/health.controller.ts'), 'utf8');
    expect(health).toContain("@Controller('health')");
    expect(health).toContain("@Get('ready')");
  });

  it('reads HAProxy configuration strictly, so a broken file fails the check above', () => {
    expect(() => parseHaproxyConfig('frontnd api\n  bind :8080\n')).toThrow(/unknown section "frontnd"/);
    expect(() => parseHaproxyConfig('  bind :8080\n')).toThrow(/outside any section/);
    expect(() => section(parseHaproxyConfig('backend a\n'), 'backend', 'b')).toThrow(/no backend b/);
  });
});
