import { Type } from 'typebox';
import { IdParams, IdSchema } from '../../kernel/schemas.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireViewer } from '../accounts/viewer.js';
import type { NoteHydrator } from './note-hydrator.js';
import { NoteViewSchema } from './note-schemas.js';
import type { NotesService } from './notes-service.js';

const noteFields = {
  title: Type.String({ maxLength: 100 }),
  body: Type.String({ maxLength: 1000 }),
  // The 1..18 rule is the service's (with its own error codes); the schema only bounds the payload.
  imageIds: Type.Array(IdSchema, { maxItems: 100 }),
  place: Type.Optional(Type.Union([Type.String({ maxLength: 60 }), Type.Null()])),
  alts: Type.Optional(Type.Record(IdSchema, Type.String({ maxLength: 300 }))),
};

export async function notesRoutes(app: ApiApp, deps: { notes: NotesService; hydrator: NoteHydrator; clock: () => Date }) {
  const { notes, hydrator, clock } = deps;

  app.post(
    '/notes',
    {
      schema: {
        tags: ['notes'],
        summary: 'Post a note: images (upload them first) or one video (upload it with tus first); exactly one of imageIds and videoId',
        body: Type.Object(
          {
            ...noteFields,
            imageIds: Type.Optional(noteFields.imageIds),
            videoId: Type.Optional(Type.String({ pattern: '^[0-9a-f-]{36}$' })),
            coverFrame: Type.Optional(Type.Integer({ minimum: 0, maximum: 4, description: 'preview frame used as the cover; the poster by default' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: NoteViewSchema },
      },
    },
    async (request, reply) => {
      const viewer = requireViewer(request);
      const id = await notes.create(viewer.user, request.body, clock());
      return reply.status(201).send(await hydrator.view(id, await request.viewerContext()));
    },
  );

  app.get(
    '/notes/:id',
    { schema: { tags: ['notes'], summary: 'A note with its images, topics and counts', params: IdParams, response: { 200: NoteViewSchema } } },
    async (request) => hydrator.view(request.params.id, await request.viewerContext()),
  );

  app.patch(
    '/notes/:id',
    {
      schema: {
        tags: ['notes'],
        summary: 'Edit my note',
        params: IdParams,
        body: Type.Partial(Type.Object(noteFields), { additionalProperties: false, minProperties: 1 }),
        response: { 200: NoteViewSchema },
      },
    },
    async (request) => {
      const viewer = requireViewer(request);
      await notes.update(viewer.user, request.params.id, request.body, clock());
      return hydrator.view(request.params.id, await request.viewerContext());
    },
  );

  app.delete(
    '/notes/:id',
    { schema: { tags: ['notes'], summary: 'Delete my note', params: IdParams, response: { 204: Type.Null() } } },
    async (request, reply) => {
      const viewer = requireViewer(request);
      await notes.delete(viewer.user, request.params.id, clock());
      return reply.status(204).send(null);
    },
  );
}
