import { Type } from 'typebox';
import { AuthorSchema, presentAuthor } from '../../kernel/user-summary.js';
import type { Db } from '../../db/database.js';
import type { CommentRow } from '../../db/tables/comments.js';
import { likedCommentIds } from './comments-queries.js';
import { IdSchema } from '../../kernel/schemas.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { decideLabels } from '../../kernel/visibility.js';
import { parseMentions } from '../notes/note-text.js';
import { linkableMentions } from '../privacy-controls/mention-permission.js';

// CommentView: what the web shows for a comment, hydrated in batches (one
// query for the authors, one for the viewer's likes) whatever the page size.

const CommentFields = {
  id: IdSchema,
  noteId: IdSchema,
  parentId: Type.Union([IdSchema, Type.Null()]),
  body: Type.String(),
  createdAt: Type.String({ format: 'date-time' }),
  author: AuthorSchema,
  likes: Type.Integer(),
  replyCount: Type.Integer(),
  viewer: Type.Union([Type.Object({ liked: Type.Boolean(), canDelete: Type.Boolean() }), Type.Null()]),
  replyTo: Type.Optional(Type.Object({ handle: Type.String() })),
  language: Type.Union([Type.String(), Type.Null()], { description: 'ISO 639-1; null when unknown' }),
  /** Labels the viewer's rulebook shows behind a tap-through warning. */
  warnings: Type.Optional(Type.Array(Type.String())),
  /** The @handles in the body that link (the person exists and lets the author mention them); others stay plain text. */
  mentions: Type.Array(Type.Object({ handle: Type.String() })),
};
export const ReplySchema = Type.Object(CommentFields);
export const CommentSchema = Type.Object({ ...CommentFields, replies: Type.Optional(Type.Array(ReplySchema)) });

export interface CommentView {
  id: string;
  noteId: string;
  parentId: string | null;
  body: string;
  createdAt: string;
  author: { id: string; handle: string; displayName: string };
  likes: number;
  replyCount: number;
  viewer: { liked: boolean; canDelete: boolean } | null;
  replyTo?: { handle: string };
  language: string | null;
  warnings?: string[];
  mentions: Array<{ handle: string }>;
  replies?: CommentView[];
}

export interface CommentContext {
  viewerId: string | null;
  /** The viewer's rulebook and age: which labels become warnings (rows were already filtered by visibility). */
  rules?: Pick<ViewerContext, 'rulebook' | 'adult'>;
  noteAuthorId: string;
  /** Visible replies per top-level comment. */
  replyCounts?: Map<string, number>;
  /** Each top-level comment's first replies; when given, views carry `replies`. */
  repliesByParent?: Map<string, CommentRow[]>;
}

export async function presentComments(db: Db, rows: readonly CommentRow[], context: CommentContext): Promise<CommentView[]> {
  const all = [...rows, ...[...(context.repliesByParent?.values() ?? [])].flat()];
  const userIds = [...new Set(all.flatMap((row) => [row.author_id, ...(row.reply_to_user_id ? [row.reply_to_user_id] : [])]))];
  const named = new Map(all.map((row) => [row.id, parseMentions(row.body)]));
  const [users, liked, linkable] = await Promise.all([
    userIds.length === 0 ? [] : db.selectFrom('users').select(['id', 'handle', 'display_name']).where('id', 'in', userIds).execute(),
    context.viewerId
      ? likedCommentIds(
          db,
          context.viewerId,
          all.map((row) => row.id),
        )
      : new Set<string>(),
    linkableMentions(
      db,
      all.map((row) => ({ authorId: row.author_id, handles: named.get(row.id) ?? [] })),
    ),
  ]);
  const byId = new Map(users.map((user) => [user.id, user]));

  const present = (row: CommentRow): CommentView => {
    const author = byId.get(row.author_id);
    const replyTo = row.reply_to_user_id ? byId.get(row.reply_to_user_id) : undefined;
    const view: CommentView = {
      id: row.id,
      noteId: row.note_id,
      parentId: row.parent_id,
      body: row.body,
      createdAt: row.created_at.toISOString(),
      author: presentAuthor(author ?? { id: row.author_id, handle: null, display_name: null }),
      likes: row.like_count,
      replyCount: row.parent_id === null ? (context.replyCounts?.get(row.id) ?? 0) : 0,
      language: row.language,
      mentions: (named.get(row.id) ?? []).filter((handle) => linkable(row.author_id, handle)).map((handle) => ({ handle })),
      ...warningsOf(row, context),
      viewer: context.viewerId
        ? { liked: liked.has(row.id), canDelete: context.viewerId === row.author_id || context.viewerId === context.noteAuthorId }
        : null,
    };
    if (replyTo?.handle) view.replyTo = { handle: replyTo.handle };
    return view;
  };

  return rows.map((row) => {
    const view = present(row);
    if (context.repliesByParent && row.parent_id === null) view.replies = (context.repliesByParent.get(row.id) ?? []).map(present);
    return view;
  });
}

function warningsOf(row: CommentRow, context: CommentContext): { warnings?: string[] } {
  if (!context.rules || row.labels.length === 0 || row.author_id === context.viewerId) return {};
  const decision = decideLabels(row.labels, context.rules);
  return decision.visible && decision.warnings.length > 0 ? { warnings: decision.warnings } : {};
}
