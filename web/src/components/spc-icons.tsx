import {
  ASSURANCE_ICON_NAMES,
  assuranceIcon,
  ICON_SIZE,
  VARIATION_ICON_NAMES,
  variationIcon,
} from '../../../src/chart-images/mdc-icons';
import type { AssuranceIcon, VariationIcon } from '../../../src/analytics/spc-types';

/**
 * Making Data Count's summary icons, drawn as in the chart images: what the
 * latest point says about the variation, and whether the target will be met.
 * Each with its name in words.
 */
function Icon({ markup, name, testId }: { markup: string; name: string; testId: string }) {
  return (
    <span class="spc-icon" data-testid={testId}>
      <svg
        width={ICON_SIZE}
        height={ICON_SIZE}
        viewBox={`0 0 ${ICON_SIZE} ${ICON_SIZE}`}
        aria-hidden="true"
        focusable="false"
        dangerouslySetInnerHTML={{ __html: markup }}
      />
      <span>{name}</span>
    </span>
  );
}

export function SpcIcons({
  variation,
  assurance,
}: {
  variation: VariationIcon | null;
  assurance: AssuranceIcon | null;
}) {
  if (!variation && !assurance) return <p class="hint">This profile draws no summary icons.</p>;
  return (
    <div class="spc-icons">
      {variation && (
        <Icon
          markup={variationIcon(variation, 0, 0)}
          name={VARIATION_ICON_NAMES[variation]}
          testId="variation-icon"
        />
      )}
      {assurance && (
        <Icon
          markup={assuranceIcon(assurance, 0, 0)}
          name={ASSURANCE_ICON_NAMES[assurance]}
          testId="assurance-icon"
        />
      )}
    </div>
  );
}
