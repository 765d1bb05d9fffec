/**
 * The two MDC summary icons, both read at the last included point
 * (docs/analysts/spc-rules.md, "Summary icons"): variation from its classification and side,
 * assurance from where the target lies against that point's process limits.
 */
import type { Classification } from './classify-variation';
import type { SpcParameters } from './spc-parameters';
import type { AssuranceIcon, ImprovementDirection, VariationIcon } from './spc-types';

export function variationIcon(last: Classification, direction: ImprovementDirection): VariationIcon {
  const highOrLow = (side: number) => (side >= 0 ? 'high' : 'low');
  switch (last.variation) {
    case 'common-cause':
      return 'common-cause';
    case 'improvement':
      return direction === 'increase' ? 'improvement-high' : 'improvement-low';
    case 'concern':
      return direction === 'increase' ? 'concern-low' : 'concern-high';
    case 'neither':
      return `neither-${highOrLow(last.side)}`;
  }
}

/**
 * MDC SQL: a target on a limit counts as pass or fail (changelog 2.1); ptd only
 * passes or fails a target strictly beyond a limit, otherwise "inconsistent".
 */
export function assuranceIcon(
  target: number,
  lower: number,
  upper: number,
  direction: Exclude<ImprovementDirection, 'neither'>,
  onLimit: SpcParameters['assuranceOnLimit'],
): AssuranceIcon {
  const inclusive = onLimit === 'pass-fail';
  const atOrAboveUpper = inclusive ? target >= upper : target > upper;
  const atOrBelowLower = inclusive ? target <= lower : target < lower;
  if (direction === 'increase') return atOrBelowLower ? 'pass' : atOrAboveUpper ? 'fail' : 'hit-or-miss';
  return atOrAboveUpper ? 'pass' : atOrBelowLower ? 'fail' : 'hit-or-miss';
}
