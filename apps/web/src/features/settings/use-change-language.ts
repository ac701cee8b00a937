import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { storeLanguage, type Language } from '../../lib/languages';
import { useMe, useUpdateMe } from '../profile/me-queries';

/**
 * An explicit language choice: switch the UI now, remember it on this device, and for a
 * signed-in user save it to the account so other devices and notifications follow.
 */
export function useChangeLanguage() {
  const { i18n } = useTranslation();
  const me = useMe().data;
  const updateMe = useUpdateMe();
  const mutate = updateMe.mutate;
  const signedIn = Boolean(me);
  const accountLanguage = me?.language;
  return useCallback(
    (language: Language) => {
      storeLanguage(language);
      void i18n.changeLanguage(language);
      if (signedIn && accountLanguage !== language) mutate({ language });
    },
    [i18n, signedIn, accountLanguage, mutate],
  );
}
