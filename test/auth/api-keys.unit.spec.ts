import { findApiKey, generateApiKey, hashApiKey, parseApiKeys } from '../../src/auth/api-keys';
import { kafkaPrincipalFor, kafkaPrincipals } from '../../src/auth/kafka-principal';
import { loadConfig } from '../../src/config/load-config';

const entry = (id: string, key: string, extra: object = {}) => ({
  id,
  role: 'submitter',
  organisations: ['RYX'],
  hash: hashApiKey(key),
  ...extra,
});

describe('API keys', () => {
  const key = generateApiKey();

  it('are 256 random bits, and only their SHA-256 is configured', () => {
    expect(key).toMatch(/^aek_[A-Za-z0-9_-]{43}$/);
    expect(generateApiKey()).not.toBe(key);
    expect(hashApiKey(key)).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('match by hash, never when revoked', () => {
    const other = generateApiKey();
    const entries = parseApiKeys(
      JSON.stringify({ keys: [entry('a', key), entry('b', other, { revoked: true })] }),
      'f',
    );
    expect(findApiKey(entries, key)?.id).toBe('a');
    expect(findApiKey(entries, other)).toBeUndefined();
    expect(findApiKey(entries, `${key}x`)).toBeUndefined();
    expect(findApiKey(entries, '')).toBeUndefined();
  });

  it.each([
    ['not JSON', '{', /is not valid JSON/],
    ['neither an array nor { keys }', '{"x":1}', /must be a JSON array/],
    ['a plain key', JSON.stringify([{ ...entry('a', 'k'), key: 'aek_secret' }]), /holds a plain key/],
    ['an unknown role', JSON.stringify([entry('a', 'k', { role: 'root' })]), /role must be one of/],
    [
      'a bad organisation',
      JSON.stringify([entry('a', 'k', { organisations: ['ryx'] })]),
      /organisations must be/,
    ],
    [
      'a hash that is not SHA-256',
      JSON.stringify([entry('a', 'k', { hash: 'md5:abc' })]),
      /hash must be sha256/,
    ],
    ['a bad id', JSON.stringify([entry('a b', 'k')]), /id must be/],
  ])('refuse a list with %s, naming where', (_, json, message) => {
    expect(() => parseApiKeys(json, 'API_KEYS')).toThrow(message);
    expect(() => parseApiKeys(json, 'API_KEYS')).toThrow(/^API_KEYS/);
  });

  it('stop start-up with one line naming the setting, without echoing it', () => {
    expect(() => loadConfig({ API_KEYS: 'secret' })).not.toThrow();
    expect(() => loadConfig({ AUTH_MODE: 'jwt' })).toThrow(/JWT_ISSUER is required when AUTH_MODE=jwt/);
    expect(() => loadConfig({ AUTH_MODE: 'jwt', JWT_ISSUER: 'i', JWT_AUDIENCE: 'a' })).toThrow(
      /JWT_JWKS_URL \(or JWT_JWKS_FILE\)/,
    );
    expect(() => loadConfig({ CLIENT_IP_HASH_SALT: 'short' })).toThrow(
      /at least 16 characters \(got \(hidden\)\)/,
    );
  });
});

describe('Kafka service principals', () => {
  it('read role:organisations for the commands topic, or per topic', () => {
    expect(kafkaPrincipalFor('submitter:RYX,RJ1', 'always-events.commands.v1')).toEqual({
      id: 'kafka:always-events.commands.v1',
      role: 'submitter',
      organisations: ['RYX', 'RJ1'],
      strategy: 'service',
    });
    const perTopic = kafkaPrincipals('trust-a.commands=submitter:RYX;national.commands=programme-admin:*');
    expect(perTopic.get('national.commands')).toMatchObject({ role: 'programme-admin', organisations: '*' });
    expect(perTopic.get('trust-a.commands')).toMatchObject({ organisations: ['RYX'] });
    expect(kafkaPrincipalFor(undefined, 'always-events.commands.v1')).toBeUndefined();
  });

  it('refuse unknown roles at start-up', () => {
    expect(() => kafkaPrincipals('root:*')).toThrow(/KAFKA_COMMANDS_PRINCIPAL/);
    expect(() => loadConfig({ KAFKA_COMMANDS_PRINCIPAL: 'submitter:ryx' })).toThrow(
      /KAFKA_COMMANDS_PRINCIPAL must be/,
    );
  });
});
