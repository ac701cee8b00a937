import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { BackIcon } from './icons';
import './icon-button.css';
import './page-header.css';

interface PageHeaderProps {
  title: string;
  /** Show a back button; goes back in history, or to `backTo` when opened directly. */
  back?: boolean;
  backTo?: string;
  actions?: ReactNode;
  /** Hide the title visually (still the page's h1) when the page shows its own heading. */
  titleHidden?: boolean;
}

export function PageHeader({ title, back = false, backTo = '/', actions, titleHidden = false }: PageHeaderProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const goBack = () => {
    // history.state.idx is React Router's position; 0 means this page was opened directly.
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) void navigate(-1);
    else void navigate(backTo, { replace: true });
  };
  // Nothing to show in a bar: keep the h1 for the page outline without an empty strip.
  if (titleHidden && !back && !actions) return <h1 className="visually-hidden">{title}</h1>;
  return (
    <header className="page-header">
      <div className="page-header__side">
        {back ? (
          <button type="button" className="icon-btn" onClick={goBack} aria-label={t('nav.back')}>
            <BackIcon />
          </button>
        ) : null}
      </div>
      <h1 className={titleHidden ? 'visually-hidden' : 'page-header__title'}>{title}</h1>
      <div className="page-header__side page-header__side--end">{actions}</div>
    </header>
  );
}
