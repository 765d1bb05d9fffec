import type { SpcPoint, Variation } from '../api/types';

export const VARIATION_LABELS: Record<Variation, string> = {
  improvement: 'Special cause: improvement',
  concern: 'Special cause: concern',
  neither: 'Special cause: neither better nor worse',
  'common-cause': 'Common cause',
};

/** Points that signal special cause: any variation but common cause, on a point with a value. */
export const isSpecialCause = (point: SpcPoint): boolean =>
  point.y !== null && point.variation !== 'common-cause';

export const pointLabel = (point: SpcPoint): string => point.date ?? `#${point.n}`;
