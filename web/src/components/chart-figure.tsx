import type { ComponentChildren } from 'preact';
import type { ChartOption } from '../charts/echarts-setup';
import { EChart } from './echart';

interface Props {
  title: string;
  /** The chart in one sentence: its accessible name. */
  summary: string;
  /** An ECharts option, or an image drawn elsewhere (the SPC renderer's SVG). */
  option?: ChartOption;
  image?: ComponentChildren;
  /** The same figures as a table: the chart's text alternative. */
  table: ComponentChildren;
  testId: string;
  size?: 'normal' | 'small';
  /** h3 on its own, h4 inside a section that already has an h3 for it. */
  level?: 3 | 4;
  children?: ComponentChildren;
  attributes?: Record<string, string | number>;
}

export function ChartFigure(props: Props) {
  const { title, summary, option, image, table, testId, size, level = 3, children, attributes } = props;
  const Heading = level === 4 ? 'h4' : 'h3';
  return (
    <figure class="figure" data-testid={testId} {...attributes}>
      <figcaption>
        <Heading>{title}</Heading>
        <p class="figure-summary">{summary}</p>
      </figcaption>
      {image ?? (option && <EChart option={option} label={`${title}. ${summary}`} size={size} />)}
      {children}
      <details class="figure-table">
        <summary>Show the figures as a table</summary>
        {table}
      </details>
    </figure>
  );
}
