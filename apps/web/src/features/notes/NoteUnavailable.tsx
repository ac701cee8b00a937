import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';
import { LockIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';

/** Deleted, hidden or from someone blocked: one honest message, no details to leak. */
export function NoteUnavailable() {
  const { t } = useTranslation();
  useDocumentTitle(t('note.unavailableTitle'));
  return (
    <>
      <PageHeader title={t('note.pageTitle')} titleHidden back />
      <div data-testid="note-unavailable">
        <EmptyState level={1} icon={<LockIcon size={28} />} title={t('note.unavailableTitle')} body={t('note.unavailableBody')}>
          <ButtonLink to="/" variant="primary">
            {t('notFound.home')}
          </ButtonLink>
        </EmptyState>
      </div>
    </>
  );
}
