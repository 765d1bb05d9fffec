import { VARIATION_COLOURS } from '../charts/palette';
import { VARIATION_LABELS } from '../charts/spc-option';
import type { Variation } from '../api/types';

const SHAPES: Record<Variation, string> = {
  improvement: 'M6 1 L11 11 L1 11 Z',
  concern: 'M6 0 L12 6 L6 12 L0 6 Z',
  neither: 'M1 1 H11 V11 H1 Z',
  'common-cause': 'M6 1 A5 5 0 1 1 5.99 1 Z',
};

/** What the points' colours and shapes mean. */
export function VariationKey() {
  return (
    <ul class="variation-key" aria-label="Point colours and shapes">
      {(Object.keys(SHAPES) as Variation[]).map((v) => (
        <li key={v}>
          <svg width="12" height="12" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
            <path d={SHAPES[v]} fill={VARIATION_COLOURS[v]} />
          </svg>{' '}
          {VARIATION_LABELS[v]}
        </li>
      ))}
    </ul>
  );
}
