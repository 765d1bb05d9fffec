/**
 * Every colour the charts use. Each group is checked by
 * test/dashboard/palette.unit.spec.ts: at least 3:1 against the white page
 * (WCAG non-text contrast), and far apart (CIEDE2000 ≥ 20) for normal vision
 * and under simulated protanopia, deuteranopia and tritanopia. Shapes and
 * dashes carry the same meaning again, and every chart has a table.
 */

import { MDC_LINES, MDC_POINT_FILLS, MDC_POINT_OUTLINES } from '../../../src/chart-images/mdc-style';

/**
 * Point colours by variation: Making Data Count's own fills (blue improvement,
 * orange concern, purple neither, grey common cause), each drawn with a
 * darker outline of its hue that stands 3:1 against the page. The fills tell
 * the variations apart, for every kind of vision; the outlines give the contrast.
 */
export const VARIATION_FILLS = MDC_POINT_FILLS;
export const VARIATION_OUTLINES = MDC_POINT_OUTLINES;

/** Series in the order charts use them (Okabe–Ito and Tol hues, chosen for colour-blind separation); a chart shows at most this many groups by colour. */
export const SERIES_COLOURS = ['#1a85ff', '#d55e00', '#332288', '#000000', '#666666'] as const;

/** Reference lines: targets and deadlines against the data. */
export const REFERENCE_COLOURS = { target: '#d55e00', deadline: '#000000', marker: '#332288' } as const;

/** SPC lines as Making Data Count draws them: grey process line, mean and dashed limits, a red target. */
export const SPC_LINE_COLOURS = MDC_LINES;

export const INK = '#212b32';
export const GRID = '#d8dde0';
