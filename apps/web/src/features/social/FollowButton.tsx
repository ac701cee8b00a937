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
  /** My request to follow this private account waits: the button says Requested and cancels it. */
  requested?: boolean;
  /** A private account: following asks first. */
  isPrivate?: boolean;
}

/** Follow / Following (or Requested for a private account): optimistic, and a sign-in first when signed out. */
export function FollowButton({ handle, following, name, size = 'small', fromNoteId, requested = false, isPrivate = false }: FollowButtonProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const follow = useFollow();
  return (
    <Button
      variant={following || requested ? 'secondary' : 'primary'}
      size={size}
      aria-pressed={following || requested}
      aria-label={requested ? t('privacyControls.requestedLabel', { name }) : t(following ? 'social.unfollowLabel' : 'social.followLabel', { name })}
      data-testid="follow-button"
      onClick={() => {
        if (!me) {
          void navigate('/login');
          return;
        }
        follow.mutate({ handle, follow: !(following || requested), fromNoteId, isPrivate });
      }}
    >
      {requested ? t('privacyControls.requested') : t(following ? 'social.following' : 'social.follow')}
    </Button>
  );
}
