import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export interface TranslationProviderStatus {
  name: string;
  configured: boolean;
  state: 'closed' | 'open' | 'half-open';
  failures: number;
  lastError: string | null;
}

/** GET /api/admin/translation: what is configured and how each provider's circuit stands. */
export interface TranslationStatus {
  enabled: boolean;
  providers: TranslationProviderStatus[];
  /** The server's English setup notes; the page shows its own, translated. */
  setupHelp: string;
}

export const translationAdminKeys = {
  status: ['admin', 'translation'] as const,
};

export function useTranslationStatus() {
  return useQuery({
    queryKey: translationAdminKeys.status,
    queryFn: ({ signal }) => api.get<TranslationStatus>('/api/admin/translation', signal),
    // Circuits open and close by the minute: worth refreshing while the page is open.
    refetchInterval: 30_000,
  });
}
