import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api-error';
import { errorMessage } from '../../lib/error-message';
import { showToast } from '../../ui/toast-store';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import { LockIcon, StarIcon } from '../../ui/icons';
import { Sheet } from '../../ui/Sheet';
import { Skeleton } from '../../ui/Skeleton';
import { useBoards, useCollectNote, useCreateBoard } from '../boards/boards-queries';
import type { NoteView } from './note-types';
import '../../ui/field.css';
import './collect-sheet.css';

interface CollectSheetProps {
  note: NoteView;
  open: boolean;
  onClose: () => void;
}

/** Pick a board to collect into, make a new one, or take the note out of the collection. */
export function CollectSheet({ note, open, onClose }: CollectSheetProps) {
  const { t } = useTranslation();
  const boards = useBoards(open);
  const collect = useCollectNote();
  const createBoard = useCreateBoard();
  const [name, setName] = useState('');
  const viewer = note.viewer;

  const choose = (boardId: string | null | false) => {
    onClose();
    collect.mutate(
      { noteId: note.id, boardId },
      {
        onSuccess: () => showToast(t(boardId === false ? 'collect.removed' : 'collect.saved')),
        onError: (error) => showToast(errorMessage(t, error), 'error'),
      },
    );
  };

  const create = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed || createBoard.isPending) return;
    createBoard.mutate(
      { name: trimmed },
      {
        onSuccess: (board) => {
          setName('');
          choose(board.id);
        },
      },
    );
  };

  return (
    <Sheet open={open} onClose={onClose} title={t('collect.title')} testId="collect-sheet">
      <ul className="board-list">
        <li>
          <button
            type="button"
            className="board-list__item"
            aria-pressed={viewer?.collected === true && viewer.boardId === null}
            data-testid="board-option"
            data-board-id=""
            onClick={() => choose(null)}
          >
            <StarIcon size={20} />
            <span className="board-list__name">{t('collect.defaultBoard')}</span>
          </button>
        </li>
        {boards.isPending ? (
          <li>
            <Skeleton height={48} radius={12} />
          </li>
        ) : (
          (boards.data ?? []).map((board) => (
            <li key={board.id}>
              <button
                type="button"
                className="board-list__item"
                aria-pressed={viewer?.boardId === board.id}
                data-testid="board-option"
                data-board-id={board.id}
                onClick={() => choose(board.id)}
              >
                {board.isPrivate ? <LockIcon size={20} /> : <StarIcon size={20} />}
                <span className="board-list__name">
                  {board.name}
                  {board.isPrivate ? <span className="visually-hidden"> ({t('collect.private')})</span> : null}
                </span>
                <span className="board-list__count">{t('collect.noteCount', { count: board.noteCount })}</span>
              </button>
            </li>
          ))
        )}
      </ul>
      {boards.isError ? <InlineAlert>{errorMessage(t, boards.error)}</InlineAlert> : null}
      <form className="board-create" onSubmit={create}>
        <label className="visually-hidden" htmlFor="board-create-name">
          {t('collect.newBoard')}
        </label>
        <input
          id="board-create-name"
          className="field__control"
          placeholder={t('collect.newBoard')}
          maxLength={40}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            createBoard.reset();
          }}
          data-testid="board-create-name"
        />
        <Button type="submit" size="small" disabled={!name.trim() || createBoard.isPending} data-testid="board-create-submit">
          {t('collect.create')}
        </Button>
      </form>
      {createBoard.isError ? (
        <InlineAlert>{isApiError(createBoard.error, 'board_name_taken') ? t('errors.board_name_taken') : errorMessage(t, createBoard.error)}</InlineAlert>
      ) : null}
      {viewer?.collected ? (
        <Button variant="danger" block onClick={() => choose(false)} data-testid="collect-remove">
          {t('collect.remove')}
        </Button>
      ) : null}
    </Sheet>
  );
}
