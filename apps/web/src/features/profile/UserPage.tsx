import { useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { useDocumentTitle } from '../../lib/use-document-title';
import { ButtonLink } from '../../ui/ButtonLink';
import { EmptyState } from '../../ui/EmptyState';
import { PageHeader } from '../../ui/PageHeader';
import { QueryError } from '../../ui/QueryError';
import { useWarningGate } from '../moderation/revealed-warnings';
import { WarningGate } from '../moderation/WarningGate';
import { FollowButton } from '../social/FollowButton';
import { PrivateProfileNotice } from '../privacy-controls/PrivateProfileNotice';
import { UserActionsMenu } from '../social/UserActionsMenu';
import { sameHandle } from './handle-rules';
import { useMe } from './me-queries';
import { MeSkeleton } from './MeSkeleton';
import { ProfileHeader } from './ProfileHeader';
import { ProfileStats } from './ProfileStats';
import { ProfileTabs } from './ProfileTabs';
import { useUser } from './users-queries';
import './profile.css';

/** /u/:handle — anyone's public profile. */
export function UserPage() {
  const { t } = useTranslation();
  const { handle = '' } = useParams();
  const user = useUser(handle);
  const me = useMe().data;
  const gated = useWarningGate('user', user.data?.id ?? '', user.data?.warnings);
  const title = t('profile.userTitle', { handle: user.data?.handle ?? handle });
  useDocumentTitle(title);

  let body;
  let menu;
  if (user.isPending) body = <MeSkeleton />;
  else if (isApiError(user.error, 'user_not_found')) {
    body = <EmptyState title={t('profile.notFoundTitle')} body={t('profile.notFoundBody', { handle })} />;
  } else if (user.isError) body = <QueryError error={user.error} onRetry={() => void user.refetch()} />;
  else {
    const data = user.data;
    const own = data.viewer?.isMe ?? sameHandle(me?.handle, data.handle);
    const name = data.displayName ?? data.handle;
    const viewer = data.viewer;
    if (!own && me && viewer) menu = <UserActionsMenu userId={data.id} handle={data.handle} name={name} blocked={viewer.blocked} muted={viewer.muted} />;
    body = (
      <>
        <ProfileHeader
          profile={data}
          bioHidden={gated}
          stats={data.stats ? <ProfileStats handle={data.handle} stats={data.stats} /> : null}
          actions={
            own ? (
              <ButtonLink to="/me/edit" size="small" data-testid="edit-profile">
                {t('profile.edit')}
              </ButtonLink>
            ) : viewer?.blocked ? null : (
              <>
                <FollowButton
                  handle={data.handle}
                  name={name}
                  following={viewer?.following ?? false}
                  requested={viewer?.requested ?? false}
                  isPrivate={data.private ?? false}
                  size="normal"
                />
                {viewer?.followedBy ? <span className="muted">{t('profile.followsYou')}</span> : null}
              </>
            )
          }
        />
        {viewer?.blocked ? (
          <p className="profile-note" data-testid="profile-blocked">
            {t('profile.blockedNote')}
          </p>
        ) : viewer?.muted ? (
          <p className="profile-note" data-testid="profile-muted">
            {t('profile.mutedNote')}
          </p>
        ) : null}
        {data.status && data.status !== 'active' ? (
          <p className="profile-note" data-testid="profile-status">
            {t(`profile.status.${data.status}`)}
          </p>
        ) : null}
        {viewer?.blocked ? null : data.locked ? (
          <PrivateProfileNotice requested={viewer?.requested ?? false} />
        ) : (
          <WarningGate kind="user" id={data.id} warnings={data.warnings}>
            <ProfileTabs idPrefix="user" handle={data.handle} own={own} />
          </WarningGate>
        )}
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} back backTo="/" actions={menu} />
      {body}
    </>
  );
}
