const WHOLE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** Figures as people read them: grouped thousands; a dash for "no figure". */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : WHOLE.format(value);
}

export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : DECIMAL.format(value);
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${DECIMAL.format(value)}%`;
}

/** "MentalHealthTrust" → "Mental health trust": the API's enumerations, spelt for reading. */
export function humanise(value: string | null | undefined): string {
  if (!value) return '—';
  const words = value
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
