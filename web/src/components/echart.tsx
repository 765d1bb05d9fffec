import { useEffect, useRef } from 'preact/hooks';
import { echarts } from '../charts/echarts-setup';
import type { ChartOption } from '../charts/echarts-setup';

interface Props {
  option: ChartOption;
  /** What the chart shows, in words, for screen readers (the table below has the figures). */
  label: string;
  size?: 'normal' | 'small';
}

/** An ECharts canvas that follows its container's width, drawn again when the option changes. */
export function EChart({ option, label, size = 'normal' }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<typeof echarts.init> | null>(null);

  useEffect(() => {
    const element = host.current as HTMLDivElement;
    const instance = echarts.init(element, undefined, { renderer: 'canvas' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, { notMerge: true });
  }, [option]);

  return <div ref={host} class={`chart chart--${size}`} role="img" aria-label={label} />;
}
