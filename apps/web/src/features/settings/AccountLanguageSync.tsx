import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isLanguage, storedLanguage } from '../../lib/languages';
import { useMe } from '../profile/me-queries';

/**
 * On a device where nobody picked a language yet, a signed-in account's language (chosen
 * in onboarding or settings elsewhere) beats the browser's guess. A choice made on this
 * device still wins.
 */
export function AccountLanguageSync() {
  const { i18n } = useTranslation();
  const me = useMe().data;
  const accountLanguage = me?.profileComplete ? me.language : undefined;
  useEffect(() => {
    if (!isLanguage(accountLanguage) || storedLanguage()) return;
    if (i18n.language !== accountLanguage) void i18n.changeLanguage(accountLanguage);
  }, [accountLanguage, i18n]);
  return null;
}
