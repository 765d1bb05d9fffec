/**
 * Labels for vertical marks (phase breaks, baselines, PDSA starts, notes),
 * placed in lanes above the plot so that no two overlap and no mark's line
 * runs through another's label: each is cut to a readable width (the full
 * text stays in its tooltip and in the footnotes), then goes in the lowest
 * lane where its box is free and its line passes no label below it, a new
 * lane if none is. Pure geometry, so tests can check the boxes.
 */
import { fitText, textWidth } from './svg-markup';

export interface MarkLabel {
  x: number;
  text: string;
}

export interface PlacedLabel {
  x: number;
  /** Where the text starts, its lane (0 nearest the plot) and its width. */
  left: number;
  lane: number;
  width: number;
  text: string;
  /** The label as asked for, when it had to be shortened. */
  full: string;
}

/** Space kept between two labels of one lane. */
export const LABEL_GAP = 6;

export function placeLabels(
  labels: readonly MarkLabel[],
  bounds: { left: number; right: number },
  fontSize: number,
  maxWidth: number,
): PlacedLabel[] {
  const lanes: Array<Array<[number, number]>> = [];
  const lines: Array<{ x: number; lane: number }> = [];
  const free = (lane: Array<[number, number]>, from: number, to: number) =>
    lane.every(([a, b]) => to + LABEL_GAP <= a || from >= b + LABEL_GAP);
  const crossed = (x: number, below: number) =>
    lanes.slice(0, below).some((taken) => taken.some(([a, b]) => x >= a - 2 && x <= b + 2));
  const fits = (lane: number, x: number, from: number, to: number) =>
    free(lanes[lane], from, to) &&
    !crossed(x, lane) &&
    !lines.some((line) => line.lane > lane && line.x >= from - 2 && line.x <= to + 2);
  return [...labels]
    .sort((a, b) => a.x - b.x)
    .map((label) => {
      const text = fitText(label.text, fontSize, Math.min(maxWidth, bounds.right - bounds.left));
      const width = textWidth(text, fontSize);
      // Start at the mark, or end at it when the right edge is near.
      const left = Math.max(bounds.left, Math.min(label.x + 3, bounds.right - width));
      let lane = lanes.findIndex((_, i) => fits(i, label.x, left, left + width));
      if (lane === -1) lane = lanes.push([]) - 1;
      lanes[lane].push([left, left + width]);
      lines.push({ x: label.x, lane });
      return { x: label.x, left, lane, width, text, full: label.text };
    });
}
