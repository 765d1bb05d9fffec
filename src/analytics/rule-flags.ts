/**
 * Rule hits of one point as bits, so that 100,000 points cost one Uint16Array.
 * Every sided rule has a high and a low bit; the runs test has no side.
 */
import type { RuleName } from './spc-types';

export const OUTSIDE_HIGH = 1 << 0;
export const OUTSIDE_LOW = 1 << 1;
export const SHIFT_HIGH = 1 << 2;
export const SHIFT_LOW = 1 << 3;
export const TREND_UP = 1 << 4;
export const TREND_DOWN = 1 << 5;
export const TWO_HIGH = 1 << 6;
export const TWO_LOW = 1 << 7;
export const RUNS = 1 << 8;

export const HIGH_SIDE = OUTSIDE_HIGH | SHIFT_HIGH | TREND_UP | TWO_HIGH;
export const LOW_SIDE = OUTSIDE_LOW | SHIFT_LOW | TREND_DOWN | TWO_LOW;
export const TREND = TREND_UP | TREND_DOWN;

const RULE_BITS: ReadonlyArray<[RuleName, number]> = [
  ['outside-limits', OUTSIDE_HIGH | OUTSIDE_LOW],
  ['shift', SHIFT_HIGH | SHIFT_LOW],
  ['trend', TREND],
  ['two-of-three', TWO_HIGH | TWO_LOW],
  ['runs', RUNS],
];

export function ruleNames(flags: number): RuleName[] {
  return RULE_BITS.filter(([, bits]) => (flags & bits) !== 0).map(([name]) => name);
}
