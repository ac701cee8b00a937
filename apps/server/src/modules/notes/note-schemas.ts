import { Type } from 'typebox';
import { ImageViewSchema } from '../media/image-view.js';
import { VideoViewSchema } from '../video/video-view.js';

export const AuthorSchema = Type.Object({
  id: Type.String(),
  handle: Type.String(),
  displayName: Type.String(),
  bio: Type.Optional(Type.String()),
  region: Type.Optional(Type.String()),
});

export const NoteCardSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('image'), Type.Literal('video')]),
  title: Type.String(),
  cover: Type.Union([ImageViewSchema, Type.Null()]),
  author: AuthorSchema,
  counts: Type.Object({ likes: Type.Integer() }),
  viewer: Type.Union([Type.Object({ liked: Type.Boolean() }), Type.Null()]),
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
  viewer: Type.Union([
    Type.Object({
      liked: Type.Boolean(),
      collected: Type.Boolean(),
      boardId: Type.Union([Type.String(), Type.Null()]),
      isAuthor: Type.Boolean(),
      followingAuthor: Type.Boolean(),
    }),
    Type.Null(),
  ]),
});

export const NotePageSchema = Type.Object({ items: Type.Array(NoteCardSchema), cursor: Type.Union([Type.String(), Type.Null()]) });

export const NoteIdParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$' }) });
