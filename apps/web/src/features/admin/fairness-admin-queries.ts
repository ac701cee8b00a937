import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** GET /api/admin/feed-fairness: the last 24 hours' exposure, for the operator. */
export interface FeedFairness {
  since: string;
  until: string;
  impressions: number;
  creators: number;
  shareUnder1kFollowers: number;
  impressionGini: number;
  newNotes: number;
  stageReach: Array<{ stage: number; notes: number; share: number }>;
}

export const fairnessAdminKeys = {
  fairness: ['admin', 'feed-fairness'] as const,
};

export function useFeedFairness() {
  return useQuery({
    queryKey: fairnessAdminKeys.fairness,
    queryFn: ({ signal }) => api.get<FeedFairness>('/api/admin/feed-fairness', signal),
    staleTime: 60_000,
  });
}
