import type { UserSummary } from '../notes/note-types';

export interface CommentView {
  id: string;
  noteId: string;
  parentId: string | null;
  body: string;
  createdAt: string;
  author: UserSummary;
  likes: number;
  replyCount: number;
  /** The first two replies, inline under a top-level comment. */
  replies?: CommentView[];
  viewer: { liked: boolean; canDelete: boolean } | null;
  replyTo?: { handle: string };
  /** ISO 639-1; null when unknown, absent from older servers. */
  language?: string | null;
  /** Labels the viewer's rulebook shows behind a tap-through warning. */
  warnings?: string[];
  /** The @handles that link (the people let the author mention them); absent from older servers. */
  mentions?: Array<{ handle: string }>;
}

export type CommentSort = 'top' | 'newest';
