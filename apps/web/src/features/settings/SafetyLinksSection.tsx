import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { canModerate, type Me } from '../profile/me-queries';

/** Trust and safety from Settings: my reports and decisions, the console for moderators, the public figures. */
export function SafetyLinksSection({ me }: { me: Me | null }) {
  const { t } = useTranslation();
  const links = [
    me ? { to: '/me/safety', title: t('safety.title'), hint: t('safety.linkHint'), testId: 'settings-safety-link' } : null,
    canModerate(me) ? { to: '/moderation', title: t('moderation.title'), hint: t('moderation.linkHint'), testId: 'settings-moderation-link' } : null,
    { to: '/transparency', title: t('transparency.title'), hint: t('transparency.linkHint'), testId: 'settings-transparency-link' },
  ].filter((link) => link !== null);
  return (
    <section className="settings__section" aria-labelledby="settings-safety">
      <h2 id="settings-safety" className="settings__heading">
        {t('settings.safetySection')}
      </h2>
      <ul className="settings__links">
        {links.map((link) => (
          <li key={link.to}>
            <Link to={link.to} className="settings__admin-link" data-testid={link.testId}>
              {link.title}
              <span className="muted">{link.hint}</span>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
