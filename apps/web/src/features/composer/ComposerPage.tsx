import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeader } from '../../ui/PageHeader';
import { SignInFlow } from '../auth/SignInFlow';
import { useCreateNote } from '../notes/notes-queries';
import { useMe } from '../profile/me-queries';
import { MeSkeleton } from '../profile/MeSkeleton';
import { ComposerForm } from './ComposerForm';

/** The + tab: post a new note (sign in first when signed out). */
export function ComposerPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const create = useCreateNote();
  useDocumentTitle(t('composer.pageTitle'));

  let body;
  if (me.isPending) body = <MeSkeleton />;
  else if (!me.data) {
    body = (
      <>
        <p className="composer__signin muted">{t('composer.signIn')}</p>
        <SignInFlow />
      </>
    );
  } else {
    body = (
      <ComposerForm
        submitLabel={t('composer.publish')}
        busyLabel={t('composer.publishing')}
        busy={create.isPending}
        error={create.error}
        onSubmit={(input) => create.mutate(input, { onSuccess: (note) => void navigate(`/notes/${note.id}`, { replace: true }) })}
      />
    );
  }
  return (
    <>
      <PageHeader title={t('composer.pageTitle')} back backTo="/" />
      {body}
    </>
  );
}
