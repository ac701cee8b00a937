import type { Db } from '../../db/database.js';
import { notFound } from '../../lib/errors.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { decideProfile } from '../../kernel/visibility.js';
import { commentNotFound, noteNotFound, userNotFound, visibleComment } from '../social/note-access.js';
import { findTopicByName } from '../topics/topics-queries.js';

// What can be translated, read fresh (an edit is a new text) and only when the
// viewer may see it: otherwise the same 404 as the rest of the API answers.

export type TranslationKind = 'note' | 'comment' | 'bio' | 'topic';
export type FieldName = 'title' | 'body' | 'name';

export interface TranslationSource {
  fields: Partial<Record<FieldName, string>>;
  /** As stored (ISO 639-1), or null when unknown. */
  language: string | null;
}

const NUMERIC_ID = /^[1-9][0-9]{0,18}$/;

async function noteSource(db: Db, hydrator: NoteHydrator, id: string, context: ViewerContext): Promise<TranslationSource> {
  if (!NUMERIC_ID.test(id)) throw noteNotFound();
  // The note page's own decision (deleted, blocked, moderated, region, unfinished video): 404 note_not_found.
  if (!(await hydrator.decision(id, context)).visible) throw noteNotFound();
  const note = await db.selectFrom('notes').select(['title', 'body', 'language']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!note) throw noteNotFound();
  return { fields: { title: note.title, body: note.body }, language: note.language };
}

async function commentSource(db: Db, id: string, context: ViewerContext): Promise<TranslationSource> {
  if (!NUMERIC_ID.test(id)) throw commentNotFound();
  const { comment } = await visibleComment(db, id, context);
  // Muted authors' comments are out of the viewer's comment lists, so out of reach here too.
  if (context.muted.has(comment.author_id)) throw commentNotFound();
  return { fields: { body: comment.body }, language: comment.language };
}

async function bioSource(db: Db, id: string, context: ViewerContext): Promise<TranslationSource> {
  if (!NUMERIC_ID.test(id)) throw userNotFound();
  const user = await db
    .selectFrom('users')
    .select(['id', 'handle', 'display_name', 'bio', 'bio_language', 'labels', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!user || user.handle === null || user.display_name === null) throw userNotFound();
  // As on their profile: someone who blocked the viewer, or whom the rulebook hides, does not exist for them.
  if (!decideProfile(user, context).visible) throw userNotFound();
  return { fields: { body: user.bio }, language: user.bio_language };
}

/** A gloss reads better from words than from CamelCase: TikTokRefugee → "TikTok Refugee". */
export function topicWords(name: string): string {
  return name
    .replace(/_+/g, ' ')
    .replace(/(\p{Ll})(\p{Lu})/gu, '$1 $2')
    .replace(/(\p{Lu})(\p{Lu}\p{Ll})/gu, '$1 $2')
    .trim();
}

async function topicSource(db: Db, name: string): Promise<TranslationSource> {
  const topic = name.length <= 50 ? await findTopicByName(db, name.replace(/^#/, '')) : undefined;
  if (!topic) throw notFound('topic_not_found', `No notes use #${name.replace(/^#/, '')} yet.`);
  return { fields: { name: topicWords(topic.name) }, language: null };
}

/**
 * The text to translate. `id` is the note's or comment's id, the user's id
 * for a bio, and the topic's name (as in /api/topics/:name) for a topic.
 */
export function loadSource(deps: { db: Db; hydrator: NoteHydrator }, kind: TranslationKind, id: string, context: ViewerContext): Promise<TranslationSource> {
  switch (kind) {
    case 'note':
      return noteSource(deps.db, deps.hydrator, id, context);
    case 'comment':
      return commentSource(deps.db, id, context);
    case 'bio':
      return bioSource(deps.db, id, context);
    case 'topic':
      return topicSource(deps.db, id);
  }
}
