/** Helpers shared by the analytics tests. */
import { computeChart, SpcRequest, SpcResult } from '../../src/analytics';

const LETTER = { improvement: 'b', concern: 'o', neither: 'p', 'common-cause': 'g' } as const;

/** MDC colours as letters: b blue improvement, o orange concern, p purple neither, g grey. */
export function colours(result: SpcResult): string {
  return result.points.map((p) => LETTER[p.variation]).join('');
}

export function xmr(values: number[], rest: Partial<SpcRequest> = {}): SpcResult {
  return computeChart({ chart: 'xmr', profile: 'mdc', points: values.map((value) => ({ value })), ...rest });
}

/** Point numbers (1-based) carrying a rule. */
export function flagged(result: SpcResult, rule: string): number[] {
  return result.points.filter((p) => p.rules.some((r) => r === rule)).map((p) => p.n);
}

/**
 * Equal to the reference to floating-point precision: within a few ulps, relative.
 * Exact equality is too strict only because R sums in long double.
 */
export function expectSameDouble(actual: number | null, expected: number | null, relative = 4e-15): void {
  if (expected === null) {
    expect(actual).toBeNull();
    return;
  }
  expect(actual).not.toBeNull();
  const scale = Math.max(Math.abs(expected), Number.MIN_VALUE);
  expect(Math.abs((actual as number) - expected) / scale).toBeLessThanOrEqual(relative);
}
