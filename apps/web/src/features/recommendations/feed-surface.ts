import { createContext, useContext } from 'react';
import type { Reason } from './reason-types';

/**
 * Set by a screen whose grid the recommender serves (Explore): cards under it get the
 * "⋯" menu and report impressions. `seen` lives as long as one page view, so each card
 * counts once per visit however often it scrolls past.
 */
export interface FeedSurface {
  source: 'explore';
  seen: Set<string>;
  /** Why a card without its own reason is there (the Following tab: you follow its author). */
  fallbackReason?: Reason;
}

export const FeedSurfaceContext = createContext<FeedSurface | null>(null);

export function useFeedSurface(): FeedSurface | null {
  return useContext(FeedSurfaceContext);
}
