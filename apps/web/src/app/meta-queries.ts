import { useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';

export interface Meta {
  devSmsInbox: boolean;
  languages: string[];
  smsProvider: 'console' | 'twilio';
  /** Absent from servers that predate translation. */
  translation?: { enabled: boolean };
  /** The operator's own moderation labels beside the vocabulary, for the report sheet (when the server lists them). */
  labels?: string[];
}

export const metaKeys = {
  meta: ['meta'] as const,
};

/** Server capabilities; they do not change while the page is open. */
export function useMeta() {
  return useQuery({
    queryKey: metaKeys.meta,
    queryFn: ({ signal }) => api.get<Meta>('/api/meta', signal),
    staleTime: Infinity,
  });
}
