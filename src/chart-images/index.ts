/** Chart images for reports: pure SVG from a chart answer, and PNG from the SVG (see README.md). */
export { renderSpcChartSvg, spcChartLayout } from './spc-chart-svg';
export type { SpcChartImageOptions, SpcChartLayout } from './spc-chart-svg';
export { chartMarks } from './chart-marks';
export type { ChartImageData, ChartMark } from './chart-marks';
export { svgToPng } from './png';
export { MDC_LINES, MDC_POINT_FILLS, MDC_POINT_OUTLINES } from './mdc-style';
