import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { useMe } from '../profile/me-queries';
import { useFollow } from './relationship-queries';

interface FollowButtonProps {
  handle: string;
  following: boolean;
  name: string;
  size?: 'normal' | 'small';
  /** The note the button sits on, if any. */
  fromNoteId?: string;
}

/** Follow / Following: optimistic, and a sign-in first when signed out. */
export function FollowButton({ handle, following, name, size = 'small', fromNoteId }: FollowButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const follow = useFollow();
  return (
    <Button
      variant={following ? 'secondary' : 'primary'}
      size={size}
      aria-pressed={following}
      aria-label={t(following ? 'social.unfollowLabel' : 'social.followLabel', { name })}
      data-testid="follow-button"
      onClick={() => {
        if (!me) {
          void navigate('/login');
          return;
        }
        follow.mutate({ handle, follow: !following, fromNoteId });
      }}
    >
      {t(following ? 'social.following' : 'social.follow')}
    </Button>
  );
}
