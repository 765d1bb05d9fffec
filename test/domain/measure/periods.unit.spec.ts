import {
  isMonthPeriod,
  isoWeeksInYear,
  isWeekPeriod,
  nextPeriod,
  periodEnd,
  periodEndsBefore,
  periodIsInFuture,
  periodStart,
} from '../../../src/domain/measure';
import { NOW } from '../support/decider-spec';

describe('reporting periods', () => {
  it.each([
    [2015, 53],
    [2017, 52],
    [2020, 53],
    [2026, 53],
    [2018, 52],
  ])('ISO year %i has %i weeks', (year, weeks) => {
    expect(isoWeeksInYear(year)).toBe(weeks);
  });

  it.each([
    ['2015-W53', true],
    ['2017-W53', false],
    ['2018-W00', false],
    ['2018-W1', false],
    ['2018-01', false],
  ])('%s is an ISO week: %s', (period, valid) => {
    expect(isWeekPeriod(period)).toBe(valid);
  });

  it.each([
    ['2018-12', true],
    ['2018-13', false],
    ['2018-00', false],
    ['2018-W12', false],
  ])('%s is a month: %s', (period, valid) => {
    expect(isMonthPeriod(period)).toBe(valid);
  });

  it.each([
    ['2018-02', '2018-02-01', '2018-02-28'],
    ['2016-02', '2016-02-01', '2016-02-29'],
    ['2018-W01', '2018-01-01', '2018-01-07'],
    ['2015-W53', '2015-12-28', '2016-01-03'],
    ['2021-W01', '2021-01-04', '2021-01-10'],
    ['2018-W13', '2018-03-26', '2018-04-01'],
  ])('%s runs from %s to %s', (period, start, end) => {
    expect([periodStart(period), periodEnd(period)]).toEqual([start, end]);
  });

  it.each([
    ['2017-12', '2018-01'],
    ['2018-09', '2018-10'],
    ['2018-W09', '2018-W10'],
    ['2018-W52', '2019-W01'],
    ['2020-W52', '2020-W53'],
    ['2020-W53', '2021-W01'],
  ])('%s is followed by %s', (period, next) => {
    expect(nextPeriod(period)).toBe(next);
  });

  it('is in the future only once it starts after today', () => {
    expect(periodIsInFuture('2018-04', NOW)).toBe(false);
    expect(periodIsInFuture('2018-05', NOW)).toBe(true);
    expect(periodIsInFuture('2018-W13', NOW)).toBe(false);
    expect(periodIsInFuture('2018-W14', NOW)).toBe(true);
  });

  it('is before a date only when it ends before that day', () => {
    expect(periodEndsBefore('2017-05', '2017-06-15T09:00:00Z')).toBe(true);
    expect(periodEndsBefore('2017-06', '2017-06-15T09:00:00Z')).toBe(false);
    expect(periodEndsBefore('2017-W23', '2017-06-12T00:00:00Z')).toBe(true);
    expect(periodEndsBefore('2017-W24', '2017-06-12T00:00:00Z')).toBe(false);
  });
});
