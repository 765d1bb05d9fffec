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

/** Enumerations whose words a rule cannot find. */
const SPELT: Record<string, string> = {
  ICS: 'Integrated care system',
  EBCD: 'Experience-based co-design',
  FFTReview: 'Friends and Family Test review',
  OtherSite: 'Another site',
  ExecSponsor: 'Executive sponsor',
};

/**
 * "MentalHealthTrust" → "Mental health trust", "GPPractice" → "GP practice",
 * "CoDesignSession" → "Co-design session": the API's enumerations, spelt for
 * reading. Acronyms keep their capitals.
 */
export function humanise(value: string | null | undefined): string {
  if (!value) return '—';
  const spelt = SPELT[value];
  if (spelt) return spelt;
  const words = value
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/[-_]/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((word) => (/^[A-Z]{2,}$/.test(word) ? word : word.toLowerCase()))
    .join(' ')
    .replace(/\bco design\b/g, 'co-design');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
