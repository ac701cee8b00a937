import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { countryName, flagEmoji } from '../../lib/countries';
import { formatMonthYear } from '../../lib/format-date';
import { Avatar } from '../../ui/Avatar';
import { TranslatableText } from '../translation/TranslatableText';
import { textVersion } from '../translation/translation-rules';

export interface ProfileSummary {
  id: string;
  handle: string | null;
  displayName: string | null;
  bio: string;
  region: string;
  createdAt: string;
  bioLanguage?: string | null;
}

interface ProfileHeaderProps {
  profile: ProfileSummary;
  actions?: ReactNode;
  /** The following / followers / likes row, once the public profile has loaded. */
  stats?: ReactNode;
  /** Behind a content warning the bio waits for the reader's Show (see WarningGate). */
  bioHidden?: boolean;
}

export function ProfileHeader({ profile, actions, stats, bioHidden = false }: ProfileHeaderProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const name = profile.displayName ?? profile.handle ?? '';
  const region = profile.region ? `${flagEmoji(profile.region)} ${countryName(profile.region, locale)}` : '';
  return (
    <section className="profile-header">
      <div className="profile-header__top">
        <Avatar seed={profile.id} name={name} size={80} label={t('profile.avatarLabel', { name })} />
        <div className="profile-header__names">
          <h2 className="profile-header__name" data-testid="profile-display-name">
            {name}
          </h2>
          {profile.handle ? (
            <p className="profile-header__handle" data-testid="profile-handle">
              @{profile.handle}
            </p>
          ) : null}
        </div>
      </div>
      {bioHidden ? null : profile.bio ? (
        <TranslatableText
          source={{ kind: 'bio', id: profile.id, language: profile.bioLanguage, version: textVersion(profile.bio), authorId: profile.id }}
          text={profile.bio}
        >
          {(bio, translation) => (
            <p className="profile-header__bio" data-testid="profile-bio" lang={translation.lang}>
              {bio}
            </p>
          )}
        </TranslatableText>
      ) : (
        <p className="profile-header__bio muted" data-testid="profile-bio">
          {t('profile.noBio')}
        </p>
      )}
      <ul className="profile-header__facts">
        {region ? (
          <li data-testid="profile-region">
            <span className="visually-hidden">{t('profile.regionLabel', { region: '' })}</span>
            {region}
          </li>
        ) : null}
        <li data-testid="profile-joined">{t('profile.joined', { date: formatMonthYear(profile.createdAt, locale) })}</li>
      </ul>
      {stats}
      {actions ? <div className="profile-header__actions">{actions}</div> : null}
    </section>
  );
}
