import { isMonthEnd, recentMonthEnds } from '../../../src/projections/as-of/month-end-grid';
import { endOfDayIfDate } from '../../../src/shared/bounds';

describe('the month-end grid of as-of snapshots', () => {
  it('holds the last millisecond of each month, as a date-only asOf resolves to, leap years included', () => {
    for (const date of ['2024-01-31', '2024-02-29', '2023-02-28', '2024-04-30', '2024-12-31'])
      expect(isMonthEnd(endOfDayIfDate(date))).toBe(true);
    expect(isMonthEnd('2024-03-31T23:59:59.999+00:00')).toBe(true);
  });

  it('does not hold any other instant', () => {
    for (const at of [
      endOfDayIfDate('2024-02-28'),
      endOfDayIfDate('2024-03-30'),
      '2024-03-31T23:59:59.998Z',
      '2024-04-01T00:00:00.000Z',
      '2024-03-31T23:59:59.999+01:00',
      'not a date',
    ])
      expect(isMonthEnd(at)).toBe(false);
  });

  it('lists the month ends that have passed, latest first', () => {
    expect(recentMonthEnds(new Date('2024-03-15T10:00:00Z'), 3)).toEqual([
      '2024-02-29T23:59:59.999Z',
      '2024-01-31T23:59:59.999Z',
      '2023-12-31T23:59:59.999Z',
    ]);
    // On a month's last day its end has not passed yet.
    expect(recentMonthEnds(new Date('2024-03-31T12:00:00Z'), 1)).toEqual(['2024-02-29T23:59:59.999Z']);
  });
});
