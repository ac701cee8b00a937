import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { type Me, meKeys, type MePatch } from '../profile/me-queries';

const mutationKey = ['me', 'reading-settings'] as const;

/**
 * Saves languages-I-read and the translation switches with optimistic UI: the chip or
 * switch moves at once, and a failure puts it back. Saves run one after another, and only
 * the last one's answer replaces the cache, so quick taps never flicker.
 */
export function useUpdateReadingSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey,
    scope: { id: 'me-reading-settings' },
    mutationFn: (patch: MePatch) => api.patch<Me>('/api/me', patch),
    onMutate: async (patch) => {
      await queryClient.cancelQueries({ queryKey: meKeys.me });
      const previous = queryClient.getQueryData<Me | null>(meKeys.me);
      if (previous) queryClient.setQueryData<Me>(meKeys.me, { ...previous, ...patch });
      return { previous };
    },
    onError: (_error, _patch, context) => {
      if (context?.previous) queryClient.setQueryData(meKeys.me, context.previous);
    },
    onSuccess: (me, patch) => {
      if (queryClient.isMutating({ mutationKey }) <= 1) queryClient.setQueryData(meKeys.me, me);
      // What Explore shows depends on these.
      if (patch.feedLanguagesOnly !== undefined || patch.readLanguages !== undefined) {
        void queryClient.invalidateQueries({ queryKey: ['feed'] });
      }
    },
  });
}
