import { Navigate, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from './me-queries';
import { MeSkeleton } from './MeSkeleton';
import { ProfileForm } from './ProfileForm';
import './profile.css';

export function EditProfilePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  useDocumentTitle(t('editProfile.title'));
  // Signed out or not onboarded yet: Me shows the right step.
  if (!me.isPending && !me.data?.profileComplete) return <Navigate to="/me" replace />;
  return (
    <>
      <PageHeader title={t('editProfile.title')} back backTo="/me" />
      {me.data ? (
        <div className="profile-form-page">
          <ProfileForm
            me={me.data}
            mode="edit"
            onSaved={() => void navigate('/me', { replace: true })}
            secondaryAction={
              <ButtonLink to="/me" variant="ghost">
                {t('editProfile.cancel')}
              </ButtonLink>
            }
          />
        </div>
      ) : (
        <MeSkeleton />
      )}
    </>
  );
}
