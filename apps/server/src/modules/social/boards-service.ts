import type { Db } from '../../db/database.js';
import { decodeCursor, type Page, pageOf } from '../../db/pagination.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import { type BoardSummaryRow, boardNotesPage, deleteBoard, findBoard, insertBoard, listBoards, updateBoard } from './boards-queries.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { visibleNotes } from '../../kernel/visible-rows-sql.js';
import { accountPrivate, readableUserByHandle } from './note-access.js';
import { mayReadAuthor } from '../../kernel/visibility.js';
import { hasNameControls } from '../../lib/hidden-controls.js';

// Boards (RedNote's 收藏夹): named, optionally private folders of collected notes.

export interface BoardView {
  id: string;
  name: string;
  isPrivate: boolean;
  noteCount: number;
  coverImageId: string | null;
  createdAt: string;
}

const UNIQUE_VIOLATION = '23505';
const NAME_MAX = 30;

const boardNotFound = () => notFound('board_not_found', 'This board does not exist.');

export function presentBoard(row: BoardSummaryRow): BoardView {
  return {
    id: row.id,
    name: row.name,
    isPrivate: row.is_private,
    noteCount: row.note_count,
    coverImageId: row.cover_image_id,
    createdAt: row.created_at.toISOString(),
  };
}

function cleanName(name: string): string {
  const trimmed = name.trim();
  const length = [...trimmed].length;
  if (length < 1 || length > NAME_MAX) throw badRequest('board_name_invalid', `A board name is 1 to ${NAME_MAX} characters.`);
  if (hasNameControls(trimmed)) throw badRequest('board_name_hidden_characters', 'A board name cannot contain invisible characters that reorder or hide text.');
  return trimmed;
}

export class BoardsService {
  constructor(private readonly db: Db) {}

  async mine(userId: string): Promise<BoardView[]> {
    return (await listBoards(this.db, userId, { includePrivate: true })).map(presentBoard);
  }

  /** Someone's public boards; all of them when it is me. */
  async ofUser(handle: string, context: ViewerContext): Promise<BoardView[]> {
    const owner = await readableUserByHandle(this.db, handle, context);
    return (await listBoards(this.db, owner.id, { includePrivate: owner.id === context.viewerId })).map(presentBoard);
  }

  async create(userId: string, input: { name: string; isPrivate?: boolean }, now: Date): Promise<BoardView> {
    const name = cleanName(input.name);
    const board = await this.nameIsFree(() => insertBoard(this.db, { ownerId: userId, name, isPrivate: input.isPrivate ?? false, now }));
    return this.one(userId, board.id);
  }

  async update(userId: string, boardId: string, input: { name?: string; isPrivate?: boolean }): Promise<BoardView> {
    const patch: { name?: string; is_private?: boolean } = {};
    if (input.name !== undefined) patch.name = cleanName(input.name);
    if (input.isPrivate !== undefined) patch.is_private = input.isPrivate;
    const board = await this.nameIsFree(() => updateBoard(this.db, userId, boardId, patch));
    if (!board) throw boardNotFound();
    return this.one(userId, board.id);
  }

  async remove(userId: string, boardId: string): Promise<void> {
    if (!(await deleteBoard(this.db, userId, boardId))) throw boardNotFound();
  }

  async notes(boardId: string, context: ViewerContext, cursor: string | undefined, limit: number): Promise<Page<{ noteId: string; collectedAt: string }>> {
    const { viewerId } = context;
    const board = await findBoard(this.db, boardId);
    // Someone who blocked the viewer has no boards as far as the viewer knows.
    if (!board || (viewerId !== board.owner_id && context.blockedBy.has(board.owner_id))) throw boardNotFound();
    if (board.is_private && board.owner_id !== viewerId) throw new AppError(403, 'board_private', 'This board is private.');
    const owner = await this.db.selectFrom('users').select('is_private').where('id', '=', board.owner_id).executeTakeFirst();
    if (!owner || !mayReadAuthor(board.owner_id, owner.is_private, context)) throw accountPrivate();
    const before = cursor ? decodeCursor(cursor, ['date', 'id'] as const) : undefined;
    const rows = await boardNotesPage(this.db, {
      boardId,
      visible: visibleNotes(context, 'feed', 'n'),
      before: before && { at: before[0], noteId: before[1] },
      limit,
    });
    return pageOf(
      rows,
      limit,
      (row) => ({ noteId: row.note_id, collectedAt: row.created_at.toISOString() }),
      (row) => [row.created_at.toISOString(), row.note_id],
    );
  }

  private async one(userId: string, boardId: string): Promise<BoardView> {
    const [row] = await listBoards(this.db, userId, { includePrivate: true, boardId });
    if (!row) throw boardNotFound();
    return presentBoard(row);
  }

  private async nameIsFree<T>(write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        throw conflict('board_name_taken', 'You already have a board with this name.');
      }
      throw error;
    }
  }
}
