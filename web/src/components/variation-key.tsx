import { VARIATION_FILLS, VARIATION_OUTLINES } from '../charts/palette';
import { VARIATION_LABELS } from '../charts/spc-labels';
import type { Variation } from '../api/types';

const ORDER: Variation[] = ['common-cause', 'improvement', 'concern', 'neither'];

/** A point of one variation, as the chart draws it: MDC's fill, a darker outline. */
export function VariationDot({ variation }: { variation: Variation }) {
  return (
    <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      <circle cx="6" cy="6" r="5" fill={VARIATION_FILLS[variation]} stroke={VARIATION_OUTLINES[variation]} />
    </svg>
  );
}

/** What the points' colours mean. */
export function VariationKey() {
  return (
    <ul class="variation-key" aria-label="Point colours">
      {ORDER.map((v) => (
        <li key={v}>
          <VariationDot variation={v} /> {VARIATION_LABELS[v]}
        </li>
      ))}
    </ul>
  );
}
