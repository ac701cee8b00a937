import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from '../profile/me-queries';
import { MeSkeleton } from '../profile/MeSkeleton';
import { SignInFlow } from './SignInFlow';

/** /login: the sign-in flow on its own page; once signed in, Me takes over. */
export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  useDocumentTitle(t('auth.signInTitle'));
  if (me.isPending) return <MeSkeleton />;
  if (me.data) return <Navigate to="/me" replace />;
  return (
    <>
      <PageHeader title={t('auth.signInTitle')} titleHidden back backTo="/me" />
      <SignInFlow onSignedIn={() => void navigate('/me', { replace: true })} />
    </>
  );
}
