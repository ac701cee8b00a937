import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../../lib/use-document-title';
import { PageHeader } from '../../ui/PageHeader';
import type { Me } from './me-queries';
import { ProfileForm } from './ProfileForm';
import './profile.css';

/** Shown on Me while a new account has no handle or name yet. */
export function OnboardingScreen({ me }: { me: Me }) {
  const { t } = useTranslation();
  useDocumentTitle(t('onboarding.title'));
  return (
    <>
      <PageHeader title={t('onboarding.title')} />
      <div className="profile-form-page">
        <p className="muted">{t('onboarding.intro')}</p>
        {/* The me query updates on save, which swaps this screen for the profile. */}
        <ProfileForm me={me} mode="onboarding" onSaved={() => undefined} />
      </div>
    </>
  );
}
