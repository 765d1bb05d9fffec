import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { containsNhsNumber, isValidNhsNumber } from '../../src/privacy/nhs-number';
import { normaliseForScreening } from '../../src/privacy/normalise-text';
import { MAX_FINDINGS, screen, screenEach, screenRows } from '../../src/privacy/screening';

const rules = (text: string): string[] => screen({ notes: text }).map((f) => f.rule);

describe('normaliseForScreening (pure)', () => {
  it.each([
    ['plain ASCII, untouched', 'Ward 7: 12 patients', 'Ward 7: 12 patients'],
    ['full-width digits', '９４３４７６５９１９', '9434765919'],
    ['NBSP and thin spaces', '943\u00a0476\u20095919', '943 476 5919'],
    ['ideographic space', '943\u3000476', '943 476'],
    ['zero-width space, joiner, non-joiner', '94\u200b34\u200d76\u200c5919', '9434765919'],
    ['word joiner, soft hyphen, BOM', '943\u2060476\u00ad59\ufeff19', '9434765919'],
    ['bidi overrides and isolates', '\u202e943\u2066476\u20695919\u202c', '9434765919'],
    ['combining marks', '9\u0301434765919', '9434765919'],
    ['Arabic-Indic digits', '٩٤٣٤٧٦٥٩١٩', '9434765919'],
    ['Devanagari digits', '९४३४७६५९१९', '9434765919'],
    ['mathematical bold digits', '𝟗𝟒𝟑𝟒𝟕𝟔𝟓𝟗𝟏𝟗', '9434765919'],
    ['circled and superscript digits', '⑨⁴³4765919', '9434765919'],
    ['Hangul filler letters', '943\u3164476\u31645919', '9434765919'],
    ['an unpaired surrogate', 'X\ud800Y', 'X\ufffdY'],
    ['full-width letters and at sign', 'ｊｏ＠ｅｘａｍｐｌｅ．ｏｒｇ', 'jo@example.org'],
  ])('%s', (_, input, expected) => {
    expect(normaliseForScreening(input)).toBe(expected);
  });
});

describe('NHS number detector (Modulus 11)', () => {
  it('computes the check digit, including the 11 → 0 case and the never-issued 10', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
    // 400000002: sum 44, 44 mod 11 = 0, 11 − 0 = 11 → check digit 0.
    expect(isValidNhsNumber('4000000020')).toBe(true);
    // 000000006: sum 12, 12 mod 11 = 1, 11 − 1 = 10 → no valid number.
    expect(
      ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].some((d) => isValidNhsNumber(`000000006${d}`)),
    ).toBe(false);
    expect(isValidNhsNumber('123456789')).toBe(false);
    expect(isValidNhsNumber('94347659190')).toBe(false);
  });

  it.each([
    '9434765919',
    '943 476 5919',
    '943-476-5919',
    '943.476.5919',
    '943/476/5919',
    '943_476_5919',
    '943  476  5919',
    '943 - 476 - 5919',
    '943, 476, 5919',
    '(943) 476-5919',
    '9434 765 919',
    '94 34 76 59 19',
    '9 4 3 4 7 6 5 9 1 9',
    '9-4-3-4-7-6-5-9-1-9',
    'NHS9434765919',
    'NHS_9434765919',
    '9434765919a',
    'x9434765919y',
    'seen 12 943 476 5919 today',
    'ref:9434765919.',
    'NHS no: 943\n476\n5919',
    '4000000020',
  ])('finds %j', (text) => {
    expect(containsNhsNumber(normaliseForScreening(text))).toBe(true);
  });

  it.each([
    ['ten digits with a wrong check digit', '9434765918'],
    ['a wrong check digit, grouped', '943 476 5918'],
    ['a longer number', 'batch 94347659190'],
    ['a longer number, grouped', '943 476 59190'],
    ['digits broken by letters', '943a476b5919'],
    ['groups too far apart', '943 ... ... 476 5919'],
    ['an ISO date and time', 'held 2018-03-14 10:45'],
    ['a UK date and time', 'held 31/03/2018, 10:45'],
    ['a UK mobile (eleven digits)', '07700 900123'],
    ['a count', 'We asked 1200 patients over 12 weeks'],
    ['ten identical digits (valid Modulus 11, never issued)', '4444444444'],
    ['a list of zeros', '[0,0,0,0,0,0,0,0,0,0,0]'],
    ['a SHA-1 key with ten digits glued inside', 'sim-42-50d41741d5067e828991ebd7951100013c4f5a09'],
    ['a trace id with ten digits glued inside', '4bf92f3577b34da6a3ce9434765919ae'],
    ['a UUID inside a longer key', 'cmd-3f6c1d0e-6a57-4d8e-9b1f-a9434765919b'],
    // Random UUIDs that the group-joining rule read as NHS numbers (4 + 4 + 2 digits, one separator).
    ['a UUID whose groups join into ten digits', '/v1/measures/3d0f4a16-9660-4095-b7b4-41be9b365069/chart'],
    ['a UUID whose groups join into ten digits, in a key', 'cmd-86db7974-1999-46ea-859e-ba523f0f1791'],
    ['a UUID whose groups join into ten digits, upper case', '39450400-86CD-4898-81C5-81B7598D2332'],
  ])('passes %s', (_, text) => {
    expect(containsNhsNumber(normaliseForScreening(text))).toBe(false);
  });

  it('passes every UUID, alone, in a path or in a key (property)', () => {
    fc.assert(
      fc.property(fc.uuid({ version: [1, 2, 3, 4, 5, 6, 7, 8] }), fc.boolean(), (uuid, upper) => {
        const id = upper ? uuid.toUpperCase() : uuid;
        for (const text of [id, `/v1/evaluation/data-cuts/${id}/verify`, `import-${id}-row-7`]) {
          expect(containsNhsNumber(normaliseForScreening(text))).toBe(false);
        }
      }),
      { numRuns: 20000 },
    );
  });

  it.each([
    ['beside a UUID', 'NHS 943 476 5919 for 3d0f4a16-9660-4095-b7b4-41be9b365069'],
    ['after a UUID', '3d0f4a16-9660-4095-b7b4-41be9b365069: 9434765919'],
    ['in a UUID-like token that is not a UUID', '9434-7659-19ab'],
    ['glued after a UUID', 'c33d0a4c-5c37-58ae-85f8-9d812a51eee79434765919'],
    ['glued before a UUID', '9434765919c33d0a4c-5c37-58ae-85f8-9d812a51eee7'],
  ])('still finds an NHS number %s', (_, text) => {
    expect(containsNhsNumber(normaliseForScreening(text))).toBe(true);
  });
});

describe('screen(): the one entry for every way in', () => {
  it.each([
    ['an email address', 'contact jo.bloggs@example.nhs.uk about it', 'email-address'],
    ['a full-width email address', 'ｊｏ＠ｅｘａｍｐｌｅ．ｏｒｇ', 'email-address'],
    ['a mobile number', 'call 07700 900123', 'uk-phone-number'],
    ['a landline with dots', 'ring 020.7946.0018', 'uk-phone-number'],
    ['an international number', 'or +44 7700 900123', 'uk-phone-number'],
    ['a labelled date of birth', 'DOB 01/02/1950', 'date-of-birth'],
    ['a date of birth in words', 'born on 1 February 1950', 'date-of-birth'],
    ['a postcode next to a date', 'lives at LS1 4AP, DOB 01/02/1950', 'postcode-with-date'],
    ['a postcode next to an ISO date', 'SW1A 1AA 1950-02-01', 'postcode-with-date'],
    ['where someone lives', 'the patient lives in LS1 4AP', 'postcode-of-residence'],
    ['a hospital number', 'hospital no K123456', 'patient-identifier'],
    ['a medical record number', 'MRN: RXX1234567', 'patient-identifier'],
    ['a labelled NHS number with a wrong check digit', 'NHS number 943 476 5918', 'patient-identifier'],
  ])('refuses %s', (_, text, rule) => {
    expect(rules(text)).toContain(rule);
  });

  it.each([
    ['a site postcode alone', 'Ward 7, St James, LS9 7TF'],
    ['a date alone', 'agreed on 31/03/2018 by the team'],
    ['a postcode far from a date', `LS9 7TF ${'x'.repeat(80)} 31/03/2018`],
    ['ordinary co-design notes', 'Patients said they want to be involved in planning their care.'],
    ['ten digits failing Modulus 11', 'audit ref 1234567890'],
    ['a UUID', '3f6c1d0e-6a57-4d8e-9b1f-943476591900'],
    ['talk about identifiers', 'patient identifiers are never recorded; 1234 forms were returned'],
    ['a period and a count', '2018-03: 1234 of 5678'],
  ])('lets %s through', (_, text) => {
    expect(rules(text)).toEqual([]);
  });

  it('names the field with its path, and property names, never the value', () => {
    const findings = screen(
      {
        summary: 'ok',
        observations: [{ text: 'fine' }, { text: 'NHS no 943 476 5919' }],
        aim: { '9434765919': 1 },
      },
      'payload',
    );
    expect(findings).toEqual([
      { field: 'payload.observations[1].text', rule: 'nhs-number' },
      { field: 'payload.observations[1].text', rule: 'patient-identifier' },
      { field: 'payload.aim.(field name)', rule: 'nhs-number' },
    ]);
    expect(JSON.stringify(findings)).not.toMatch(/943/);
  });

  it('screens identifiers and codes too, and ten-digit JSON numbers', () => {
    expect(
      screen({
        odsCode: '9434765919',
        memberIds: ['P-9434765919'],
        commandId: '943-476-5919',
        n: 9434765919,
      }),
    ).toEqual([
      { field: 'odsCode', rule: 'nhs-number' },
      { field: 'memberIds[0]', rule: 'nhs-number' },
      { field: 'commandId', rule: 'nhs-number' },
      { field: 'n', rule: 'nhs-number' },
    ]);
    expect(screen({ n: 1234567890, m: -1234567890, f: 9434765919.5 })).toEqual([]);
  });

  it('names headers, parts of a request and import rows', () => {
    expect(
      screenEach([
        ['Idempotency-Key', '9434765919'],
        ['User-Agent', 'curl/8'],
        ['(path)', '/v1/streams/x'],
      ]),
    ).toEqual([{ field: 'Idempotency-Key', rule: 'nhs-number' }]);
    const rows = [
      { odsCode: 'RYX', notes: 'fine' },
      { odsCode: 'RYX', notes: 'NHS 943 476 5919' },
      ['RYX', 'jo@example.org'],
    ];
    expect(screenRows(rows)).toEqual([
      { field: 'row 3.notes', rule: 'nhs-number' },
      { field: 'row 4[1]', rule: 'email-address' },
    ]);
  });

  it('finds the same again on every repeat of a text, clean or not, past the set of clean texts it keeps', () => {
    const texts = [
      'measureId',
      '2019-W05',
      'NHS 943 476 5919',
      'call 07700 900123',
      'Ward 7, St James, LS9 7TF',
      `${'x'.repeat(70)} 943 476 5919`,
      `${'x'.repeat(70)} fine`,
    ];
    const first = texts.map(rules);
    expect(first.filter((found) => found.length > 0)).toHaveLength(3);
    for (let round = 0; round < 3; round++) {
      expect(texts.map(rules)).toEqual(first);
      // Enough other clean texts to fill the kept set and start it afresh.
      for (let i = 0; i < 9_000; i++) rules(`period ${round}-${i}`);
    }
  });

  it('never throws, however odd the input, and stops at MAX_FINDINGS', () => {
    let deep: unknown = '9434765919';
    for (let i = 0; i < 100_000; i++) deep = { a: deep };
    expect(screen(deep)).toEqual([{ field: expect.stringMatching(/^a\.a\.a/), rule: 'nhs-number' }]);
    const cyclic: Record<string, unknown> = { x: 'fine' };
    cyclic.self = cyclic;
    expect(screen(cyclic)).toEqual([]);
    const hostile = {
      get boom(): string {
        throw new Error('no');
      },
    };
    expect(screen(hostile, 'body')).toEqual([{ field: 'body', rule: 'unscreenable' }]);
    expect(screen([undefined, null, true, Symbol('s'), () => 1, 10n ** 9n * 9n])).toEqual([]);
    expect(screen(Array(100).fill('9434765919'))).toHaveLength(MAX_FINDINGS);
    expect(screen('\ud800\udfff\ud800'.repeat(1000))).toEqual([]);
  });
});

describe('src/privacy stays pure', () => {
  const folder = join(__dirname, '../../src/privacy');
  it.each(readdirSync(folder).filter((f) => f.endsWith('.ts')))('%s imports only its neighbours', (file) => {
    const source = readFileSync(join(folder, file), 'utf8');
    const specifiers = [...source.matchAll(/(?:from|import|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    expect(specifiers.filter((s) => !s.startsWith('./'))).toEqual([]);
  });
});
