import { Type } from 'typebox';
import type { Db } from '../../db/database.js';
import type { ApiApp } from '../../kernel/api-app.js';
import { requireAdmin } from '../accounts/viewer.js';
import { feedFairness } from './fairness-service.js';

const Share = Type.Number({ minimum: 0, maximum: 1 });

const FeedFairnessSchema = Type.Object({
  since: Type.String({ format: 'date-time' }),
  until: Type.String({ format: 'date-time' }),
  impressions: Type.Integer(),
  creators: Type.Integer(),
  shareUnder1kFollowers: Share,
  impressionGini: Share,
  newNotes: Type.Integer(),
  moderatedOut: Type.Integer({ description: 'new notes out of recommendation by moderation' }),
  stageReach: Type.Array(Type.Object({ stage: Type.Integer({ minimum: 1 }), notes: Type.Integer(), share: Share })),
});

export async function feedFairnessRoutes(app: ApiApp, deps: { db: Db; stageCount: number; clock: () => Date }) {
  app.get(
    '/admin/feed-fairness',
    {
      schema: {
        tags: ['admin'],
        summary: "The last 24 hours' exposure fairness (admins only)",
        description:
          'Impressions are `impression` events in the 24 h before now. shareUnder1kFollowers: share of them shown for creators ' +
          'with fewer than 1,000 followers; impressionGini: Gini of impressions across the creators shown; stageReach: of the ' +
          'notes created in the window, how many reached at least each exposure stage.',
        response: { 200: FeedFairnessSchema },
      },
    },
    async (request) => {
      requireAdmin(request);
      return feedFairness(deps.db, deps.stageCount, deps.clock());
    },
  );
}
