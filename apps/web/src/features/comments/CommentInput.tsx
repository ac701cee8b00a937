import { useState, type FormEvent, type Ref } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import type { CommentView } from './comment-types';
import { useCreateComment } from './comments-queries';

const BODY_MAX = 500;

interface CommentInputProps {
  noteId: string;
  signedIn: boolean;
  replyTo: CommentView | null;
  onCancelReply: () => void;
  inputRef: Ref<HTMLTextAreaElement>;
}

/** Write a comment, or a reply to the comment picked with "Reply". */
export function CommentInput({ noteId, signedIn, replyTo, onCancelReply, inputRef }: CommentInputProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateComment(noteId);
  const [body, setBody] = useState('');
  const replyName = replyTo ? replyTo.author.displayName || replyTo.author.handle : '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!signedIn) {
      void navigate('/login');
      return;
    }
    const text = body.trim();
    if (!text || create.isPending) return;
    // A reply to a reply goes under the same top-level comment, as on RedNote.
    const parentId = replyTo ? (replyTo.parentId ?? replyTo.id) : undefined;
    create.mutate(
      { body: text, ...(parentId ? { parentId } : {}) },
      {
        onSuccess: () => {
          setBody('');
          onCancelReply();
        },
      },
    );
  };

  return (
    <form className="comment-input" onSubmit={submit}>
      {replyTo ? (
        <p className="comment-input__replying">
          {t('comments.replyingTo', { name: replyName })}{' '}
          <Button variant="link" onClick={onCancelReply}>
            {t('common.cancel')}
          </Button>
        </p>
      ) : null}
      <div className="comment-input__row">
        <label htmlFor={`comment-input-${noteId}`} className="visually-hidden">
          {replyTo ? t('comments.replyLabel', { name: replyName }) : t('comments.inputLabel')}
        </label>
        <textarea
          ref={inputRef}
          id={`comment-input-${noteId}`}
          className="comment-input__field"
          rows={1}
          maxLength={BODY_MAX}
          placeholder={replyTo ? t('comments.replyPlaceholder', { name: replyName }) : t('comments.placeholder')}
          value={body}
          onChange={(event) => setBody(event.target.value)}
          onFocus={() => {
            if (!signedIn) void navigate('/login');
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) submit(event);
            if (event.key === 'Escape' && replyTo) onCancelReply();
          }}
          data-testid="comment-input"
        />
        <Button type="submit" size="small" disabled={!body.trim() || create.isPending} data-testid="comment-submit">
          {create.isPending ? t('comments.sending') : t('comments.send')}
        </Button>
      </div>
      {create.isError ? <InlineAlert>{errorMessage(t, create.error)}</InlineAlert> : null}
    </form>
  );
}
