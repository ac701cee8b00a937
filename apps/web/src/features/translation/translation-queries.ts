import { useQuery } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

export type TranslationKind = 'note' | 'comment' | 'bio' | 'topic';
export type TranslatedField = 'title' | 'body' | 'name';

/** POST /api/translations: a note's title and body, a comment's or bio's body, a topic's name. */
export interface ContentTranslation {
  kind: TranslationKind;
  id: string;
  target: string;
  sourceLanguage: string | null;
  provider: string;
  fields: Partial<Record<TranslatedField, string>>;
}

export interface TranslationRequest {
  kind: TranslationKind;
  id: string;
  target: string;
  /** The source text's version (an edit time or a text fingerprint): an edit is a new translation. */
  version: string;
}

export const translationKeys = {
  all: ['translations'] as const,
  one: ({ kind, id, target, version }: TranslationRequest) => ['translations', kind, id, target, version] as const,
};

export async function fetchTranslation({ kind, id, target }: TranslationRequest): Promise<ContentTranslation> {
  const response = await api.post<{ translation: ContentTranslation }>('/api/translations', { kind, id, target });
  return response.translation;
}

/**
 * One translation, fetched only once asked for (`enabled`) and then kept for the visit:
 * the server caches it too, so toggling back and forth never calls a provider twice.
 */
export function useTranslationQuery(request: TranslationRequest, enabled: boolean) {
  return useQuery({
    queryKey: translationKeys.one(request),
    queryFn: () => fetchTranslation(request),
    enabled,
    staleTime: Infinity,
    gcTime: 30 * 60_000,
    // A failure is shown at once ("try later"); a tap on Translate asks again.
    retry: false,
    refetchOnWindowFocus: false,
  });
}
