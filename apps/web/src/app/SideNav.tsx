import { Link, NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LockIcon, SettingsIcon } from '../ui/icons';
import { canModerate, useMe } from '../features/profile/me-queries';
import { useMediaQuery } from '../lib/use-media-query';
import { UnreadBadge } from '../features/notifications/UnreadBadge';
import { DESKTOP_QUERY, NAV_ITEMS } from './nav-items';

/** The desktop side navigation (RedNote web style); hidden on phones. */
export function SideNav() {
  const { t } = useTranslation();
  const desktop = useMediaQuery(DESKTOP_QUERY);
  const moderator = canModerate(useMe().data);
  const linkClass = ({ isActive }: { isActive: boolean }) => ['side-nav__link', isActive && 'is-active'].filter(Boolean).join(' ');
  return (
    <nav className="side-nav" aria-label={t('nav.label')}>
      <Link to="/" className="side-nav__brand" aria-label={t('nav.homeLogo')}>
        <img src="/icon.svg" alt="" width={36} height={36} />
        <span className="side-nav__brand-name" aria-hidden="true">
          {t('app.name')}
        </span>
      </Link>
      <ul className="side-nav__list">
        {NAV_ITEMS.map(({ to, labelKey, icon: Icon, testId, badge }) => (
          <li key={to}>
            <NavLink to={to} end={to === '/'} className={linkClass} data-testid={`side-${testId}`}>
              <Icon size={22} />
              <span>{t(labelKey)}</span>
              {badge && desktop ? <UnreadBadge /> : null}
            </NavLink>
          </li>
        ))}
      </ul>
      <div className="side-nav__footer">
        {moderator ? (
          <NavLink to="/moderation" className={linkClass} data-testid="side-moderation">
            <LockIcon size={22} />
            <span>{t('moderation.title')}</span>
          </NavLink>
        ) : null}
        <NavLink to="/settings" className={linkClass}>
          <SettingsIcon size={22} />
          <span>{t('nav.settings')}</span>
        </NavLink>
      </div>
    </nav>
  );
}
