import { type RawBuilder, sql } from 'kysely';

// What every candidate source reads about a note, in one shape: enough to
// filter (author, kind, language), re-rank (topics) and weigh (quality)
// without touching the note again.

export interface PoolNote {
  noteId: string;
  authorId: string;
  kind: 'image' | 'video';
  language: string | null;
  /** The author's region (users.region): cold viewers see their own region's notes first. */
  authorRegion: string | null;
  topicIds: string[];
  /** Moderation labels (`label` or `label@rulebook`): the viewer's rulebook decides (kernel/visibility.ts). */
  labels: string[];
  /** rec_note_quality.quality; null until the quality job has seen the note. */
  quality: number | null;
  createdAt: Date;
  /** The author's account is private: only its approved followers are shown the note (kernel/visibility.ts mayReadAuthor). */
  authorPrivate?: boolean;
}

export interface PoolNoteRow {
  note_id: string | number;
  author_id: string | number;
  kind: 'image' | 'video';
  language: string | null;
  author_region: string | null;
  topic_ids: Array<string | number> | null;
  labels?: string[] | null;
  quality: number | null;
  created_at: Date;
  author_private?: boolean | null;
}

/** Columns of a PoolNoteRow, for a query that has `notes` and `left join rec_note_quality q`. */
export const poolNoteColumns = sql`notes.id as note_id, notes.author_id, notes.kind, notes.language, notes.created_at, notes.labels, q.quality,
  (select u.region from users u where u.id = notes.author_id) as author_region,
  (select u.is_private from users u where u.id = notes.author_id) as author_private,
  array(select nt.topic_id from note_topics nt where nt.note_id = notes.id) as topic_ids`;

/**
 * A note any recommendation may show: live, not held, removed or limited by a
 * moderator, by an active account, and, for a video, playable. Labels depend on
 * the viewer's rulebook, so they are filtered per viewer (PoolNote.labels).
 */
export const liveNote = sql<boolean>`notes.deleted_at is null and notes.mod_state = 'live' and not notes.reach_limited
  and not exists (select 1 from users r where r.id = notes.author_id and r.status <> 'active')
  and (notes.kind <> 'video' or exists (select 1 from videos v where v.note_id = notes.id and v.status = 'ready'))`;

export function kindFilter(kind: 'video' | undefined): RawBuilder<boolean> {
  return kind === 'video' ? sql<boolean>`notes.kind = 'video'` : sql<boolean>`true`;
}

export function toPoolNote(row: PoolNoteRow): PoolNote {
  return {
    noteId: String(row.note_id),
    authorId: String(row.author_id),
    kind: row.kind,
    language: row.language,
    authorRegion: row.author_region ?? null,
    topicIds: (row.topic_ids ?? []).map(String),
    labels: row.labels ?? [],
    quality: row.quality === null ? null : Number(row.quality),
    createdAt: row.created_at,
    authorPrivate: row.author_private ?? false,
  };
}
