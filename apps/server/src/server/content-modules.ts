import fastifyMultipart from '@fastify/multipart';
import type { Config } from '../config/config.js';
import type { ContentGate } from '../kernel/content-gate.js';
import type { Db } from '../db/database.js';
import { FeedService } from '../modules/feed/feed-service.js';
import { feedRoutes } from '../modules/feed/feed-routes.js';
import { FollowingTimelines, memoryTimelines } from '../modules/feed/following-timeline.js';
import { videoFeedRoutes } from '../modules/feed/video-feed-routes.js';
import { languageRoutes } from '../modules/language/language-routes.js';
import { LanguageService } from '../modules/language/language-service.js';
import { ImageService } from '../modules/media/image-service.js';
import type { MediaStorage } from '../modules/media/media-storage.js';
import { mediaRoutes } from '../modules/media/media-routes.js';
import type { NoteHydrator } from '../modules/notes/note-hydrator.js';
import { NotesService } from '../modules/notes/notes-service.js';
import { notesRoutes } from '../modules/notes/notes-routes.js';
import { FeedbackService } from '../modules/recommender/feedback-service.js';
import { Recommender } from '../modules/recommender/recommender.js';
import { recommenderRoutes } from '../modules/recommender/recommender-routes.js';
import { searchRoutes } from '../modules/search/search-routes.js';
import { topicsRoutes } from '../modules/topics/topics-routes.js';
import { TelemetryService } from '../modules/telemetry/telemetry-service.js';
import { telemetryRoutes } from '../modules/telemetry/telemetry-routes.js';
import { ViewBuffer } from '../modules/views/view-buffer.js';
import { viewsRoutes } from '../modules/views/views-routes.js';
import { viewableNoteIds } from '../modules/views/visible-views.js';
import type { ApiApp } from '../kernel/api-app.js';

export interface ContentModules {
  images: ImageService;
  notes: NotesService;
  views: ViewBuffer;
  hydrator: NoteHydrator;
  feed: FeedService;
  recommender: Recommender;
  timelines: FollowingTimelines;
}

/** Notes, media, the explore feed, topics, views and search, under /api. */
export async function registerContentModules(
  api: ApiApp,
  deps: {
    config: Config;
    db: Db;
    storage: MediaStorage;
    hydrator: NoteHydrator;
    clock: () => Date;
    gate: ContentGate;
    afterImageUpload?: (imageId: string) => Promise<void>;
  },
): Promise<ContentModules> {
  const { config, db, storage, hydrator, clock } = deps;
  await api.register(fastifyMultipart);
  const images = new ImageService(db, storage, deps.afterImageUpload);
  // Another instance's new note reaches this one's Following lists within 30 s (at once with a shared cache).
  const timelines = new FollowingTimelines(db, memoryTimelines(Math.min(config.cardCacheMs, 30_000)), config.relationsCacheMs);
  const notes = new NotesService(
    db,
    (noteId, authorId) => {
      void hydrator.invalidate(noteId);
      void timelines.forget(authorId);
    },
    deps.gate,
  );
  const recommender = new Recommender(db, config.recommender, {
    cacheMs: config.recommenderCacheMs,
    onError: (error) => api.log.error({ err: error }, 'served log flush failed'),
  });
  recommender.start();
  api.addHook('onClose', () => recommender.stop());
  const feed = new FeedService(db, hydrator, recommender, clock, timelines);
  const views = new ViewBuffer(db, (error) => api.log.error({ err: error }, 'view flush failed'));
  views.start();
  api.addHook('onClose', () => views.stop());

  await mediaRoutes(api, { db, images, storage, clock, maxImageBytes: config.media.maxImageBytes, uploadLimits: config.media.imageUploads });
  await notesRoutes(api, { notes, hydrator, clock });
  await languageRoutes(api, { languages: new LanguageService(db, (noteId) => void hydrator.invalidate(noteId)), hydrator });
  await feedRoutes(api, { db, feed });
  await topicsRoutes(api, { db, feed, clock });
  await viewsRoutes(api, { views, hydrator, clock });
  await searchRoutes(api, { db, hydrator });
  await telemetryRoutes(api, { telemetry: new TelemetryService(db, views, (noteIds, context) => viewableNoteIds(hydrator, noteIds, context)), clock });
  await videoFeedRoutes(api, { feed });
  await recommenderRoutes(api, { feedback: new FeedbackService(db, (viewerId) => recommender.forget(viewerId)), clock });
  return { images, notes, views, hydrator, feed, recommender, timelines };
}
