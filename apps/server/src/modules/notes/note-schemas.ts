import { Type } from 'typebox';
import { AuthorSchema } from '../../kernel/user-summary.js';
import { AuthorModerationSchema } from '../moderation/moderation-schemas.js';
import { ImageViewSchema } from '../media/image-view.js';
import { VideoViewSchema } from '../video/video-view.js';

/** Why For you served a note (see recommender-types.ts ReasonCode); the web phrases it. */
export const ReasonSchema = Type.Object({
  code: Type.Union([
    Type.Literal('liked_topic'),
    Type.Literal('similar_notes'),
    Type.Literal('people_like_you'),
    Type.Literal('fresh'),
    Type.Literal('following'),
    Type.Literal('trending_topic'),
    Type.Literal('trending'),
    Type.Literal('explore'),
    Type.Literal('popular_in_language'),
    Type.Literal('popular'),
  ]),
  topic: Type.Optional(Type.String({ description: 'A topic name, without #' })),
  language: Type.Optional(Type.String({ description: 'ISO 639-1' })),
});

export const NoteCardSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  title: Type.String(),
  cover: Type.Union([ImageViewSchema, Type.Null()]),
  author: AuthorSchema,
  counts: Type.Object({ likes: Type.Integer() }),
  viewer: Type.Union([Type.Object({ liked: Type.Boolean() }), Type.Null()]),
  language: Type.Union([Type.String(), Type.Null()], { description: 'ISO 639-1 of title and body; null when unknown' }),
  /** Labels the viewer's rulebook shows behind a warning they tap through (e.g. graphic-violence). */
  warnings: Type.Optional(Type.Array(Type.String())),
  /** For you only: why this note was served. */
  reason: Type.Optional(ReasonSchema),
});

export const NoteViewSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  title: Type.String(),
  body: Type.String(),
  place: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  author: AuthorSchema,
  images: Type.Array(ImageViewSchema),
  /** Set on video notes; `status` tells the author whether it is still processing. */
  video: Type.Union([VideoViewSchema, Type.Null()]),
  topics: Type.Array(Type.Object({ name: Type.String() })),
  mentions: Type.Array(Type.Object({ id: Type.String(), handle: Type.String() })),
  counts: Type.Object({ likes: Type.Integer(), collects: Type.Integer(), comments: Type.Integer(), views: Type.Integer() }),
  language: Type.Union([Type.String(), Type.Null()], { description: 'ISO 639-1 of title and body; null when unknown' }),
  /** Labels the viewer's rulebook shows behind a warning they tap through (e.g. graphic-violence). */
  warnings: Type.Optional(Type.Array(Type.String())),
  /** Only for the author, when the note was moderated: its state, labels and where they hide it (docs/moderation-api.md). */
  moderation: Type.Optional(AuthorModerationSchema),
  /** Only for the author: whether the language was detected or set by them (then edits keep it). */
  languageSource: Type.Optional(Type.Union([Type.Literal('detected'), Type.Literal('author')])),
  /** Only for the author: how far the note got in staged exposure (see recommender stage rules). */
  exposure: Type.Optional(
    Type.Object({
      stage: Type.Integer(),
      stages: Type.Integer(),
      status: Type.Union([Type.Literal('testing'), Type.Literal('promoted'), Type.Literal('settled'), Type.Literal('open')]),
      impressions: Type.Integer(),
      stageImpressions: Type.Integer(),
      stageBudget: Type.Integer({ description: 'Impressions this stage gives; 0 once the note is open' }),
    }),
  ),
  /** The swipe feed only: why this note was served. */
  reason: Type.Optional(ReasonSchema),
  viewer: Type.Union([
    Type.Object({
      liked: Type.Boolean(),
      collected: Type.Boolean(),
      boardId: Type.Union([Type.String(), Type.Null()]),
      isAuthor: Type.Boolean(),
      followingAuthor: Type.Boolean(),
      commentRestriction: Type.Union([Type.Literal('followers'), Type.Literal('following'), Type.Literal('nobody'), Type.Null()], {
        description: "Why I may not comment here (the author's setting); null: I may",
      }),
    }),
    Type.Null(),
  ]),
});

export const NotePageSchema = Type.Object({ items: Type.Array(NoteCardSchema), cursor: Type.Union([Type.String(), Type.Null()]) });
