import { dirname, join } from 'node:path';
import type { Content, TDocumentDefinitions } from 'pdfmake/interfaces';
import { renderSpcChartSvg } from '../chart-images';
import { BoardChart, ChartRenderer, COLOURS } from './chart-renderer';
import type { ChartImages, ProgrammeReport } from './programme-report';

type ReportChart = ProgrammeReport['alwaysEvents'][number]['charts'][number];

type PdfMake = typeof import('pdfmake');
let pdfmakeLoaded: PdfMake | undefined;

/**
 * pdfmake (with PDFKit and its fonts' metrics) takes about 0.2 s to load and
 * only the board pack needs it: loaded and set up on the first pack, not at
 * start-up.
 */
function pdfmake(): PdfMake {
  if (pdfmakeLoaded) return pdfmakeLoaded;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a static import would load it at start-up
  const loaded = require('pdfmake') as PdfMake;
  const fonts = join(dirname(require.resolve('pdfmake/fonts/Roboto.js')), 'Roboto');
  loaded.setFonts({
    Roboto: {
      normal: join(fonts, 'Roboto-Regular.ttf'),
      bold: join(fonts, 'Roboto-Medium.ttf'),
      italics: join(fonts, 'Roboto-Italic.ttf'),
      bolditalics: join(fonts, 'Roboto-MediumItalic.ttf'),
    },
  });
  // The pack reads its own fonts and nothing else: no file or URL a document could name.
  loaded.setLocalAccessPolicy((path: string) => path.startsWith(fonts));
  loaded.setUrlAccessPolicy(() => false);
  return (pdfmakeLoaded = loaded);
}

const A4_WIDTH = 515;
const pct = (n: number | null): string => (n === null ? '–' : `${n}%`);

function tiles(report: ProgrammeReport): Content {
  const s = report.summary;
  const tile = (label: string, value: string, note: string) => ({
    stack: [
      { text: label, style: 'tileLabel' },
      { text: value, style: 'tileValue' },
      { text: note, style: 'small' },
    ],
    margin: [0, 0, 8, 0] as [number, number, number, number],
  });
  return {
    columns: [
      tile('Enrolled', String(s.enrolled), 'organisations on the date'),
      tile(
        'With senior support',
        String(s.enrolledWithSeniorSupport),
        s.target ? `target ${s.target.threshold} by ${s.target.deadline}` : 'no target set',
      ),
      tile(
        'Share of NHS trusts',
        pct(s.nhsTrusts.sharePercent),
        `${s.nhsTrusts.enrolledWithSeniorSupport} of ${s.nhsTrusts.openOnDate} open`,
      ),
      tile(
        'Returns on time',
        pct(report.compliance.compliancePercent),
        `${report.compliance.onTime} of ${report.compliance.expected} expected`,
      ),
    ],
  };
}

const PHASE_WINDOW_SOURCE = {
  'reporting-window': 'its reporting window',
  'phase-closed': 'the phase closed',
  programme: 'the programme’s window',
} as const;

/** Where the phase rows end, when a phase's window or close (or the programme's) applies. */
function phaseWindowsNote(report: ProgrammeReport): Content[] {
  const ending = report.phaseWindows.filter((w) => w.applied && w.endsOn !== null && w.source !== null);
  if (ending.length === 0) return [];
  const each = ending.map((w) => `${w.name} on ${w.endsOn} (${w.source && PHASE_WINDOW_SOURCE[w.source]})`);
  return [{ text: `Phase figures end: ${each.join('; ')}.`, style: 'small' }];
}

function breakdownTable(title: string, rows: ProgrammeReport['breakdowns']['region']): Content[] {
  return [
    { text: title, style: 'h3' },
    {
      table: {
        headerRows: 1,
        widths: ['*', 60, 90, 70],
        body: [
          ['Group', 'Enrolled', 'With senior support', 'Trust share'].map((text) => ({ text, style: 'th' })),
          ...rows.map((r) => [
            r.label,
            String(r.enrolled),
            String(r.enrolledWithSeniorSupport),
            pct(r.sharePercent),
          ]),
        ],
      },
      layout: 'lightHorizontalLines',
      fontSize: 8,
      margin: [0, 0, 0, 8],
    },
  ];
}

/**
 * The board pack as an A4 PDF (pdfmake, on PDFKit): real, selectable text
 * in an embedded font, and every chart as vector graphics from its SVG.
 */
export async function programmePdf(
  report: ProgrammeReport,
  renderer: ChartRenderer,
  images: ChartImages = new Map(),
): Promise<Buffer> {
  const svg = (chart: BoardChart, height = 220): Content => ({
    svg: renderer.render(chart, { width: A4_WIDTH, height }),
    width: A4_WIDTH,
    margin: [0, 4, 0, 8],
  });
  // The measure charts as the API and the dashboard draw them (Making Data Count's style, with
  // phases, reasons and marks listed under the chart); the plain renderer where no image data came.
  const spcChart = (alwaysEventId: string, c: ReportChart): Content => {
    const image = images.get(`${alwaysEventId}/${c.measureId}`);
    if (!image) {
      return svg(
        {
          kind: 'spc',
          title: 'Per cent by period: mean (solid), process limits (dashed grey), target (dashed red)',
          points: c.points.map((p) => ({ ...p, label: p.period })),
          target: c.targetPct,
          yLabel: '%',
        },
        190,
      );
    }
    return {
      // Drawn at the width the renderer lays out for (its legend and labels fit), then scaled to the page.
      svg: renderSpcChartSvg(image, {
        width: 720,
        title: null,
        footnotes: true,
        idPrefix: `pack-${alwaysEventId.slice(0, 8)}-${c.measureId.slice(0, 8)}`,
      }),
      width: A4_WIDTH,
      margin: [0, 4, 0, 8],
    };
  };
  const months = report.timeline.map((r) => r.month);
  const title = report.programme.name ?? report.programme.slug;
  const source = report.source;
  const content: Content[] = [
    { text: title, style: 'h1' },
    { text: `Board pack: figures on ${report.date}`, style: 'h2' },
    {
      text: [
        `As of ${report.bounds.asOf ?? 'now'}, as known at ${report.bounds.asKnownAt ?? 'now'}. `,
        report.window.endsOn
          ? `Reports end on ${report.window.endsOn} (${report.window.source === 'programme-closed' ? 'the programme closed' : 'its reporting window'}). `
          : '',
        `Generated ${report.generated.at} by ${report.generated.by}.`,
      ],
      style: 'small',
    },
    {
      text: `Built from ${source.dataCutId ? `data cut ${source.dataCutId}` : 'the read models at these bounds (no recorded data cut)'}, log position ${source.globalPosition}, checksum ${source.checksum}`,
      style: 'small',
      margin: [0, 2, 0, 10],
    },
    tiles(report),
    { text: 'Enrolment against the target', style: 'h3', margin: [0, 12, 0, 0] },
    svg({
      kind: 'line',
      title: 'Organisations enrolled with senior support, month by month',
      labels: months,
      yLabel: 'organisations',
      series: [
        {
          name: 'with senior support',
          values: report.timeline.map((r) => r.enrolledWithSeniorSupport),
          colour: COLOURS.blue,
        },
        { name: 'enrolled', values: report.timeline.map((r) => r.enrolled), colour: COLOURS.midGrey },
        {
          name: 'target',
          values: report.timeline.map((r) => r.targetThreshold),
          colour: COLOURS.red,
          dashed: true,
        },
      ],
    }),
    svg(
      {
        kind: 'line',
        title: 'Share of NHS trusts enrolled with senior support (%)',
        labels: months,
        yLabel: '% of open NHS trusts',
        series: [{ name: 'share', values: report.timeline.map((r) => r.sharePercent), colour: COLOURS.blue }],
      },
      180,
    ),
    { text: 'Breakdowns', style: 'h2', pageBreak: 'before' },
    ...breakdownTable('By region', report.breakdowns.region),
    ...breakdownTable('By organisation type', report.breakdowns.organisationType),
    ...breakdownTable('By cohort', report.breakdowns.cohort),
    ...breakdownTable('By phase', report.breakdowns.phase),
    ...phaseWindowsNote(report),
    ...report.alwaysEvents.flatMap((ae): Content[] => [
      { text: `${ae.organisation ?? ae.odsCode}: Always Event`, style: 'h2', pageBreak: 'before' },
      { text: ae.vision ? `“${ae.vision}”` : 'No statement agreed yet', italics: true, margin: [0, 0, 0, 4] },
      {
        text: `State: ${ae.state}. Latest progress score: ${ae.latestProgressScore ? `${ae.latestProgressScore.score} (${ae.latestProgressScore.period})` : 'none'}. Id ${ae.alwaysEventId}.`,
        style: 'small',
      },
      ...ae.charts.slice(0, 3).flatMap((c): Content[] => [
        {
          text: `${c.name ?? c.measureId}: ${c.role} measure, unit ${c.unitId ?? '–'}; variation ${c.icons.variation ?? '–'}, assurance ${c.icons.assurance ?? '–'}; target ${c.targetPct ?? '–'}%`,
          style: 'h3',
        },
        spcChart(ae.alwaysEventId, c),
      ]),
    ]),
  ];
  const document: TDocumentDefinitions = {
    pageSize: 'A4',
    pageMargins: [40, 40, 40, 50],
    info: {
      title: `${title}: board pack ${report.date}`,
      author: report.generated.by,
      subject: 'Always Events programme board pack',
    },
    content,
    footer: (page, pages) => ({
      text: `${title} · figures on ${report.date} · checksum ${source.checksum.slice(0, 16)} · page ${page} of ${pages}`,
      style: 'small',
      margin: [40, 10, 40, 0],
    }),
    defaultStyle: { font: 'Roboto', fontSize: 10, color: '#212B32' },
    styles: {
      h1: { fontSize: 20, bold: true, color: COLOURS.blue, margin: [0, 0, 0, 4] },
      h2: { fontSize: 14, bold: true, margin: [0, 0, 0, 6] },
      h3: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
      th: { bold: true },
      small: { fontSize: 8, color: COLOURS.darkGrey },
      tileLabel: { fontSize: 9, color: COLOURS.darkGrey },
      tileValue: { fontSize: 20, bold: true, color: COLOURS.blue },
    },
  };
  return pdfmake().createPdf(document).getBuffer();
}
