/**
 * The two Making Data Count summary icons as SVG groups: variation (from the
 * latest point: common cause, or special cause improving, concerning or
 * neither, high or low) and assurance (will the target be met: pass, fail,
 * hit and miss). Drawn as MDC draws them: a ring in the meaning's colour
 * holding a small process line, with H or L, or P, F or ? for the letter.
 */
import type { AssuranceIcon, VariationIcon } from '../analytics/spc-types';
import { MDC_LINES, MDC_POINT_FILLS, MDC_POINT_OUTLINES } from './mdc-style';
import { element, escapeXml, text } from './svg-markup';

export const ICON_SIZE = 44;

export const VARIATION_ICON_NAMES: Readonly<Record<VariationIcon, string>> = {
  'common-cause': 'Common cause variation',
  'improvement-high': 'Special cause improvement, high',
  'improvement-low': 'Special cause improvement, low',
  'concern-high': 'Special cause concern, high',
  'concern-low': 'Special cause concern, low',
  'neither-high': 'Special cause, neither improvement nor concern, high',
  'neither-low': 'Special cause, neither improvement nor concern, low',
};

export const ASSURANCE_ICON_NAMES: Readonly<Record<AssuranceIcon, string>> = {
  pass: 'Target consistently passed',
  fail: 'Target consistently failed',
  'hit-or-miss': 'Target hit and miss',
};

function ring(colour: string, children: string[], name: string, x: number, y: number, kind: string): string {
  const r = ICON_SIZE / 2;
  return element(
    'g',
    { transform: `translate(${x} ${y})`, 'data-icon': kind, role: 'img', 'aria-label': name },
    [
      element('title', {}, escapeXml(name)),
      element('circle', { cx: r, cy: r, r: r - 2, fill: '#FFFFFF', stroke: colour, 'stroke-width': 3 }),
      ...children,
    ],
  );
}

export function variationIcon(icon: VariationIcon, x: number, y: number): string {
  const [meaning, side] = icon === 'common-cause' ? ['common-cause', null] : icon.split('-');
  const variation = meaning as keyof typeof MDC_POINT_FILLS;
  const colour = MDC_POINT_OUTLINES[variation];
  const xs = [11, 16, 21, 26, 31];
  const ys =
    side === null ? [20, 16, 21, 17, 20] : side === 'high' ? [23, 22, 15, 13, 12] : [13, 14, 21, 23, 24];
  const dots = xs.map((cx, i) => {
    const special = side !== null && i >= 2;
    const fill = special ? MDC_POINT_FILLS[variation] : MDC_POINT_FILLS['common-cause'];
    return element('circle', {
      cx,
      cy: ys[i],
      r: 2.6,
      fill,
      stroke: special ? colour : MDC_POINT_OUTLINES['common-cause'],
    });
  });
  const line = element('polyline', {
    points: xs.map((cx, i) => `${cx},${ys[i]}`).join(' '),
    fill: 'none',
    stroke: MDC_LINES.process,
    'stroke-width': 1,
  });
  const letter =
    side === null
      ? []
      : [
          text(
            { x: 22, y: 36, 'text-anchor': 'middle', 'font-size': 10, 'font-weight': 700, fill: colour },
            side === 'high' ? 'H' : 'L',
          ),
        ];
  return ring(colour, [line, ...dots, ...letter], VARIATION_ICON_NAMES[icon], x, y, 'variation');
}

export function assuranceIcon(icon: AssuranceIcon, x: number, y: number): string {
  const colour =
    icon === 'pass'
      ? MDC_POINT_OUTLINES.improvement
      : icon === 'fail'
        ? MDC_POINT_OUTLINES.concern
        : MDC_POINT_OUTLINES['common-cause'];
  const target = element('line', {
    x1: 8,
    x2: 36,
    y1: 16,
    y2: 16,
    stroke: MDC_LINES.target,
    'stroke-width': 1.5,
    'stroke-dasharray': '3 2',
  });
  const letter = text(
    { x: 22, y: 33, 'text-anchor': 'middle', 'font-size': 15, 'font-weight': 700, fill: colour },
    icon === 'pass' ? 'P' : icon === 'fail' ? 'F' : '?',
  );
  return ring(colour, [target, letter], ASSURANCE_ICON_NAMES[icon], x, y, 'assurance');
}
