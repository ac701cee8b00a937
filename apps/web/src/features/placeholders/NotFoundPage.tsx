import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <EmptyState level={1} title={t('notFound.title')} body={t('notFound.body')}>
      <ButtonLink to="/" variant="primary">
        {t('notFound.home')}
      </ButtonLink>
    </EmptyState>
  );
}
