import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { withQuery } from '../../lib/cursor-paging';

/** One rulebook's month: reports per category, actions by who took them, speed, appeals. */
export interface RulebookFigures {
  rulebook: string;
  reports: Record<string, number>;
  actions: Record<string, { automated: number; human: number }>;
  medianHoursToDecision: number | null;
  appeals: number;
  reversals: number;
}

export interface TransparencyReport {
  month: string;
  rulebooks: RulebookFigures[];
}

export const transparencyKeys = {
  month: (month: string) => ['transparency', month] as const,
};

export function useTransparency(month: string) {
  return useQuery({
    queryKey: transparencyKeys.month(month),
    queryFn: ({ signal }) => api.get<TransparencyReport>(withQuery('/api/transparency', { month }), signal),
    // Switching months keeps the last figures on screen instead of a blank page.
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });
}

/** The JSON download of the month's statements of reasons (DSA Transparency Database field names). */
export const statementsDownloadUrl = (month: string) => withQuery('/api/transparency/statements', { month });
