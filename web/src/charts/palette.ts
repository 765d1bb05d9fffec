/**
 * Every colour the charts use. Each group is checked by
 * test/dashboard/palette.unit.spec.ts: at least 3:1 against the white page
 * (WCAG non-text contrast), and far apart (CIEDE2000 ≥ 20) for normal vision
 * and under simulated protanopia, deuteranopia and tritanopia. Shapes and
 * dashes carry the same meaning again, and every chart has a table.
 */

/** Point colours by variation, with Making Data Count's meanings (blue better, orange worse, purple neither, grey common cause), darkened for contrast. */
export const VARIATION_COLOURS = {
  improvement: '#1f86d1',
  concern: '#d46a00',
  neither: '#361475',
  'common-cause': '#767676',
} as const;

/** Series in the order charts use them (Okabe–Ito and Tol hues, chosen for colour-blind separation). */
export const SERIES_COLOURS = ['#1a85ff', '#d55e00', '#332288', '#000000', '#666666'] as const;

/** Reference lines: targets and deadlines against the data. */
export const REFERENCE_COLOURS = { target: '#d55e00', deadline: '#000000', marker: '#332288' } as const;

/** SPC lines: the centre line and limits in ink, two-sigma lines lighter, each with its own dash. */
export const SPC_LINE_COLOURS = { centre: '#000000', limit: '#4d4d4d', twoSigma: '#767676' } as const;

export const INK = '#212b32';
export const GRID = '#d8dde0';
