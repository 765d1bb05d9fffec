/**
 * renderSpcChartSvg(): a measure's run or SPC chart as a standalone SVG in
 * Making Data Count's style, from the chart answer of
 * GET /v1/measures/{id}/chart. Pure (no I/O, no DOM, no font engine): the API
 * serves it as SVG and PNG, the dashboard draws the same markup, and a board
 * pack can call it on any chart answer.
 */
import { PROFILES } from '../analytics/profiles';
import type { SpcPointResult } from '../analytics/spc-types';
import { ChartImageData, ChartMark, chartMarks } from './chart-marks';
import { placeLabels, PlacedLabel } from './label-lanes';
import { assuranceIcon, ICON_SIZE, variationIcon } from './mdc-icons';
import { GRID, INK, MDC_LINES, MDC_POINT_FILLS, MDC_POINT_OUTLINES } from './mdc-style';
import { element, escapeXml, fitText, text, textWidth } from './svg-markup';

export interface SpcChartImageOptions {
  width?: number;
  plotHeight?: number;
  /** Heading drawn in the image; null for none (a page that has its own). Default: the measure and unit. */
  title?: string | null;
  /** List every mark in full under the chart (reports); off where the page lists them. */
  footnotes?: boolean;
  /** Prefix of the ids inside the image, unique per page. */
  idPrefix?: string;
}

export interface SpcChartLayout {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  labels: Array<PlacedLabel & { kind: ChartMark['kind']; top: number; fontSize: number }>;
  points: Array<{ n: number; x: number; y: number | null }>;
}

const FONT = 11;
const MARK_DASHES: Record<ChartMark['kind'], string | null> = {
  'phase-break': null,
  baseline: '1 3',
  pdsa: '5 3',
  note: '2 2',
};
const LANE = 16;
const FONT_FAMILY = "system-ui, 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif";
const CHART_NAMES: Record<string, string> = {
  run: 'Run chart',
  xmr: 'XmR chart',
  p: 'p chart',
  pprime: "Laney p' chart",
  u: 'u chart',
  c: 'c chart',
};

/** Round steps (1, 2, 5 × 10^k) covering [low, high] with about five ticks. */
function ticks(low: number, high: number): number[] {
  const span = high - low || Math.abs(high) || 1;
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  const first = Math.floor(low / step) * step;
  const result: number[] = [];
  for (let v = first; v <= high + step / 2; v += step) result.push(Math.round(v * 1e9) / 1e9);
  return result;
}

function domain(data: ChartImageData): [number, number] {
  const result = data.chart;
  const values = (result?.points ?? []).flatMap((p) =>
    [p.y, p.centre, p.lower, p.upper].filter((v): v is number => v !== null),
  );
  const target = result?.parameters.target;
  if (target !== null && target !== undefined) values.push(target);
  if (values.length === 0) return [0, 100];
  let [low, high] = [Math.min(...values), Math.max(...values)];
  const pad = (high - low) * 0.05 || 1;
  const range = result?.parameters.valueRange;
  low = Math.max(range?.lower ?? -Infinity, low - pad);
  high = Math.min(range?.upper ?? Infinity, high + pad);
  const t = ticks(low, high);
  return [Math.min(low, t[0]), Math.max(high, t[t.length - 1])];
}

/** Where everything goes: the plot, each point, each mark's label. */
export function spcChartLayout(data: ChartImageData, options: SpcChartImageOptions = {}): SpcChartLayout {
  const width = options.width ?? 960;
  const points = data.chart?.points ?? [];
  const marks = chartMarks(data);
  const hasTitle = (options.title === undefined ? defaultTitle(data) : options.title) !== null;
  const headerBottom = (hasTitle ? 44 : 22) + 22;
  const plotLeft = 56;
  const plotRight = width - 84;
  const step = (plotRight - plotLeft) / Math.max(points.length, 1);
  const xOf = (at: number) => plotLeft + (at - 0.5) * step;
  const placed = placeLabels(
    marks.map((m) => ({ x: xOf(m.at), text: m.label })),
    { left: plotLeft, right: width - 8 },
    FONT,
    240,
  );
  const lanes = placed.reduce((most, l) => Math.max(most, l.lane + 1), 0);
  const top = headerBottom + lanes * LANE + 10;
  const bottom = top + (options.plotHeight ?? 260);
  const [low, high] = domain(data);
  const yOf = (v: number) => bottom - ((v - low) / (high - low || 1)) * (bottom - top);
  const footnoteLines = options.footnotes === false ? 0 : marks.length;
  return {
    width,
    height: bottom + 40 + (footnoteLines > 0 ? 10 + footnoteLines * 15 : 0),
    plot: { left: plotLeft, right: plotRight, top, bottom },
    labels: placed.map((label, i) => ({
      ...label,
      kind: marks[i].kind,
      top: top - 10 - label.lane * LANE - FONT,
      fontSize: FONT,
    })),
    points: points.map((p) => ({ n: p.n, x: xOf(p.n), y: p.y === null ? null : yOf(p.y) })),
  };
}

function defaultTitle(data: ChartImageData): string {
  return `${data.name ?? 'Measure'}${data.unitId ? ` (${data.unitId})` : ''}`;
}

/** A line of the chart per phase, from the phase's first point to its last. */
function phaseLines(
  points: readonly SpcPointResult[],
  key: 'centre' | 'lower' | 'upper',
  xOf: (n: number) => number,
  yOf: (v: number) => number,
  style: Record<string, string | number>,
): string[] {
  const half = points.length > 1 ? (xOf(2) - xOf(1)) / 2 : 10;
  const phases = [...new Set(points.map((p) => p.phase))];
  return phases.flatMap((phase) => {
    const own = points.filter((p) => p.phase === phase && p[key] !== null);
    if (own.length === 0) return [];
    // A line that moves within a phase (p chart limits) is drawn in steps.
    const d = own
      .map(
        (p, i) =>
          `${i === 0 ? 'M' : 'L'}${xOf(p.n) - half},${yOf(p[key] as number)} L${xOf(p.n) + half},${yOf(p[key] as number)}`,
      )
      .join(' ');
    return [element('path', { d, fill: 'none', ...style, 'data-line': key, 'data-phase': phase })];
  });
}

export function renderSpcChartSvg(data: ChartImageData, options: SpcChartImageOptions = {}): string {
  const layout = spcChartLayout(data, options);
  const { width, height, plot } = layout;
  const id = options.idPrefix ?? 'spc';
  const result = data.chart;
  const points = result?.points ?? [];
  const title = options.title === undefined ? defaultTitle(data) : options.title;
  const profile = result ? PROFILES[result.profile] : undefined;
  const subtitle = result
    ? `${CHART_NAMES[result.chart] ?? result.chart} · ${profile?.reference ?? result.profile} · ${points.length} ${data.frequency?.toLowerCase() ?? ''} periods`
    : 'No measurements yet';
  const [low, high] = domain(data);
  const yOf = (v: number) => plot.bottom - ((v - low) / (high - low || 1)) * (plot.bottom - plot.top);
  const xOf = (n: number) => layout.points[n - 1]?.x ?? plot.left;
  const step = points.length > 0 ? (plot.right - plot.left) / points.length : 0;
  const percent = result !== null && result.chart !== 'c' && result.chart !== 'u';
  const parts: string[] = [];

  // Heading, icons, legend.
  const headerY = title !== null ? 22 : 0;
  if (title !== null)
    parts.push(
      text({ x: 16, y: 22, 'font-size': 16, 'font-weight': 700, fill: INK }, fitText(title, 16, width - 140)),
    );
  parts.push(
    text({ x: 16, y: headerY + 18, 'font-size': 12, fill: INK }, fitText(subtitle, 12, width - 140)),
  );
  const icons = [
    result?.icons.variation ? variationIcon(result.icons.variation, width - 16 - ICON_SIZE * 2 - 8, 6) : '',
    result?.icons.assurance ? assuranceIcon(result.icons.assurance, width - 16 - ICON_SIZE, 6) : '',
  ];
  parts.push(...icons.filter(Boolean));
  parts.push(legend(16, headerY + 38));

  // Grid and axes.
  for (const tick of ticks(low, high).filter((t) => t >= low && t <= high)) {
    parts.push(
      element('line', {
        x1: plot.left,
        x2: plot.right,
        y1: yOf(tick),
        y2: yOf(tick),
        stroke: GRID,
        'stroke-width': 1,
      }),
    );
    parts.push(
      text(
        { x: plot.left - 6, y: yOf(tick) + 4, 'text-anchor': 'end', 'font-size': FONT, fill: INK },
        `${tick}${percent ? '%' : ''}`,
      ),
    );
  }
  parts.push(
    element('line', {
      x1: plot.left,
      x2: plot.right,
      y1: plot.bottom,
      y2: plot.bottom,
      stroke: INK,
      'stroke-width': 1,
    }),
  );
  const every = Math.max(1, Math.ceil((textWidth('2018-W00', FONT) + 10) / Math.max(step, 1)));
  points.forEach((p, i) => {
    if (i % every !== 0) return;
    parts.push(
      element('line', { x1: xOf(p.n), x2: xOf(p.n), y1: plot.bottom, y2: plot.bottom + 4, stroke: INK }),
    );
    parts.push(
      text(
        { x: xOf(p.n), y: plot.bottom + 16, 'text-anchor': 'middle', 'font-size': FONT, fill: INK },
        p.date ?? `#${p.n}`,
      ),
    );
  });

  // Marks and their labels, lanes above the plot.
  // Every mark's line first, then the labels on a white ground: a line that must pass a label
  // runs behind it, never through its text.
  const lines = layout.labels.map((label) =>
    element('line', {
      x1: label.x,
      x2: label.x,
      y1: label.top + FONT + 3,
      y2: plot.bottom,
      stroke: MDC_LINES.mark,
      'stroke-width': label.kind === 'phase-break' ? 1.5 : 1,
      'stroke-dasharray': MARK_DASHES[label.kind],
      'data-mark-line': label.kind,
    }),
  );
  const labels = layout.labels.map((label) =>
    element('g', { 'data-mark': label.kind }, [
      element('title', {}, escapeXml(label.full)),
      element('rect', {
        x: label.left - 2,
        y: label.top,
        width: label.width + 4,
        height: FONT + 4,
        fill: '#FFFFFF',
      }),
      text(
        { x: label.left, y: label.top + FONT, 'font-size': FONT, fill: INK, 'data-label': label.kind },
        label.text,
      ),
    ]),
  );
  parts.push(...lines, ...labels);

  // Limits, mean, target, the process line and every point.
  if (result) {
    parts.push(
      ...phaseLines(points, 'upper', xOf, yOf, {
        stroke: MDC_LINES.limit,
        'stroke-width': 1.5,
        'stroke-dasharray': '6 4',
      }),
    );
    parts.push(
      ...phaseLines(points, 'lower', xOf, yOf, {
        stroke: MDC_LINES.limit,
        'stroke-width': 1.5,
        'stroke-dasharray': '6 4',
      }),
    );
    parts.push(...phaseLines(points, 'centre', xOf, yOf, { stroke: MDC_LINES.mean, 'stroke-width': 1.5 }));
    const target = result.parameters.target;
    if (target !== null && target >= low && target <= high) {
      parts.push(
        element('line', {
          x1: plot.left,
          x2: plot.right,
          y1: yOf(target),
          y2: yOf(target),
          stroke: MDC_LINES.target,
          'stroke-width': 1.5,
          'stroke-dasharray': '8 4',
          'data-line': 'target',
        }),
      );
      parts.push(
        text(
          { x: plot.right + 6, y: yOf(target) + 4, 'font-size': FONT, fill: MDC_LINES.target },
          `Target ${target}${percent ? '%' : ''}`,
        ),
      );
    }
    const segments: string[][] = [[]];
    for (const p of layout.points) {
      if (p.y === null) segments.push([]);
      else (segments.at(-1) as string[]).push(`${p.x},${p.y}`);
    }
    for (const segment of segments.filter((s) => s.length > 1)) {
      parts.push(
        element('polyline', {
          points: segment.join(' '),
          fill: 'none',
          stroke: MDC_LINES.process,
          'stroke-width': 1.5,
        }),
      );
    }
    const radius = points.length > 150 ? 2.6 : points.length > 60 ? 3.4 : 4.4;
    points.forEach((p, i) => {
      const y = layout.points[i].y;
      if (y === null) return;
      parts.push(
        element('circle', {
          cx: xOf(p.n),
          cy: y,
          r: radius,
          fill: p.excluded ? '#FFFFFF' : MDC_POINT_FILLS[p.variation],
          stroke: MDC_POINT_OUTLINES[p.variation],
          'stroke-width': 1,
          'data-n': p.n,
          'data-variation': p.variation,
        }),
      );
    });
  }

  if (options.footnotes !== false) {
    chartMarks(data).forEach((mark, i) => {
      parts.push(
        text(
          { x: 16, y: plot.bottom + 50 + i * 15, 'font-size': FONT, fill: INK, 'data-footnote': mark.kind },
          `${mark.period}: ${mark.label}`,
        ),
      );
    });
  }

  const special = points.filter((p) => p.y !== null && p.variation !== 'common-cause').length;
  const description = `${subtitle}. ${special} special-cause points; ${chartMarks(data).length} marks on the chart.`;
  return element(
    'svg',
    {
      xmlns: 'http://www.w3.org/2000/svg',
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'aria-labelledby': `${id}-title ${id}-desc`,
      'font-family': FONT_FAMILY,
    },
    [
      element('title', { id: `${id}-title` }, escapeXml(title ?? defaultTitle(data))),
      element('desc', { id: `${id}-desc` }, escapeXml(description)),
      element('rect', { width, height, fill: '#FFFFFF' }),
      ...parts,
    ],
  );
}

function legend(x: number, y: number): string {
  const items: Array<[string, string]> = [];
  const dot = (variation: keyof typeof MDC_POINT_FILLS) =>
    element('circle', {
      cx: 5,
      cy: -4,
      r: 4,
      fill: MDC_POINT_FILLS[variation],
      stroke: MDC_POINT_OUTLINES[variation],
    });
  const line = (stroke: string, dash: string | null) =>
    element('line', { x1: 0, x2: 14, y1: -4, y2: -4, stroke, 'stroke-width': 1.5, 'stroke-dasharray': dash });
  items.push([dot('common-cause'), 'Common cause']);
  items.push([dot('improvement'), 'Improvement']);
  items.push([dot('concern'), 'Concern']);
  items.push([dot('neither'), 'Neither']);
  items.push([line(MDC_LINES.mean, null), 'Mean']);
  items.push([line(MDC_LINES.limit, '6 4'), 'Process limits']);
  items.push([line(MDC_LINES.target, '8 4'), 'Target']);
  let offset = 0;
  const parts = items.map(([symbol, label]) => {
    const group = element('g', { transform: `translate(${x + offset} ${y})` }, [
      symbol,
      text({ x: 18, y: 0, 'font-size': FONT, fill: INK }, label),
    ]);
    offset += 34 + textWidth(label, FONT);
    return group;
  });
  return element('g', { 'data-legend': 'spc' }, parts);
}
