import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { formatInternational } from '../../lib/phone';
import { useDocumentTitle } from '../../lib/use-document-title';
import { Button } from '../../ui/Button';
import { ButtonLink } from '../../ui/ButtonLink';
import { InlineAlert } from '../../ui/InlineAlert';
import { PageHeader } from '../../ui/PageHeader';
import { Skeleton } from '../../ui/Skeleton';
import { useLogout } from '../auth/auth-queries';
import { useMe } from '../profile/me-queries';
import { ContentLanguagesSection } from './ContentLanguagesSection';
import { LanguageSelect } from './LanguageSelect';
import { PersonalisedFeedSection } from './PersonalisedFeedSection';
import { PrivacySection } from './PrivacySection';
import { PrivacyControlsSection } from '../privacy-controls/PrivacyControlsSection';
import { RegionAgeSection } from './RegionAgeSection';
import { SafetyLinksSection } from './SafetyLinksSection';
import { SessionsList } from './SessionsList';
import { TwoFactorSection } from './TwoFactorSection';
import { AccountDeletionSection } from '../privacy-rights/AccountDeletionSection';
import { DataExportSection } from '../privacy-rights/DataExportSection';
import './settings.css';

export function SettingsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const logout = useLogout();
  useDocumentTitle(t('settings.title'));

  return (
    <>
      <PageHeader title={t('settings.title')} back backTo="/me" />
      <div className="settings">
        <section className="settings__section" aria-labelledby="settings-language">
          <h2 id="settings-language" className="settings__heading">
            {t('settings.languageSection')}
          </h2>
          <LanguageSelect hint={t('settings.languageHint')} labelHidden />
        </section>

        {me.isPending ? (
          <section className="settings__section">
            <Skeleton width="40%" height={22} />
            <Skeleton height={64} radius={12} />
          </section>
        ) : me.data ? (
          <>
            <ContentLanguagesSection me={me.data} />
            {me.data.role === 'admin' ? (
              <section className="settings__section" aria-label={t('translation.settings.adminLink')}>
                <Link to="/admin" className="settings__admin-link" data-testid="settings-admin-link">
                  {t('translation.settings.adminLink')}
                  <span className="muted">{t('translation.settings.adminHint')}</span>
                </Link>
              </section>
            ) : null}
            <PersonalisedFeedSection me={me.data} />
            <PrivacySection me={me.data} />
            <PrivacyControlsSection />
            <RegionAgeSection me={me.data} />
            <SafetyLinksSection me={me.data} />
            <section className="settings__section" aria-labelledby="settings-sessions">
              <h2 id="settings-sessions" className="settings__heading">
                {t('settings.sessionsSection')}
              </h2>
              <p className="muted">{t('settings.sessionsHint')}</p>
              <SessionsList />
            </section>
            <TwoFactorSection />
            <DataExportSection />
            <AccountDeletionSection />
            <section className="settings__section" aria-labelledby="settings-account">
              <h2 id="settings-account" className="settings__heading">
                {t('settings.accountSection')}
              </h2>
              {me.data.phone ? <p className="muted">{t('settings.signedInAs', { phone: formatInternational(me.data.phone) })}</p> : null}
              {logout.isError ? <InlineAlert>{errorMessage(t, logout.error)}</InlineAlert> : null}
              <Button
                variant="danger"
                block
                data-testid="logout"
                disabled={logout.isPending}
                onClick={() => logout.mutate(undefined, { onSuccess: () => void navigate('/', { replace: true }) })}
              >
                {logout.isPending ? t('settings.loggingOut') : t('settings.logout')}
              </Button>
            </section>
          </>
        ) : (
          <>
            <SafetyLinksSection me={null} />
            <section className="settings__section" aria-labelledby="settings-account">
              <h2 id="settings-account" className="settings__heading">
                {t('settings.accountSection')}
              </h2>
              <p className="muted">{t('auth.signInEntry')}</p>
              <ButtonLink to="/me" variant="primary" block>
                {t('auth.signInButton')}
              </ButtonLink>
            </section>
          </>
        )}
      </div>
    </>
  );
}
