/** A video is the active one once at least this much of it is on screen. */
export const ACTIVE_RATIO = 0.6;

/**
 * The index of the item to play: the most visible one at or over the threshold; while
 * none is (mid-swipe), the current one stays active so playback does not flicker.
 */
export function pickActive(ratios: ReadonlyMap<number, number>, current: number, threshold = ACTIVE_RATIO): number {
  let best = current;
  let bestRatio = -1;
  for (const [index, ratio] of ratios) {
    if (ratio < threshold) continue;
    // On a tie the current item keeps playing.
    if (ratio > bestRatio || (ratio === bestRatio && index === current)) {
      best = index;
      bestRatio = ratio;
    }
  }
  return best;
}

/** How a player at `index` should hold its media while `active` plays. */
export type MediaPlan = 'play' | 'preload' | 'release';

/**
 * The active item plays, its neighbours keep their source attached (the next one loads
 * ahead so it starts at once), anything two or more away frees its decoder and buffers.
 */
export function mediaPlan(index: number, active: number): MediaPlan {
  if (index === active) return 'play';
  return Math.abs(index - active) === 1 ? 'preload' : 'release';
}

/** Fetch the next page once the active item is this close to the end of what is loaded. */
export function shouldLoadMore(active: number, count: number, ahead = 2): boolean {
  return count > 0 && active >= count - 1 - ahead;
}

/** Arrow-key navigation, clamped to the loaded items. */
export function stepIndex(current: number, by: -1 | 1, count: number): number {
  return Math.max(0, Math.min(count - 1, current + by));
}
