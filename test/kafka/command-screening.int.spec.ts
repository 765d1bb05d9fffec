import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Producer } from 'kafkajs';
import { EVENT_STORE, EventStore } from '../../src/event-store';
import { DLQ_HEADERS, RejectedResult } from '../../src/kafka/commands/command-result';
import {
  commandResultsTopic,
  commandsDlqTopic,
  commandsTopic,
  MAX_COMMAND_BYTES,
} from '../../src/kafka/commands/command-topics';
import { JSON_LIMITS } from '../../src/shared/validation/json-limits';
import type { Delivered } from '../support/delivery-check';
import {
  consumeWithKcat,
  describeWithKafka,
  expectBrokerUp,
  testKafka,
  uniquePrefix,
} from '../support/kafka-broker';
import { startTestApp, TestApp } from '../support/test-app';
import { leaks, needles, storeFiles, storeText, WRITINGS } from '../privacy/support/leak-check';
import {
  commandProducer,
  RawCommand,
  ReadResult,
  readUntil,
  registerOrganisation,
  resultsFor,
  sendCommands,
} from './support/command-messages';
import { commandsHealth, untilConsumer } from './support/consumer-health';

const few = WRITINGS.filter((_, i) => i % 4 === 0);
const dissolve = (commandId: string, payload: Record<string, unknown>): RawCommand['value'] => ({
  commandId,
  command: 'DissolveOrganisation',
  payload: { odsCode: 'KS1', effectiveDate: '2019-01-01', ...payload },
});
const clean = (id: string) => dissolve(id, { reason: 'fine' });
const deep = (inner: string): string => `${'{"a":'.repeat(10_000)}${inner}${'}'.repeat(10_000)}`;

/** Messages whose envelope (key, headers, commandId, command, field names) or unreadable value holds the number: dead-lettered, redacted. */
const ENVELOPES: Array<[place: string, writing: string, text: string, message: RawCommand]> = [
  ...WRITINGS.map(
    ([name, text], i) =>
      ['the key', name, text, { key: text, value: clean(`key-${i}`) }] as [
        string,
        string,
        string,
        RawCommand,
      ],
  ),
  ...WRITINGS.map(
    ([name, text], i) =>
      [
        'the correlation-id header',
        name,
        text,
        { value: clean(`corr-${i}`), headers: { 'correlation-id': text } },
      ] as [string, string, string, RawCommand],
  ),
  ...few.map(
    ([name, text], i) =>
      [
        'the source-system header',
        name,
        text,
        { value: clean(`src-${i}`), headers: { 'source-system': text } },
      ] as [string, string, string, RawCommand],
  ),
  ...few.map(
    ([name, text], i) =>
      ['another header', name, text, { value: clean(`trace-${i}`), headers: { 'trace-id': text } }] as [
        string,
        string,
        string,
        RawCommand,
      ],
  ),
  ...few.map(
    ([name, text], i) =>
      ['a header name', name, text, { value: clean(`hname-${i}`), headers: { [text]: 'x' } }] as [
        string,
        string,
        string,
        RawCommand,
      ],
  ),
  ...WRITINGS.map(
    ([name, text]) =>
      ['the commandId', name, text, { key: 'k', value: clean(text) }] as [string, string, string, RawCommand],
  ),
  ...few.map(
    ([name, text]) =>
      [
        'the command name',
        name,
        text,
        { key: 'k', value: { commandId: 'c', command: text, payload: {} } },
      ] as [string, string, string, RawCommand],
  ),
  ...few.map(
    ([name, text], i) =>
      [
        'a field name of the message',
        name,
        text,
        { key: 'k', value: { ...clean(`env-${i}`), [text]: 1 } as RawCommand['value'] },
      ] as [string, string, string, RawCommand],
  ),
  ...few.map(
    ([name, text], i) =>
      [
        'a value that is not JSON',
        name,
        text,
        { key: `bad-json-${i}`, raw: `{"commandId": "x", "note": "${text}"` },
      ] as [string, string, string, RawCommand],
  ),
  ['a value nested 10,000 deep', 'ten digits', '9434765919', { key: 'deep-nhs', raw: deep('"9434765919"') }],
  [
    'an oversized value',
    'spaces',
    '943 476 5919',
    {
      key: 'big-nhs',
      raw: JSON.stringify({ ...clean('big-1'), pad: `${'x'.repeat(MAX_COMMAND_BYTES)} 943 476 5919` }),
    },
  ],
];

/** Well-formed messages whose payload holds the number: answered `rejected` with the 422 HTTP would give. */
const PAYLOADS: Array<
  [place: string, writing: string, text: string, commandId: string, field: string, message: RawCommand]
> = [
  ...WRITINGS.map(
    ([name, text], i) =>
      [
        'a free-text field',
        name,
        text,
        `pay-text-${i}`,
        'reason',
        { value: dissolve(`pay-text-${i}`, { reason: text }) },
      ] as [string, string, string, string, string, RawCommand],
  ),
  ...few.map(
    ([name, text], i) =>
      [
        'a code field',
        name,
        text,
        `pay-code-${i}`,
        'odsCode',
        { value: dissolve(`pay-code-${i}`, { odsCode: text }) },
      ] as [string, string, string, string, string, RawCommand],
  ),
  ...few.map(
    ([name, text], i) =>
      [
        'a field name',
        name,
        text,
        `pay-key-${i}`,
        '(field name)',
        { value: dissolve(`pay-key-${i}`, { [text]: 'x' }) },
      ] as [string, string, string, string, string, RawCommand],
  ),
  ...few.map(
    ([name, text], i) =>
      [
        'the payload commandId',
        name,
        text,
        `pay-id-${i}`,
        'commandId',
        { value: dissolve(`pay-id-${i}`, { commandId: text }) },
      ] as [string, string, string, string, string, RawCommand],
  ),
  [
    'a JSON number',
    'ten digits',
    '9434765919',
    'pay-number',
    'count',
    { value: dissolve('pay-number', { count: 9434765919 }) },
  ],
];

/** Hostile shapes: dead-lettered as they were, naming the limit (the dead-letter key is the message key). */
const SHAPES: Array<[name: string, rule: string, raw: string]> = [
  ['nested 10,000 deep', `nested more than ${JSON_LIMITS.maxDepth} levels`, deep('1')],
  [
    'a duplicated payload key',
    'appears more than once',
    '{"commandId":"d","command":"DissolveOrganisation","payload":{"reason":"a","reason":"b"}}',
  ],
  [
    'a __proto__ key',
    'may not be used as a field name',
    '{"commandId":"p","command":"DissolveOrganisation","payload":{"__proto__":{"x":1}}}',
  ],
  [
    'an object of 1,001 keys',
    `more than ${JSON_LIMITS.maxObjectKeys} fields`,
    `{"commandId":"w","command":"DissolveOrganisation","payload":{${Array.from({ length: 1_001 }, (_, i) => `"k${i}":1`).join(',')}}}`,
  ],
  [
    'an array of 100,001 items',
    `more than ${JSON_LIMITS.maxArrayLength} items`,
    `{"commandId":"l","command":"DissolveOrganisation","payload":{"reason":[${Array(100_001).fill('0').join(',')}]}}`,
  ],
];

/** Text the service may not hold, in a well-formed message: answered `rejected` with the 400 naming the field. */
const HYGIENE: Array<[name: string, commandId: string, reason: string, rule: string]> = [
  [
    'NUL, an ANSI escape and a right-to-left override',
    'hyg-1',
    'X\u0000\u001b[31mY\u202e',
    'control-character',
  ],
  ['a lone surrogate', 'hyg-2', 'X\ud800', 'lone-surrogate'],
  ['a bidi isolate', 'hyg-3', 'a\u2066b', 'bidi-control'],
];

describeWithKafka('Kafka command screening [real Kafka broker, sqlite store, app log file]', (brokers) => {
  const prefix = uniquePrefix('screening');
  let t: TestApp;
  let producer: Producer;
  let logFolder: string;
  let logFile: string;
  let dlq: Delivered[];
  /** Every answer on the results topic, read once: each test picks its command's first. */
  let answers: ReadResult[];
  const answerTo = (commandId: string): ReadResult[] => answers.filter((a) => a.message.key === commandId);

  beforeAll(async () => {
    await (await expectBrokerUp(brokers)).disconnect();
    logFolder = mkdtempSync(join(tmpdir(), 'aet-kafka-screening-'));
    logFile = join(logFolder, 'app.log');
    t = await startTestApp({
      LOG_LEVEL: 'trace',
      LOG_FILE: logFile,
      APP_ROLES: 'api,relay,commands',
      KAFKA_BROKERS: brokers.join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_COMMANDS_PRINCIPAL: 'programme-admin:*',
    });
    await untilConsumer(t, (c) => c.state === 'running', 'the consumer runs');
    producer = await commandProducer(brokers);
    await sendCommands(producer, commandsTopic(prefix), [
      { value: registerOrganisation('ctl-register', 'KS1'), headers: { 'correlation-id': 'ctl-corr-77a1' } },
      ...SHAPES.map(([name, , raw]) => ({ key: `shape ${name}`, raw })),
      ...HYGIENE.map(([, commandId, reason]) => ({ value: dissolve(commandId, { reason }) })),
      ...ENVELOPES.map(([, , , message]) => message),
      ...PAYLOADS.map(([, , , , , message]) => message),
      { value: registerOrganisation('ctl-after', 'KS2') },
    ]);
    dlq = await readUntil(
      brokers,
      commandsDlqTopic(prefix),
      (all) => all.length >= ENVELOPES.length + SHAPES.length,
      120_000,
    );
    answers = await resultsFor(brokers, commandResultsTopic(prefix), [
      ...HYGIENE.map(([, commandId]) => commandId),
      ...PAYLOADS.map(([, , , commandId]) => commandId),
      'ctl-after',
    ]);
  }, 180_000);

  afterAll(async () => {
    await producer?.disconnect();
    await t?.close();
    if (logFolder) rmSync(logFolder, { recursive: true, force: true });
  });

  it('has at least 60 ways to try', () => {
    expect(ENVELOPES.length + PAYLOADS.length).toBeGreaterThanOrEqual(60);
  });

  it.each(SHAPES)('dead-letters a message with %s as it was, naming the limit', (name, rule, raw) => {
    const record = dlq.find((m) => m.key === `shape ${name}`);
    expect(record?.headers[DLQ_HEADERS.reason]).toBe('body-limits');
    expect(record?.headers[DLQ_HEADERS.detail]).toContain(rule);
    expect(record?.value).toBe(raw);
  });

  it.each(HYGIENE)(
    'answers a payload with %s `rejected` with the 400 naming the field',
    (_, commandId, __, rule) => {
      const [{ result }] = answerTo(commandId);
      expect((result as RejectedResult).problem).toMatchObject({
        status: 400,
        errors: [expect.objectContaining({ field: 'reason', rule })],
      });
    },
  );

  it('keeps consuming after all of them: the last message is accepted and the consumer runs', async () => {
    const [{ result }] = answerTo('ctl-after');
    expect(result.status).toBe('accepted');
    expect((await commandsHealth(t)).state).toBe('running');
  });

  it('dead-letters every message whose envelope or unreadable value holds an NHS number, redacted: no key, value or header of its own', () => {
    const refused = dlq.filter((m) => m.headers[DLQ_HEADERS.reason] === 'patient-identifiable-data');
    expect(refused).toHaveLength(ENVELOPES.length);
    for (const record of refused) {
      expect(record.key).toMatch(new RegExp(`^${commandsTopic(prefix).replace(/\./g, '\\.')}/\\d+/\\d+$`));
      expect(record.value ?? '').toBe('');
      expect(Object.keys(record.headers).sort()).toEqual(Object.values(DLQ_HEADERS).sort());
      expect(record.headers[DLQ_HEADERS.detail]).toMatch(/^Patient-identifiable data refused: /);
    }
    expect(leaks(JSON.stringify(refused), needles(ENVELOPES.map(([, , text]) => text)))).toEqual([]);
  });

  it.each(
    PAYLOADS.map(
      ([place, writing, text, commandId, field]) => [`${place}: ${writing}`, text, commandId, field] as const,
    ),
  )(
    'a payload with %s is answered `rejected` with the 422, naming the field, echoing nothing',
    (_, text, commandId, field) => {
      const [{ result, message }] = answerTo(commandId);
      expect(result.status).toBe('rejected');
      expect((result as RejectedResult).problem).toMatchObject({
        status: 422,
        type: 'urn:always-events:problem:patient-identifiable-data',
        errors: expect.arrayContaining([expect.objectContaining({ field })]),
      });
      expect(leaks(JSON.stringify(message), needles([text]))).toEqual([]);
    },
  );

  it('no topic the service writes, no log line and no stored event holds any of them; the control is everywhere', async () => {
    const all = needles([...ENVELOPES, ...PAYLOADS].map(([, , text]) => text));
    const admin = testKafka(brokers).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter(
      (topic) => topic.startsWith(prefix) && topic !== commandsTopic(prefix),
    );
    await admin.disconnect();
    // The results, the dead letters and the relay's integration-event topics (the control's OrganisationRegistered).
    expect(topics.length).toBeGreaterThanOrEqual(3);
    const written = (await Promise.all(topics.map((topic) => consumeWithKcat(brokers, topic)))).flat();
    expect(JSON.stringify(written)).toContain('ctl-corr-77a1');
    expect(written.some((m) => m.topic.includes('organisation'))).toBe(true);
    expect(leaks(JSON.stringify(written), all)).toEqual([]);

    const log = readFileSync(logFile);
    expect(log.includes('dead-lettered (patient-identifiable-data)')).toBe(true);
    expect(leaks(log, all)).toEqual([]);

    const events = await storeText(t.app.get<symbol, EventStore>(EVENT_STORE));
    expect(events).toContain('ctl-corr-77a1');
    expect(leaks(events, all)).toEqual([]);
    expect(leaks(storeFiles(t.folder), all)).toEqual([]);
  });
});
