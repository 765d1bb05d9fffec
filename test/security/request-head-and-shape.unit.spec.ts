import {
  jsonShapeViolation,
  JSON_LIMITS,
  valueShapeViolation,
} from '../../src/shared/validation/json-limits';
import { screenRequestHead } from '../../src/security/request-screening';

/** A header as Node hands it over: each byte of the request as one Latin-1 code unit. */
const asReceived = (bytes: number[]): string => Buffer.from(bytes).toString('latin1');

describe('screenRequestHead: path, query and recorded headers, whatever arrives', () => {
  it('reads UTF-8 header bytes as text: full-width digits in a header are found', () => {
    const fullWidth = asReceived([...Buffer.from('９４３４７６５９１９', 'utf8')]);
    expect(screenRequestHead({ url: '/', headers: { 'idempotency-key': fullWidth } })).toEqual([
      { field: 'Idempotency-Key', rule: 'nhs-number' },
    ]);
  });

  it('never throws on invalid UTF-8, huge values, repeated headers or malformed percent-encoding', () => {
    const heads = [
      { url: '/v1/x', headers: { 'user-agent': asReceived([0xc3, 0x28, 0xff, 0xfe, 0x80]) } },
      { url: '/v1/x', headers: { 'x-source-system': 'x'.repeat(1 << 20) } },
      { url: '/v1/x', headers: { 'x-correlation-id': ['a', '943 476 5919'] as unknown as string } },
      { url: '/v1/%E0%A4%A/%zz?%=%&&=&a=%FF', headers: {} },
      { url: `/v1/${'%25'.repeat(10_000)}39434765919`, headers: {} },
    ];
    const findings = heads.map((head) => screenRequestHead(head));
    expect(findings[0]).toEqual([]);
    expect(findings[1]).toEqual([]);
    expect(findings[2]).toEqual([{ field: 'X-Correlation-Id', rule: 'nhs-number' }]);
    expect(findings[3]).toEqual([]);
    expect(findings[4]).toEqual([]);
  });

  it('takes a position of ten digits (an EventStoreDB byte offset) in atPosition and minPosition, and nothing else there', () => {
    // 9434765919 passes Modulus 11: anywhere else it is an NHS number.
    for (const name of ['minPosition', 'atPosition']) {
      expect(screenRequestHead({ url: `/v1/spread/summary?${name}=9434765919`, headers: {} })).toEqual([]);
      for (const value of ['943+476+5919', 'NHS9434765919', '9434765919%20']) {
        expect(screenRequestHead({ url: `/v1/spread/summary?${name}=${value}`, headers: {} })).toEqual([
          { field: `query.${name}`, rule: 'nhs-number' },
        ]);
      }
    }
    expect(screenRequestHead({ url: '/v1/spread/summary?position=9434765919', headers: {} })).toEqual([
      { field: 'query.position', rule: 'nhs-number' },
    ]);
  });

  it('decodes the path and query as the router will, and names parameters only when they are clean', () => {
    expect(screenRequestHead({ url: '/v1/streams/patient-943%20476%205919', headers: {} })).toEqual([
      { field: '(path)', rule: 'nhs-number' },
    ]);
    expect(screenRequestHead({ url: '/v1/x?note=943+476+5919&943%2D476%2D5919=1', headers: {} })).toEqual([
      { field: 'query.note', rule: 'nhs-number' },
      { field: 'query.(a parameter name)', rule: 'nhs-number' },
    ]);
    expect(
      screenRequestHead({ url: '/v1/x?ref=9434765918', headers: { 'if-match': '"9434765918"' } }),
    ).toEqual([]);
  });
});

describe('jsonShapeViolation: one linear pass over the raw text', () => {
  it.each([
    ['just under the depth limit', `${'['.repeat(JSON_LIMITS.maxDepth)}${']'.repeat(JSON_LIMITS.maxDepth)}`],
    ['keys that look alike but differ', '{"a":1,"A":2,"a ":3,"\\u00e9":4,"é ":5}'],
    ['the same key in sibling objects', '[{"a":1},{"a":2}]'],
    ['brackets and quotes inside strings', '{"a":"{[\\"}]","b":"\\\\"}'],
    ['text that is not JSON (left to JSON.parse)', '{"a":'],
    ['an unterminated string', '{"a":"b'],
    ['an empty text', ''],
  ])('lets %s through', (_, text) => {
    expect(jsonShapeViolation(text)).toBeUndefined();
  });

  it.each([
    [
      'one level too deep',
      `${'['.repeat(JSON_LIMITS.maxDepth + 1)}${']'.repeat(JSON_LIMITS.maxDepth + 1)}`,
      'max-depth',
      '[0][0][0]',
    ],
    ['a duplicate', '{"a":{"b":1,"b":2}}', 'duplicate-key', 'a.b'],
    ['a duplicate spelt with an escape', '{"b":1,"\\u0062":2}', 'duplicate-key', 'b'],
    ['a duplicate inside an array', '{"list":[{},{"x":1,"x":1}]}', 'duplicate-key', 'list[1].x'],
    ['__proto__', '{"a":[{"__proto__":1}]}', 'prototype-key', 'a[0].__proto__'],
    [
      'an object too wide',
      `{${Array.from({ length: 1_001 }, (_, i) => `"k${i}":1`).join(',')}}`,
      'max-object-keys',
      '(body)',
    ],
    ['an array too long', `{"a":[${Array(100_001).fill('1').join(',')}]}`, 'max-array-length', 'a'],
  ])('refuses %s', (_, text, rule, field) => {
    const violation = jsonShapeViolation(text);
    expect(violation).toMatchObject({ rule });
    expect(violation?.field.startsWith(field)).toBe(true);
  });

  it('valueShapeViolation applies the same limits to a parsed value, iteratively', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(valueShapeViolation(deep)).toMatchObject({ rule: 'max-depth' });
    expect(valueShapeViolation(JSON.parse('{"__proto__":{"x":1}}'))).toMatchObject({ rule: 'prototype-key' });
    expect(valueShapeViolation({ a: [1, 2, { b: 'c' }] })).toBeUndefined();
  });
});
