import type { Db } from '../../db/database.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { boardsRoutes } from './boards-routes.js';
import { BoardsService } from './boards-service.js';
import { commentsRoutes } from './comments-routes.js';
import type { ContentGate } from '../../kernel/content-gate.js';
import { CommentsService } from './comments-service.js';
import { engagementRoutes } from './engagement-routes.js';
import { EngagementService } from './engagement-service.js';
import { peopleRoutes } from './people-routes.js';
import { PeopleService } from './people-service.js';
import { profileTabsRoutes } from './profile-tabs-routes.js';
import { ProfileTabsService } from './profile-tabs-service.js';

/** Likes, collects and boards, comments, the social graph and profile tabs. */
export async function socialRoutes(
  app: ApiApp,
  deps: { db: Db; clock: () => Date; hydrator: NoteHydrator; cacheMs: number; gate: ContentGate; onRelationsChange?: (a: string, b: string) => void },
) {
  const { db, clock, hydrator } = deps;
  const forgetCounts = (noteId: string) => hydrator.forgetCounts(noteId);
  await engagementRoutes(app, { engagement: new EngagementService(db, forgetCounts), clock });
  await boardsRoutes(app, { boards: new BoardsService(db), clock });
  await commentsRoutes(app, { comments: new CommentsService(db, { cacheMs: deps.cacheMs, gate: deps.gate, hydrator, afterCount: forgetCounts }), clock });
  await peopleRoutes(app, { people: new PeopleService(db, deps.onRelationsChange), clock });
  await profileTabsRoutes(app, { tabs: new ProfileTabsService(db), hydrator: deps.hydrator });
}
