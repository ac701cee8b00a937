import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Sheet } from '../../ui/Sheet';
import { CommentsSection } from '../comments/CommentsSection';
import type { NoteView } from '../notes/note-types';

interface CommentDrawerProps {
  note: NoteView;
  open: boolean;
  onClose: () => void;
}

/** The note's comment thread in a bottom drawer, over the video that keeps playing. */
export function CommentDrawer({ note, open, onClose }: CommentDrawerProps) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLTextAreaElement>(null);
  return (
    <Sheet open={open} onClose={onClose} title={t('video.commentsTitle')} testId="comment-drawer">
      <div className="comment-drawer">
        <CommentsSection
          noteId={note.id}
          total={note.counts.comments}
          signedIn={Boolean(note.viewer)}
          inputRef={inputRef}
          onReplyStart={() => inputRef.current?.focus()}
        />
      </div>
    </Sheet>
  );
}
