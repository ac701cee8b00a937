import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface DevSmsMessage {
  to: string;
  body: string;
  code: string;
  sentAt: string;
}

export const devSmsKeys = {
  messages: ['dev-sms'] as const,
};

/** Messages the development server "sent", newest first; polls so new codes appear. */
export function useDevSms() {
  return useQuery({
    queryKey: devSmsKeys.messages,
    queryFn: async ({ signal }) => {
      const { messages } = await api.get<{ messages: DevSmsMessage[] }>('/api/dev/sms', signal);
      return [...messages].sort((a, b) => Date.parse(b.sentAt) - Date.parse(a.sentAt));
    },
    refetchInterval: (query) => (query.state.status === 'error' ? false : 3000),
  });
}
