import type { ComponentChildren } from 'preact';

/** A headline figure: what it counts, the figure, and what it is measured against. */
export function Tile({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: ComponentChildren;
  testId: string;
}) {
  return (
    <div class="tile" data-testid={testId}>
      <p class="tile-label">{label}</p>
      <p class="tile-value" data-testid={`${testId}-value`}>
        {value}
      </p>
      {detail && <p class="tile-detail">{detail}</p>}
    </div>
  );
}
