import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, loadConfig } from '../../src/config/load-config';
import { kafkaConnection, kafkaEnabled } from '../../src/kafka/kafka-connection';

describe('Kafka configuration', () => {
  const folder = mkdtempSync(join(tmpdir(), 'aet-kafka-config-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('is off by default, with the documented defaults', () => {
    const config = loadConfig({});
    expect(kafkaEnabled(config)).toBe(false);
    expect(config).toMatchObject({
      KAFKA_BROKERS: [],
      KAFKA_CLIENT_ID: 'always-events-tracker',
      KAFKA_TOPIC_PREFIX: 'always-events',
      KAFKA_CREATE_TOPICS: true,
      KAFKA_TOPIC_PARTITIONS: 3,
      KAFKA_TOPIC_REPLICATION_FACTOR: 1,
      KAFKA_SSL: false,
      KAFKA_RELAY_BATCH_SIZE: 1000,
    });
    expect(kafkaEnabled(loadConfig({ KAFKA_BROKERS: '' }))).toBe(false);
  });

  it('builds a plain connection from brokers and client id', () => {
    const config = loadConfig({ KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092', KAFKA_CLIENT_ID: 'tracker-eu' });
    expect(kafkaEnabled(config)).toBe(true);
    expect(kafkaConnection(config)).toEqual({
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      clientId: 'tracker-eu',
      tls: undefined,
      sasl: undefined,
    });
  });

  it('adds TLS (with an extra CA when given) and SASL', () => {
    const ca = join(folder, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const config = loadConfig({
      KAFKA_BROKERS: 'kafka:9093',
      KAFKA_SSL_CA_FILE: ca,
      KAFKA_SASL_MECHANISM: 'SCRAM-SHA-512',
      KAFKA_SASL_USERNAME: 'relay',
      KAFKA_SASL_PASSWORD: 's3cret',
    });
    expect(kafkaConnection(config)).toMatchObject({
      tls: { ca: expect.stringContaining('BEGIN CERTIFICATE') },
      sasl: { mechanism: 'scram-sha-512', username: 'relay', password: 's3cret' },
    });
    expect(kafkaConnection(loadConfig({ KAFKA_BROKERS: 'kafka:9093', KAFKA_SSL: 'true' })).tls).toEqual({
      ca: undefined,
    });
  });

  const bad: Array<[Record<string, string>, RegExp]> = [
    [{ KAFKA_BROKERS: 'kafka' }, /each value in KAFKA_BROKERS must be host:port \(got \["kafka"\]\)/],
    [{ KAFKA_TOPIC_PREFIX: 'always events' }, /KAFKA_TOPIC_PREFIX must be letters, digits/],
    [{ KAFKA_CREATE_TOPICS: 'yes' }, /KAFKA_CREATE_TOPICS must be true or false/],
    [
      { KAFKA_TOPIC_PARTITIONS: '0' },
      /KAFKA_TOPIC_PARTITIONS must be a whole number from 1 to 1000 \(got 0\)/,
    ],
    [{ KAFKA_SSL_CA_FILE: '/nowhere/ca.pem' }, /KAFKA_SSL_CA_FILE must name a readable file/],
    [{ KAFKA_SASL_MECHANISM: 'gssapi' }, /KAFKA_SASL_MECHANISM must be one of the following values: plain/],
    [{ KAFKA_SASL_MECHANISM: 'plain', KAFKA_SASL_USERNAME: 'relay' }, /KAFKA_SASL_PASSWORD is required/],
    [
      { KAFKA_RELAY_BATCH_SIZE: '20000' },
      /KAFKA_RELAY_BATCH_SIZE must be a whole number from 1 to 10000 \(got 20000\)/,
    ],
  ];

  it.each(bad)('refuses %j naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigurationError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('never shows the SASL password in an error', () => {
    let message = '';
    try {
      loadConfig({ KAFKA_SASL_MECHANISM: 'bogus', KAFKA_SASL_PASSWORD: 's3cret' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/KAFKA_SASL_MECHANISM/);
    expect(message).not.toContain('s3cret');
  });
});
