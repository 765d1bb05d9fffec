/**
 * The board pack's curves and bars, as data in and SVG out:
 * `simpleChartRenderer` draws plain, readable vector charts. The measures'
 * SPC charts are drawn by the Making Data Count renderer (src/chart-images)
 * from the report's chart images; this one draws them only when none came.
 */
export interface LineChart {
  kind: 'line';
  title: string;
  labels: string[];
  series: Array<{ name: string; values: Array<number | null>; colour: string; dashed?: boolean }>;
  yLabel: string;
}

export interface BarChart {
  kind: 'bar';
  title: string;
  bars: Array<{ label: string; value: number }>;
}

/** One SPC chart: points with their centre line and limits, and each point's variation. */
export interface SpcChart {
  kind: 'spc';
  title: string;
  points: Array<{
    label: string;
    y: number | null;
    centre: number | null;
    lower: number | null;
    upper: number | null;
    variation: string;
  }>;
  target: number | null;
  yLabel: string;
}

export type BoardChart = LineChart | BarChart | SpcChart;

export interface ChartRenderer {
  render(chart: BoardChart, size: { width: number; height: number }): string;
}

/** NHS identity colours: blue, dark grey, and Making Data Count's orange (concern) and blue (improvement). */
export const COLOURS = {
  blue: '#005EB8',
  darkGrey: '#425563',
  midGrey: '#768692',
  paleGrey: '#E8EDEE',
  orange: '#ED8B00',
  improvement: '#41B6E6',
  red: '#DA291C',
};

const escape = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const round = (n: number): string => (Math.round(n * 10) / 10).toString();

function niceMax(values: number[]): number {
  const max = Math.max(1, ...values);
  const magnitude = 10 ** Math.floor(Math.log10(max));
  return Math.ceil(max / magnitude) * magnitude;
}

function frame(width: number, height: number, title: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<rect width="${width}" height="${height}" fill="#FFFFFF"/>` +
    `<text x="8" y="16" font-size="12" font-weight="bold" fill="${COLOURS.darkGrey}">${escape(title)}</text>${body}</svg>`
  );
}

function axes(
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  max: number,
  labels: string[],
  yLabel: string,
): string {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = y1 - (y1 - y0) * f;
    return (
      `<line x1="${x0}" y1="${round(y)}" x2="${x1}" y2="${round(y)}" stroke="${COLOURS.paleGrey}"/>` +
      `<text x="${x0 - 4}" y="${round(y + 3)}" font-size="8" text-anchor="end" fill="${COLOURS.darkGrey}">${round(max * f)}</text>`
    );
  });
  const every = Math.max(1, Math.ceil(labels.length / 8));
  const xs = labels.map((label, i) =>
    i % every === 0
      ? `<text x="${round(x0 + ((x1 - x0) * i) / Math.max(1, labels.length - 1))}" y="${y1 + 12}" font-size="8" text-anchor="middle" fill="${COLOURS.darkGrey}">${escape(label)}</text>`
      : '',
  );
  return (
    `${ticks.join('')}${xs.join('')}<line x1="${x0}" y1="${y1}" x2="${x1}" y2="${y1}" stroke="${COLOURS.darkGrey}"/>` +
    `<text x="10" y="${round((y0 + y1) / 2)}" font-size="8" fill="${COLOURS.darkGrey}" transform="rotate(-90 10 ${round((y0 + y1) / 2)})" text-anchor="middle">${escape(yLabel)}</text>`
  );
}

function path(values: Array<number | null>, x: (i: number) => number, y: (v: number) => number): string {
  let d = '';
  let pen = false;
  values.forEach((v, i) => {
    if (v === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${round(x(i))},${round(y(v))}`;
    pen = true;
  });
  return d;
}

export const simpleChartRenderer: ChartRenderer = {
  render(chart, { width, height }) {
    const [x0, y0, x1, y1] = [44, 28, width - 12, height - 24];
    if (chart.kind === 'bar') {
      const max = niceMax(chart.bars.map((b) => b.value));
      const rowHeight = (y1 - y0) / Math.max(1, chart.bars.length);
      const bars = chart.bars.map((bar, i) => {
        const y = y0 + i * rowHeight;
        const w = ((x1 - 140) * bar.value) / max;
        return (
          `<text x="136" y="${round(y + rowHeight * 0.65)}" font-size="8" text-anchor="end" fill="${COLOURS.darkGrey}">${escape(bar.label.slice(0, 32))}</text>` +
          `<rect x="140" y="${round(y + rowHeight * 0.15)}" width="${round(Math.max(0, w))}" height="${round(rowHeight * 0.7)}" fill="${COLOURS.blue}"/>` +
          `<text x="${round(144 + w)}" y="${round(y + rowHeight * 0.65)}" font-size="8" fill="${COLOURS.darkGrey}">${round(bar.value)}</text>`
        );
      });
      return frame(width, height, chart.title, bars.join(''));
    }
    const labels = chart.kind === 'line' ? chart.labels : chart.points.map((p) => p.label);
    const count = labels.length;
    const x = (i: number) => x0 + ((x1 - x0) * i) / Math.max(1, count - 1);
    if (chart.kind === 'line') {
      const max = niceMax(chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null)));
      const y = (v: number) => y1 - ((y1 - y0) * v) / max;
      const lines = chart.series.map(
        (s, i) =>
          `<path d="${path(s.values, x, y)}" fill="none" stroke="${s.colour}" stroke-width="1.5"${s.dashed ? ' stroke-dasharray="4 3"' : ''}/>` +
          `<text x="${x0 + 6 + i * 150}" y="${y0 + 8}" font-size="8" fill="${s.colour}">— ${escape(s.name)}</text>`,
      );
      return frame(
        width,
        height,
        chart.title,
        axes(x0, y0, x1, y1, max, labels, chart.yLabel) + lines.join(''),
      );
    }
    const values = chart.points.flatMap((p) =>
      [p.y, p.upper, chart.target].filter((v): v is number => v !== null),
    );
    const max = niceMax(values);
    const y = (v: number) => y1 - ((y1 - y0) * v) / max;
    const line = (key: 'centre' | 'lower' | 'upper', colour: string, dash: string) =>
      `<path d="${path(
        chart.points.map((p) => p[key]),
        x,
        y,
      )}" fill="none" stroke="${colour}" stroke-width="1"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
    const target =
      chart.target === null
        ? ''
        : `<line x1="${x0}" y1="${round(y(chart.target))}" x2="${x1}" y2="${round(y(chart.target))}" stroke="${COLOURS.red}" stroke-dasharray="6 3"/>`;
    const dots = chart.points.map((p, i) => {
      if (p.y === null) return '';
      const colour = p.variation.startsWith('improvement')
        ? COLOURS.improvement
        : p.variation.startsWith('concern')
          ? COLOURS.orange
          : COLOURS.midGrey;
      return `<circle cx="${round(x(i))}" cy="${round(y(p.y))}" r="2.2" fill="${colour}"/>`;
    });
    return frame(
      width,
      height,
      chart.title,
      axes(x0, y0, x1, y1, max, labels, chart.yLabel) +
        line('upper', COLOURS.midGrey, '3 2') +
        line('lower', COLOURS.midGrey, '3 2') +
        line('centre', COLOURS.darkGrey, '') +
        target +
        `<path d="${path(
          chart.points.map((p) => p.y),
          x,
          y,
        )}" fill="none" stroke="${COLOURS.midGrey}" stroke-width="0.8"/>` +
        dots.join(''),
    );
  },
};
