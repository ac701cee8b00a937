import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../ui/Avatar';
import type { UserSummary } from '../notes/note-types';
import { useMe } from '../profile/me-queries';
import { sameHandle } from '../profile/handle-rules';
import { FollowButton } from './FollowButton';
import './user-row.css';

/** A person in a list (followers, search results): avatar, names, bio, Follow. */
export function UserRow({ user, testId }: { user: UserSummary; testId?: string }) {
  const { t } = useTranslation();
  const me = useMe().data;
  const name = user.displayName || user.handle;
  return (
    <li className="user-row" data-testid={testId} data-handle={user.handle}>
      <Link to={`/u/${user.handle}`} className="user-row__link">
        <Avatar seed={user.id} name={name} size={44} label="" />
        <span className="user-row__names">
          <span className="user-row__name">{name}</span>
          <span className="user-row__handle">@{user.handle}</span>
          {user.bio ? <span className="user-row__bio">{user.bio}</span> : null}
        </span>
      </Link>
      {sameHandle(me?.handle, user.handle) ? (
        <span className="user-row__you">{t('social.you')}</span>
      ) : (
        <FollowButton handle={user.handle} name={name} following={user.viewer?.following ?? false} />
      )}
    </li>
  );
}
