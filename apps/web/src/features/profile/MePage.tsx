import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { SettingsIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { SignInFlow } from '../auth/SignInFlow';
import { canModerate, useMe, type Me } from './me-queries';
import { MeSkeleton } from './MeSkeleton';
import { OnboardingScreen } from './OnboardingScreen';
import { ProfileHeader } from './ProfileHeader';
import { FollowRequestsLink } from '../privacy-controls/FollowRequestsLink';
import { ProfileStats } from './ProfileStats';
import { ProfileTabs } from './ProfileTabs';
import { useUser } from './users-queries';
import '../../ui/icon-button.css';
import './profile.css';

/** The Me tab: sign-in when signed out, onboarding for a new account, else the profile. */
export function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  useDocumentTitle(t('profile.title'));
  if (me.isPending) {
    return (
      <>
        <PageHeader title={t('profile.title')} />
        <MeSkeleton />
      </>
    );
  }
  if (me.isError) return <QueryError error={me.error} onRetry={() => void me.refetch()} />;
  if (!me.data) {
    return (
      <>
        <PageHeader title={t('auth.signInTitle')} titleHidden />
        <SignInFlow />
      </>
    );
  }
  if (!me.data.profileComplete) return <OnboardingScreen me={me.data} />;
  return <OwnProfile me={me.data} />;
}

function OwnProfile({ me }: { me: Me }) {
  const { t } = useTranslation();
  const handle = me.handle ?? '';
  const stats = useUser(handle).data?.stats;
  return (
    <>
      <PageHeader
        title={t('profile.title')}
        actions={
          <Link to="/settings" className="icon-btn" aria-label={t('profile.settings')} data-testid="settings-link">
            <SettingsIcon />
          </Link>
        }
      />
      <ProfileHeader
        profile={me}
        stats={stats ? <ProfileStats handle={handle} stats={stats} /> : null}
        actions={
          <>
            <ButtonLink to="/me/edit" size="small" data-testid="edit-profile">
              {t('profile.edit')}
            </ButtonLink>
            <ButtonLink to="/settings" size="small" variant="ghost">
              {t('profile.settings')}
            </ButtonLink>
          </>
        }
      />
      <nav className="me-links" aria-label={t('profile.safetyLinks')}>
        <Link to="/me/safety" className="me-links__link" data-testid="me-safety-link">
          {t('safety.title')}
        </Link>
        <FollowRequestsLink />
        {canModerate(me) ? (
          <Link to="/moderation" className="me-links__link" data-testid="me-moderation-link">
            {t('moderation.title')}
          </Link>
        ) : null}
      </nav>
      <ProfileTabs idPrefix="me" handle={handle} own />
    </>
  );
}
