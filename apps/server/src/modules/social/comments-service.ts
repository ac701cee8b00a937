import type { Db } from '../../db/database.js';
import type { CommentRow } from '../../db/tables/comments.js';
import { decodeCursor, type Page, pageOf } from '../../db/pagination.js';
import { AppError, badRequest, forbidden } from '../../lib/errors.js';
import { addToNoteCounter } from '../counters/note-counters.js';
import { detectedColumns } from '../language/language-columns.js';
import { recordDiscussion, removeDiscussion } from '../counters/topic-counters.js';
import { parseMentions } from '../notes/note-text.js';
import { usersByHandles } from '../notes/notes-queries.js';
import { insertNotification, removeUnreadNotification } from '../notifications/notifications-queries.js';
import { type CommentView, presentComments } from './comment-views.js';
import {
  addToCommentLikes,
  type CommentSort,
  deleteCommentLike,
  findLiveComment,
  firstReplies,
  insertComment,
  insertCommentLike,
  repliesPage,
  softDeleteComment,
  topLevelCommentsPage,
} from './comments-queries.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import { type ContentGate, OPEN_GATE } from '../../kernel/content-gate.js';
import type { SignedInContext, ViewerContext } from '../../kernel/viewer-context.js';
import { visibleComments } from '../../kernel/visible-rows-sql.js';
import { commentNotFound, findLiveNote, isForeignKeyViolation, noteNotFound, reachableNote, visibleComment } from './note-access.js';
import { recordSignals } from '../recommender/signals.js';
import { assertMayComment } from '../privacy-controls/comment-permission.js';
import { mentionableAmong } from '../privacy-controls/mention-permission.js';

// Comments with one level of replies (RedNote style): a reply to a reply is
// filed under the top-level comment and remembers whom it answered. Every
// create and delete moves the note's comment counter and its topics'
// discussion counters in the same transaction.

const BODY_MAX = 500;
const FIRST_REPLIES = 2;

type FirstPage = Page<CommentView> & { noteAuthorId: string };

export class CommentsService {
  /**
   * The first page of a note's comments, as anyone without blocks or mutes
   * sees it, is cached for `cacheMs` (hot notes are opened thousands of times
   * a second); the viewer's likes are added per request. Writes here forget
   * the note's pages at once.
   */
  private readonly firstPages: TtlCache<FirstPage | null>;
  private readonly pageKeysByNote = new Map<string, Set<string>>();

  private readonly gate: ContentGate;
  private readonly afterCount: (noteId: string) => void;

  constructor(
    private readonly db: Db,
    private readonly options: {
      cacheMs?: number;
      gate?: ContentGate;
      /** The note's visibility from the card cache, with the viewer's comment likes in the same round trip. */
      hydrator: Pick<NoteHydrator, 'decisionWithComments'>;
      /** Called after a comment was added or removed, so cached note counts show it at once here. */
      afterCount?: (noteId: string) => void;
    },
  ) {
    this.firstPages = new TtlCache(options.cacheMs ?? 0, 5_000);
    this.gate = options.gate ?? OPEN_GATE;
    this.afterCount = options.afterCount ?? (() => {});
  }

  private forgetPages(noteId: string): void {
    for (const key of this.pageKeysByNote.get(noteId) ?? []) this.firstPages.delete(key);
    this.pageKeysByNote.delete(noteId);
  }

  async create(context: SignedInContext, noteId: string, input: { body: string; parentId?: string }, now: Date): Promise<CommentView> {
    const viewerId = context.viewerId;
    const body = input.body.trim();
    const length = [...body].length;
    if (length < 1 || length > BODY_MAX) throw badRequest('comment_body_invalid', `A comment is 1 to ${BODY_MAX} characters.`);
    const note = await reachableNote(this.db, noteId, context);
    await assertMayComment(this.db, viewerId, note.authorId);
    const author = await this.db.selectFrom('users').selectAll().where('id', '=', viewerId).executeTakeFirstOrThrow();
    this.gate.check(author, body, 'comment', now);

    let parent: CommentRow | undefined;
    if (input.parentId) {
      parent = await findLiveComment(this.db, input.parentId);
      if (!parent || parent.note_id !== noteId) throw badRequest('parent_invalid', 'The comment you reply to is not on this note.');
      if (context.blocked.has(parent.author_id)) throw new AppError(403, 'blocked', 'You cannot reply to this person.');
    }
    const topLevelId = parent ? (parent.parent_id ?? parent.id) : null;
    // Only a reply to a reply says whom it answers; a direct reply is obviously to its parent.
    const replyToUserId = parent && parent.parent_id !== null ? parent.author_id : null;

    let comment: CommentRow;
    try {
      comment = await this.db.transaction().execute(async (trx) => {
        const row = await insertComment(trx, { noteId, authorId: viewerId, parentId: topLevelId, replyToUserId, body, language: detectedColumns(body), now });
        await this.gate.screen(trx, { subject: { type: 'comment', id: row.id }, author, text: body, isNew: true }, now);
        await addToNoteCounter(trx, noteId, 'comments', 1);
        await recordDiscussion(trx, { noteId, userId: viewerId, now });
        await recordSignals(trx, [{ userId: viewerId, noteId, type: 'comment', at: now }]);
        const addressed = parent ? parent.author_id : note.authorId;
        await insertNotification(trx, { recipientId: addressed, kind: parent ? 'reply' : 'comment', actorId: viewerId, noteId, commentId: row.id, now });
        // @mentions in a comment reach the people named (once; the addressee already heard).
        // …unless they let only some people mention them (privacy-controls/mention-permission.ts).
        const named = await usersByHandles(trx, parseMentions(body));
        const allowed = await mentionableAmong(trx, viewerId, named);
        for (const user of named) {
          if (user.id === addressed || user.display_name === null || !allowed.has(user.id)) continue;
          await insertNotification(trx, { recipientId: user.id, kind: 'mention', actorId: viewerId, noteId, commentId: row.id, now });
        }
        return row;
      });
    } catch (error) {
      if (isForeignKeyViolation(error)) throw noteNotFound();
      throw error;
    }
    this.forgetPages(noteId);
    this.afterCount(noteId);
    const [view] = await presentComments(this.db, [comment], { viewerId, noteAuthorId: note.authorId });
    return view!;
  }

  async list(noteId: string, context: ViewerContext, options: { sort: CommentSort; cursor?: string; limit: number }): Promise<Page<CommentView>> {
    const { viewerId } = context;
    if (!options.cursor && context.hiddenAuthors.size === 0) {
      // No blocks either way and no mutes: the viewer sees the page everyone under the same rulebook sees.
      const key = `${noteId}|${options.sort}|${options.limit}|${context.rulebook.name}|${context.adult}`;
      const base = await this.firstPages.get(key, async () => {
        const note = await findLiveNote(this.db, noteId);
        if (!note) return null;
        const shared = { ...context, viewerId: null };
        const keys = this.pageKeysByNote.get(noteId) ?? new Set<string>();
        this.pageKeysByNote.set(noteId, keys.add(key));
        return { ...(await this.loadPage(noteId, note.authorId, shared, options)), noteAuthorId: note.authorId };
      });
      if (!base) throw noteNotFound();
      // The note itself must be visible to this viewer now (cached card, the author's account read fresh), and the
      // viewer's likes of the page's comments come in the same round trip.
      const ids = base.items.flatMap((item) => [item.id, ...(item.replies ?? []).map((reply) => reply.id)]);
      const gate = await this.options.hydrator.decisionWithComments(noteId, context, 'direct', viewerId ? ids : []);
      if (!gate.decision.visible) throw noteNotFound();
      return viewerId ? this.withViewer(base, viewerId, gate.likedComments) : { items: base.items, cursor: base.cursor };
    }
    const note = await reachableNote(this.db, noteId, context);
    return this.loadPage(noteId, note.authorId, context, options);
  }

  private async loadPage(
    noteId: string,
    noteAuthorId: string,
    context: ViewerContext,
    options: { sort: CommentSort; cursor?: string; limit: number },
  ): Promise<Page<CommentView>> {
    const { viewerId } = context;
    const visible = visibleComments(context);
    let before: { likes?: number; at: Date; id: string } | undefined;
    if (options.cursor && options.sort === 'top') {
      const [likes, at, id] = decodeCursor(options.cursor, ['number', 'date', 'id'] as const);
      before = { likes, at, id };
    } else if (options.cursor) {
      const [at, id] = decodeCursor(options.cursor, ['date', 'id'] as const);
      before = { at, id };
    }
    const rows = await topLevelCommentsPage(this.db, { noteId, sort: options.sort, visible, before, limit: options.limit });
    const page = pageOf(
      rows,
      options.limit,
      (row) => row,
      (row) => (options.sort === 'top' ? [row.like_count, row.created_at.toISOString(), row.id] : [row.created_at.toISOString(), row.id]),
    );
    const { replies, counts } = await firstReplies(this.db, {
      parentIds: page.items.map((row) => row.id),
      visible,
      perParent: FIRST_REPLIES,
    });
    const repliesByParent = new Map<string, CommentRow[]>();
    for (const reply of replies) repliesByParent.set(reply.parent_id!, [...(repliesByParent.get(reply.parent_id!) ?? []), reply]);
    const items = await presentComments(this.db, page.items, { viewerId, rules: context, noteAuthorId, replyCounts: counts, repliesByParent });
    return { items, cursor: page.cursor };
  }

  /** A shared page with this viewer's likes and delete rights filled in. */
  private withViewer(base: FirstPage, viewerId: string, liked: ReadonlySet<string>): Page<CommentView> {
    const personal = (item: CommentView): CommentView => ({
      ...item,
      viewer: { liked: liked.has(item.id), canDelete: viewerId === item.author.id || viewerId === base.noteAuthorId },
      ...(item.replies ? { replies: item.replies.map(personal) } : {}),
    });
    return { items: base.items.map(personal), cursor: base.cursor };
  }

  async replies(commentId: string, context: ViewerContext, options: { cursor?: string; limit: number }): Promise<Page<CommentView>> {
    const { viewerId } = context;
    const { comment, note } = await this.visibleComment(commentId, context);
    if (comment.parent_id !== null) throw commentNotFound();
    if (context.hiddenAuthors.has(comment.author_id)) throw commentNotFound();
    const visible = visibleComments(context);
    const after = options.cursor ? decodeCursor(options.cursor, ['date', 'id'] as const) : undefined;
    const rows = await repliesPage(this.db, {
      parentId: comment.id,
      visible,
      after: after && { at: after[0], id: after[1] },
      limit: options.limit,
    });
    const page = pageOf(
      rows,
      options.limit,
      (row) => row,
      (row) => [row.created_at.toISOString(), row.id],
    );
    return { items: await presentComments(this.db, page.items, { viewerId, rules: context, noteAuthorId: note.authorId }), cursor: page.cursor };
  }

  /** The comment's author and the note's author may delete it; a top-level comment takes its replies along. */
  async remove(viewerId: string, commentId: string, now: Date): Promise<void> {
    const comment = await findLiveComment(this.db, commentId);
    const note = comment && (await findLiveNote(this.db, comment.note_id));
    if (!comment || !note) throw commentNotFound();
    if (viewerId !== comment.author_id && viewerId !== note.authorId) throw forbidden('Only its author or the note’s author can delete a comment.');
    await this.db.transaction().execute(async (trx) => {
      const removed = await softDeleteComment(trx, commentId, now);
      if (removed === 0) return;
      await addToNoteCounter(trx, note.id, 'comments', -removed);
      await removeDiscussion(trx, { noteId: note.id, count: removed });
    });
    this.forgetPages(note.id);
    this.afterCount(note.id);
  }

  async like(context: SignedInContext, commentId: string, now: Date): Promise<{ liked: true; likes: number }> {
    const viewerId = context.viewerId;
    const { comment } = await this.actionableComment(commentId, context);
    await this.db.transaction().execute(async (trx) => {
      if (!(await insertCommentLike(trx, viewerId, commentId, now))) return;
      await addToCommentLikes(trx, commentId, 1);
      await insertNotification(trx, {
        recipientId: comment.author_id,
        kind: 'comment_like',
        actorId: viewerId,
        noteId: comment.note_id,
        commentId,
        now,
      });
    });
    this.forgetPages(comment.note_id);
    return { liked: true, likes: await this.likeCount(commentId) };
  }

  async unlike(context: SignedInContext, commentId: string): Promise<{ liked: false; likes: number }> {
    const viewerId = context.viewerId;
    const { comment } = await this.actionableComment(commentId, context);
    await this.db.transaction().execute(async (trx) => {
      if (!(await deleteCommentLike(trx, viewerId, commentId))) return;
      await removeUnreadNotification(trx, { kind: 'comment_like', actorId: viewerId, commentId });
      await addToCommentLikes(trx, commentId, -1);
    });
    this.forgetPages(comment.note_id);
    return { liked: false, likes: await this.likeCount(commentId) };
  }

  visibleComment(commentId: string, context: ViewerContext) {
    return visibleComment(this.db, commentId, context);
  }

  // Liking needs a comment whose author and whose note's author are not in a block with the viewer (visibleComment checks both).
  private actionableComment(commentId: string, context: SignedInContext) {
    return this.visibleComment(commentId, context);
  }

  // Read after the commit, so a no-op toggle also reports what others did meanwhile.
  private async likeCount(commentId: string): Promise<number> {
    const row = await this.db.selectFrom('comments').select('like_count').where('id', '=', commentId).executeTakeFirst();
    return row?.like_count ?? 0;
  }
}
