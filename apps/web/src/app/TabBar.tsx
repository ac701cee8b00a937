import { NavLink } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMediaQuery } from '../lib/use-media-query';
import { UnreadBadge } from '../features/notifications/UnreadBadge';
import { DESKTOP_QUERY, NAV_ITEMS } from './nav-items';

/** The phone's bottom tab bar; hidden on wide screens where SideNav takes over. */
export function TabBar() {
  const { t } = useTranslation();
  // One badge on the page at a time, in whichever navigation is showing.
  const desktop = useMediaQuery(DESKTOP_QUERY);
  return (
    <nav className="tab-bar" aria-label={t('nav.label')}>
      <ul className="tab-bar__list">
        {NAV_ITEMS.map(({ to, labelKey, icon: Icon, primary, testId, badge }) => (
          <li key={to} className="tab-bar__item">
            <NavLink
              to={to}
              end={to === '/'}
              data-testid={`tab-${testId}`}
              className={({ isActive }) => ['tab-bar__link', primary && 'tab-bar__link--primary', isActive && 'is-active'].filter(Boolean).join(' ')}
            >
              {primary ? (
                <>
                  <span className="tab-bar__plus">
                    <Icon size={22} />
                  </span>
                  <span className="visually-hidden">{t(labelKey)}</span>
                </>
              ) : (
                <span className="tab-bar__label">
                  {t(labelKey)}
                  {badge && !desktop ? (
                    <span className="tab-bar__badge">
                      <UnreadBadge />
                    </span>
                  ) : null}
                </span>
              )}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
