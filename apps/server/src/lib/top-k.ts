// The `k` best of many candidates, best first, without sorting them all: a
// bounded min-heap keeps the k best seen so far, and most candidates only get
// compared with its root. The order is total (a larger key first, then the
// smaller id), so the result is exactly the first k of a full sort by
// (key desc, id asc): a drop-in for `sort(...).slice(0, k)` at O(n log k).

/** `ids[0..count)`, the k with the largest `key(id)` (ties: smaller id first), best first. */
export function topK(ids: ArrayLike<number>, count: number, k: number, key: (id: number) => number): Int32Array {
  if (k <= 0 || count <= 0) return new Int32Array(0);
  if (count <= k) {
    const all = ids instanceof Int32Array ? ids.slice(0, count) : Int32Array.from({ length: count }, (_, i) => ids[i]!);
    return sortBest(all, key);
  }
  const heapIds = new Int32Array(k);
  const heapKeys = new Float64Array(k);
  // Worse: a smaller key, or the same key and a larger id. The root is the worst kept.
  const worse = (keyA: number, idA: number, keyB: number, idB: number) => keyA < keyB || (keyA === keyB && idA > idB);
  let size = 0;
  const siftDown = (from: number) => {
    let at = from;
    for (;;) {
      const left = 2 * at + 1;
      if (left >= size) return;
      const right = left + 1;
      let child = left;
      if (right < size && worse(heapKeys[right]!, heapIds[right]!, heapKeys[left]!, heapIds[left]!)) child = right;
      if (!worse(heapKeys[child]!, heapIds[child]!, heapKeys[at]!, heapIds[at]!)) return;
      const id = heapIds[at]!;
      const value = heapKeys[at]!;
      heapIds[at] = heapIds[child]!;
      heapKeys[at] = heapKeys[child]!;
      heapIds[child] = id;
      heapKeys[child] = value;
      at = child;
    }
  };
  for (let i = 0; i < count; i += 1) {
    const id = ids[i]!;
    const value = key(id);
    if (size < k) {
      // Sift up.
      let at = size;
      size += 1;
      heapIds[at] = id;
      heapKeys[at] = value;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!worse(heapKeys[at]!, heapIds[at]!, heapKeys[parent]!, heapIds[parent]!)) break;
        heapIds[at] = heapIds[parent]!;
        heapKeys[at] = heapKeys[parent]!;
        heapIds[parent] = id;
        heapKeys[parent] = value;
        at = parent;
      }
    } else if (worse(heapKeys[0]!, heapIds[0]!, value, id)) {
      heapIds[0] = id;
      heapKeys[0] = value;
      siftDown(0);
    }
  }
  // Heapsort out of the heap itself: the worst kept goes last, typed arrays only.
  const best = new Int32Array(k);
  for (let end = k - 1; end >= 0; end -= 1) {
    best[end] = heapIds[0]!;
    size -= 1;
    heapIds[0] = heapIds[size]!;
    heapKeys[0] = heapKeys[size]!;
    siftDown(0);
  }
  return best;
}

function sortBest(ids: Int32Array, key: (id: number) => number): Int32Array {
  return ids.sort((a, b) => key(b) - key(a) || a - b);
}
