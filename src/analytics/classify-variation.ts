/**
 * From rule hits to one classification per point. A high-side hit is an
 * improvement when higher is better, a concern when lower is; with no
 * direction every hit is "neither". Conflicts (e.g. a falling trend above the
 * two-sigma line) are settled as the profile's reference does.
 */
import {
  HIGH_SIDE,
  LOW_SIDE,
  OUTSIDE_HIGH,
  OUTSIDE_LOW,
  RUNS,
  SHIFT_HIGH,
  SHIFT_LOW,
  TREND,
  TWO_HIGH,
  TWO_LOW,
} from './rule-flags';
import type { SpcParameters } from './spc-parameters';
import type { ImprovementDirection, Variation } from './spc-types';

export interface Classification {
  variation: Variation;
  /** +1 high, −1 low, 0 none: the side the icon shows. */
  side: number;
}

const COMMON: Classification = { variation: 'common-cause', side: 0 };

/**
 * ptd gives a point one label by precedence outside limits > trend > two-in-three
 * > shift, and the label alone fixes its side (ptd_special_cause_type()).
 */
function ptdSide(flags: number, trendSide: number): number {
  if ((flags & (OUTSIDE_HIGH | OUTSIDE_LOW)) !== 0) return flags & OUTSIDE_HIGH ? 1 : -1;
  if ((flags & TREND) !== 0) return trendSide;
  if ((flags & (TWO_HIGH | TWO_LOW)) !== 0) return flags & TWO_HIGH ? 1 : -1;
  if ((flags & (SHIFT_HIGH | SHIFT_LOW)) !== 0) return flags & SHIFT_HIGH ? 1 : -1;
  return 0;
}

function fromSide(side: number, direction: ImprovementDirection): Variation {
  if (direction === 'neither') return 'neither';
  return side > 0 === (direction === 'increase') ? 'improvement' : 'concern';
}

/**
 * `fallbackSide` is used for a point whose only hit is the sideless runs test,
 * which is special cause but neither an improvement nor a concern.
 */
export function classifyPoint(
  flags: number,
  direction: ImprovementDirection,
  conflict: SpcParameters['conflict'],
  trendSide: number,
  fallbackSide: number,
): Classification {
  if (flags === 0) return COMMON;
  const high = (flags & HIGH_SIDE) !== 0;
  const low = (flags & LOW_SIDE) !== 0;
  if (!high && !low) {
    return (flags & RUNS) !== 0 ? { variation: 'neither', side: fallbackSide } : COMMON;
  }
  if (conflict === 'ptd-precedence') {
    const side = ptdSide(flags, trendSide);
    return { variation: fromSide(side, direction), side };
  }
  if (high && low && direction !== 'neither') {
    // MDC Excel shows improvement; the SQL query lets each metric choose.
    const improvementSide = direction === 'increase' ? 1 : -1;
    const side = conflict === 'improvement' ? improvementSide : -improvementSide;
    return { variation: fromSide(side, direction), side };
  }
  // With no direction the SQL query names the icon "Neither (High)" before "Neither (Low)".
  const side = high ? 1 : -1;
  return { variation: fromSide(side, direction), side };
}
