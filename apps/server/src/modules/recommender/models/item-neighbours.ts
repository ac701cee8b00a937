// An item model's output: for each item, its strongest neighbours and their
// weights, strongest first. A person's score for item j is the sum of the
// weights from the items they engaged with to j (scores.ts).

export interface ItemNeighbours {
  ids: Int32Array[];
  weights: Float32Array[];
}

/**
 * Keeps the `keep` largest positive entries of a dense row (the touched ones;
 * with `signed`, the largest in absolute value), strongest first, ties to the
 * lower index so results are reproducible.
 */
export function strongest(row: Float64Array, touched: ArrayLike<number>, keep: number, signed = false): { ids: Int32Array; weights: Float32Array } {
  const candidates: number[] = [];
  for (let k = 0; k < touched.length; k += 1) if (signed ? row[touched[k]!] !== 0 : row[touched[k]!]! > 0) candidates.push(touched[k]!);
  // Signed weights (EASE^R) keep the largest in size: a negative weight says "not after this one".
  if (signed) candidates.sort((a, b) => Math.abs(row[b]!) - Math.abs(row[a]!) || a - b);
  else candidates.sort((a, b) => row[b]! - row[a]! || a - b);
  const n = Math.min(keep, candidates.length);
  const ids = new Int32Array(n);
  const weights = new Float32Array(n);
  for (let k = 0; k < n; k += 1) {
    ids[k] = candidates[k]!;
    weights[k] = row[candidates[k]!]!;
  }
  return { ids, weights };
}
