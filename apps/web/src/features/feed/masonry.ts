/** Covers are cropped to RedNote's range, 4:3 landscape to 3:4 portrait. */
export const MIN_COVER_RATIO = 3 / 4;
export const MAX_COVER_RATIO = 4 / 3;

/** Height over width of a cover as shown on a card. */
export function coverRatio(width: number, height: number): number {
  if (!(width > 0) || !(height > 0)) return 1;
  return Math.min(MAX_COVER_RATIO, Math.max(MIN_COVER_RATIO, height / width));
}

/**
 * Splits cards into columns, each card going to the column that is shortest so far (by
 * its known cover ratio plus the fixed text block under it, in column widths), so the
 * grid reads top-down roughly in rank order. Deterministic: appending a page never moves
 * the cards already placed.
 */
export function assignColumns<T>(items: readonly T[], ratioOf: (item: T) => number, columnCount = 2, footerRatio = 0.42): T[][] {
  const columns: T[][] = Array.from({ length: columnCount }, () => []);
  const heights = new Array<number>(columnCount).fill(0);
  for (const item of items) {
    let shortest = 0;
    for (let c = 1; c < columnCount; c++) if ((heights[c] ?? 0) < (heights[shortest] ?? 0) - 1e-9) shortest = c;
    columns[shortest]?.push(item);
    heights[shortest] = (heights[shortest] ?? 0) + ratioOf(item) + footerRatio;
  }
  return columns;
}
