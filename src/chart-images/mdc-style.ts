/**
 * Making Data Count's look: point colours by variation (improvement blue,
 * concern orange, neither purple, common cause grey, as the MDC tools colour
 * them), grey process line, mean and dashed process limits, a red target.
 * Each point is outlined in a darker shade of its colour, so every mark
 * stands 3:1 against a white page (WCAG non-text contrast) while its fill
 * stays MDC's; the lines are MDC's greys, darkened to the same contrast.
 */
import type { Variation } from '../analytics/spc-types';

export const MDC_POINT_FILLS: Readonly<Record<Variation, string>> = {
  improvement: '#00B0F0',
  concern: '#E46C0A',
  neither: '#490092',
  'common-cause': '#A6A6A6',
};

export const MDC_POINT_OUTLINES: Readonly<Record<Variation, string>> = {
  improvement: '#006D94',
  concern: '#9C4907',
  neither: '#490092',
  'common-cause': '#6F6F6F',
};

export const MDC_LINES = {
  process: '#7F7F7F',
  mean: '#3F3F3F',
  limit: '#6F6F6F',
  target: '#C00000',
  mark: '#3F3F3F',
} as const;

export const INK = '#212B32';
export const GRID = '#E8EDEE';
