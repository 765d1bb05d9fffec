import { useMemo } from 'preact/hooks';
import type { MeasureChart } from '../api/types';
import { renderSpcChartSvg } from '../../../src/chart-images/spc-chart-svg';

/**
 * A measure's chart drawn by the service's own renderer (src/chart-images),
 * the one behind /chart.svg and /chart.png: the page and the exported images
 * are the same drawing. Presentation attributes only, nothing the CSP refuses.
 */
export function SpcImage({ data, idPrefix }: { data: MeasureChart; idPrefix: string }) {
  const svg = useMemo(
    () => renderSpcChartSvg(data, { title: null, footnotes: false, idPrefix }),
    [data, idPrefix],
  );
  return <div class="spc-image" data-testid="spc-image" dangerouslySetInnerHTML={{ __html: svg }} />;
}
