/**
 * PNG from an SVG chart image, for reports and board packs that want a
 * bitmap: @resvg/resvg-js (Rust's resvg, prebuilt for each platform through
 * npm) draws it with the system's fonts; `scale` 2 gives a sharp image on
 * high-density screens and in print.
 */
import { Resvg } from '@resvg/resvg-js';

export function svgToPng(svg: string, options: { scale?: number } = {}): Buffer {
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: options.scale ?? 2 },
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  });
  return resvg.render().asPng();
}
