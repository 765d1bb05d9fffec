import type { ImportColumn } from '../../src/imports/import-columns';
import type { Cell } from '../../src/imports/import-cells';
import { parseRow } from '../../src/imports/import-rows';

const returnRow = (alwaysEventIds: string): Map<ImportColumn, Cell> =>
  new Map<ImportColumn, Cell>([
    ['record', 'return'],
    ['ods_code', 'RTH'],
    ['always_event_id', alwaysEventIds],
    ['period', '2018-04'],
    ['submitted_on', '2018-06-08'],
    ['measures_reported', '2'],
  ]);

// Read as one text, "33319009-23…" holds ten digits with a valid Modulus 11 check.
const PAIR = ['33319009-23eb-552b-9036-29c5fc6edbdd', 'c33d0a4c-5c37-58ae-85f8-9d812a51eee7'];

describe('screening an import row', () => {
  it.each([';', '; ', ' '])(
    'reads a list of Always Event ids separated by "%s" as the ids it holds, not as one text',
    (separator) => {
      expect(parseRow(7, returnRow(PAIR.join(separator)))).toMatchObject({
        kind: 'return',
        alwaysEventIds: PAIR,
      });
    },
  );

  it.each([
    ['an NHS number among the ids', `${PAIR[0]};943 476 5919`],
    ['an NHS number split by the list separator', '943;476;5919'],
    ['an NHS number glued to an id', `${PAIR[0]};${PAIR[1]}9434765919`],
  ])('still refuses %s, naming the column and the rule', (_, cell) => {
    expect(parseRow(7, returnRow(cell))).toEqual([
      expect.objectContaining({ field: 'always_event_id', rule: 'nhs-number' }),
    ]);
  });
});
