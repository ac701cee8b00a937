import { Outlet, ScrollRestoration } from 'react-router';
import { useTranslation } from 'react-i18next';
import { AccountLanguageSync } from '../features/settings/AccountLanguageSync';
import { ToastHost } from '../ui/ToastHost';
import { SideNav } from './SideNav';
import { TabBar } from './TabBar';
import './layout.css';

export function AppLayout() {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SideNav />
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <TabBar />
      <ToastHost />
      <AccountLanguageSync />
      <ScrollRestoration />
    </div>
  );
}
