import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { formatCount } from '../../lib/format-count';
import { HeartIcon } from '../../ui/icons';
import { useLikeNote } from './like-queries';

interface LikeButtonProps {
  /** A card or a full note: only its id, like count and the viewer's like matter here. */
  note: { id: string; counts: { likes: number }; viewer: { liked: boolean } | null };
  /** The surface's own look; `is-liked` is added while liked. */
  className: string;
  testId: string;
  countTestId?: string;
  iconSize?: number;
}

/** The heart toggle with its count, on cards and under a note; signed-out taps go to sign-in. */
export function LikeButton({ note, className, testId, countTestId, iconSize }: LikeButtonProps) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const like = useLikeNote();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const liked = note.viewer?.liked ?? false;
  const likes = note.counts.likes;

  const toggle = () => {
    if (!note.viewer) {
      void navigate('/login');
      return;
    }
    like.mutate({ noteId: note.id, like: !liked, likes });
  };

  return (
    <button
      type="button"
      className={liked ? `${className} is-liked` : className}
      aria-pressed={liked}
      aria-label={t(liked ? 'note.unlikeLabel' : 'note.likeLabel', { count: likes })}
      data-testid={testId}
      onClick={toggle}
    >
      <HeartIcon size={iconSize} filled={liked} />
      <span data-testid={countTestId} aria-hidden="true">
        {likes > 0 ? formatCount(likes, locale) : ''}
      </span>
    </button>
  );
}
