import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format-count';
import type { ProfileStats as Stats } from './users-queries';

/** Following · Followers · Likes & collects; the first two open their lists. */
export function ProfileStats({ handle, stats }: { handle: string; stats: Stats }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const n = (value: number) => formatCount(value, locale);
  return (
    <ul className="profile-stats">
      <li>
        <Link to={`/u/${handle}/following`} className="profile-stats__item" data-testid="profile-following">
          <strong>{n(stats.following)}</strong> <span>{t('profile.stats.following')}</span>
        </Link>
      </li>
      <li>
        <Link to={`/u/${handle}/followers`} className="profile-stats__item" data-testid="profile-followers">
          <strong>{n(stats.followers)}</strong> <span>{t('profile.stats.followers')}</span>
        </Link>
      </li>
      <li className="profile-stats__item" data-testid="profile-likes-collects">
        <strong>{n(stats.likesAndCollects)}</strong> <span>{t('profile.stats.likesAndCollects')}</span>
      </li>
    </ul>
  );
}
