import type { ChartOption } from './echarts-setup';
import { GRID, INK } from './palette';

/**
 * What every chart shares. The tooltip is drawn on the canvas ('richText'):
 * ECharts' HTML tooltip writes style attributes, which the CSP refuses.
 * Decals put patterns on bars, so bars differ by more than colour. No
 * animation: the figures should be read, not watched, and it respects reduced motion.
 */
export function baseOption(extra: ChartOption): ChartOption {
  return {
    animation: false,
    textStyle: { fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif', color: INK },
    aria: { enabled: true, label: { enabled: false }, decal: { show: true } },
    tooltip: { trigger: 'axis', renderMode: 'richText', confine: true },
    grid: { left: 8, right: 24, top: 48, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: INK } },
    ...extra,
  };
}

export const valueAxis = (name: string, extra: ChartOption = {}): ChartOption => ({
  type: 'value',
  name,
  nameTextStyle: { color: INK, align: 'left' },
  axisLabel: { color: INK },
  splitLine: { lineStyle: { color: GRID } },
  ...extra,
});

export const categoryAxis = (data: string[], extra: ChartOption = {}): ChartOption => ({
  type: 'category',
  data,
  axisLabel: { color: INK, hideOverlap: true },
  axisLine: { lineStyle: { color: INK } },
  ...extra,
});
