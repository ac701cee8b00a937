/** Shapes the server sends for notes and the people around them (see the API contract). */
import type { NoteExposure, Reason } from '../recommendations/reason-types';

export interface UserSummary {
  id: string;
  handle: string;
  displayName: string;
  /** A tombstone's author: the account was erased (the text is gone, replies by others stay). */
  erased?: true;
  bio?: string;
  region?: string;
  viewer?: { following: boolean };
}

export interface ImageVariant {
  width: number;
  height: number;
  url: string;
}

export interface ImageView {
  id: string;
  width: number;
  height: number;
  /** A blurhash string, decoded into a tiny blurred preview while the image loads. */
  placeholder: string;
  /** Dominant colour, '#rrggbb': painted before anything else. */
  color: string;
  alt: string;
  url: string;
  variants: ImageVariant[];
}

export interface VideoRendition {
  height: number;
  url: string;
}

/** The video a video note carries; only `ready` videos appear in feeds. */
export interface NoteVideo {
  id: string;
  status: 'processing' | 'ready' | 'failed';
  /** Null until processing has probed the file. */
  durationMs: number | null;
  width: number | null;
  height: number | null;
  posterUrl: string | null;
  /** The HLS master playlist; null until ready. */
  hlsUrl: string | null;
  /** Progressive MP4s; `height` is the shorter side (480, 720, 1080). */
  renditions: VideoRendition[];
}

export interface NoteCard {
  id: string;
  kind: 'image' | 'video';
  title: string;
  cover: ImageView;
  author: UserSummary;
  counts: { likes: number };
  viewer: { liked: boolean } | null;
  /** ISO 639-1 ('en', 'zh', …); null when unknown, absent from older servers. */
  language?: string | null;
  /** Why the recommender served it (For-you pages only). */
  reason?: Reason;
  /** Labels the viewer's rulebook shows behind a tap-through warning. */
  warnings?: string[];
}

export interface NoteViewer {
  liked: boolean;
  collected: boolean;
  boardId: string | null;
  isAuthor: boolean;
  followingAuthor: boolean;
  /** Why I may not comment (the author's setting); null or absent: I may. */
  commentRestriction?: 'followers' | 'following' | 'nobody' | null;
}

export interface NoteView {
  id: string;
  kind: 'image' | 'video';
  title: string;
  body: string;
  place: string | null;
  createdAt: string;
  updatedAt: string;
  author: UserSummary;
  images: ImageView[];
  /** Set on video notes (kind 'video'); absent from servers that predate video. */
  video?: NoteVideo | null;
  topics: { name: string }[];
  mentions: { id: string; handle: string }[];
  counts: { likes: number; collects: number; comments: number; views: number };
  viewer: NoteViewer | null;
  /** ISO 639-1 ('en', 'zh', …); null when unknown, absent from older servers. */
  language?: string | null;
  /** Whether the language was detected or set by the author. */
  languageSource?: 'detected' | 'author';
  /** Why the recommender served it (swipe feed items). */
  reason?: Reason;
  /** Staged exposure, sent to the author only. */
  exposure?: NoteExposure;
  /** Labels the viewer's rulebook shows behind a tap-through warning. */
  warnings?: string[];
  /** How the note was moderated, sent to its author only. */
  moderation?: AuthorModeration;
}

/** What the author sees of their note's moderation (docs/moderation-api.md). */
export interface AuthorModeration {
  state: 'live' | 'held' | 'removed';
  limited: boolean;
  labels: { label: string; rulebooks: string[] | null; source: string; reason: string; createdAt: string }[];
  /** Only rulebooks where the note is not shown plainly. */
  outcomes: { rulebook: string; outcome: 'hidden' | 'warned' | 'adult' }[];
  statementId: string | null;
}

/** One keyset page; pass `cursor` back for the next one (null: no more). */
export interface Page<T> {
  items: T[];
  cursor: string | null;
}
