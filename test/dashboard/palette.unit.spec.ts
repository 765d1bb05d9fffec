import {
  REFERENCE_COLOURS,
  SERIES_COLOURS,
  SPC_LINE_COLOURS,
  VARIATION_FILLS,
  VARIATION_OUTLINES,
} from '../../web/src/charts/palette';
import { ciede2000, contrastRatio, differenceSeen, Vision } from './support/colour-vision';

const VISIONS: Vision[] = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];
const PAGE = '#ffffff';
/** CIEDE2000 between any two colours of a palette, as seen with each kind of vision. */
const FAR_APART = 20;

/** Every pair of a palette whose colours come closer than FAR_APART for someone, with the difference. */
function closePairs(palette: Record<string, string>): string[] {
  const entries = Object.entries(palette);
  return entries.flatMap(([a, hexA], i) =>
    entries.slice(i + 1).flatMap(([b, hexB]) =>
      VISIONS.flatMap((vision) => {
        const difference = differenceSeen(hexA, hexB, vision);
        return difference < FAR_APART ? [`${a}/${b} under ${vision}: ${difference.toFixed(1)}`] : [];
      }),
    ),
  );
}

describe('the dashboard palettes for colour-blind readers', () => {
  it('computes CIEDE2000 as Sharma, Wu and Dalal (2005) tabulate it', () => {
    // Pairs 1, 7, 17 and 25 of the paper's test data, to four decimals.
    const pairs: Array<[[number, number, number], [number, number, number], number]> = [
      [[50, 2.6772, -79.7751], [50, 0, -82.7485], 2.0425],
      [[50, 0, 0], [50, -1, 2], 2.3669],
      [[50, 2.5, 0], [73, 25, -18], 27.1492],
      [[60.2574, -34.0099, 36.2677], [60.4626, -34.1751, 39.4387], 1.2644],
    ];
    for (const [lab1, lab2, expected] of pairs) expect(ciede2000(lab1, lab2)).toBeCloseTo(expected, 4);
  });

  it('fills SPC points with Making Data Count’s own colours, far apart for every kind of vision', () => {
    expect(VARIATION_FILLS).toEqual({
      improvement: '#00B0F0',
      concern: '#E46C0A',
      neither: '#490092',
      'common-cause': '#A6A6A6',
    });
    expect(closePairs(VARIATION_FILLS)).toEqual([]);
  });

  it('outlines each point in a darker shade of its own hue (the outline carries the contrast)', () => {
    for (const [variation, outline] of Object.entries(VARIATION_OUTLINES)) {
      const fill = VARIATION_FILLS[variation as keyof typeof VARIATION_FILLS];
      expect(contrastRatio(outline, PAGE)).toBeGreaterThanOrEqual(contrastRatio(fill, PAGE));
    }
  });

  it('keeps the series colours far apart for every kind of vision', () => {
    expect(closePairs(Object.fromEntries(SERIES_COLOURS.map((c, i) => [`series ${i + 1}`, c])))).toEqual([]);
  });

  it('gives every colour drawn on the page at least 3:1 against it (WCAG non-text contrast)', () => {
    const all = {
      ...VARIATION_OUTLINES,
      ...Object.fromEntries(SERIES_COLOURS.map((c, i) => [`series ${i + 1}`, c])),
      ...REFERENCE_COLOURS,
      ...SPC_LINE_COLOURS,
    };
    const faint = Object.entries(all)
      .map(([name, hex]) => [name, contrastRatio(hex, PAGE)] as const)
      .filter(([, ratio]) => ratio < 3);
    expect(faint).toEqual([]);
  });

  it('would catch a palette that fails: red against green under deuteranopia', () => {
    expect(closePairs({ red: '#d62728', green: '#2ca02c' })).toEqual([
      expect.stringMatching(/^red\/green under deuteranopia: \d+\.\d$/),
    ]);
    expect(contrastRatio('#fab428', PAGE)).toBeLessThan(3);
  });
});
