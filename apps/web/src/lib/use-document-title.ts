import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets the tab title ("Settings · Qiao") in the current language. */
export function useDocumentTitle(title: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = title ? t('app.titleTemplate', { title }) : t('app.name');
  }, [t, title]);
}
