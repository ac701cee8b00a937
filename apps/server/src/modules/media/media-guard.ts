import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import type { ViewerContext } from '../../kernel/viewer-context.js';
import { decide, type VisibleItem } from '../../kernel/visibility.js';

// Media files of notes hidden from a viewer are hidden too: /media/... answers
// 404 for an image or video of a note the viewer may not see (held, removed,
// restricted in their region, by a suspended account, by a private account the
// viewer does not follow). Only the few notes with any moderation or a private
// author are looked at, from an index refreshed every few seconds and
// at once after a moderation action or a privacy switch here; every other file
// is served as before. Files of those notes that a viewer may see are sent
// `private`, so no shared cache hands them to someone elsewhere.

/** The part of a storage key that names one asset: `images/2026/12/<uuid>` or `videos/<id>`. */
export function assetOfKey(key: string): string | null {
  const image = /^(images\/\d{4}\/\d{2}\/[0-9a-f-]{36})(?:-\d+)?\.[a-z0-9]+$/.exec(key);
  if (image) return image[1]!;
  const video = /^(videos\/[0-9a-f-]{36})\//.exec(key);
  return video ? video[1]! : null;
}

async function moderatedAssets(db: Db): Promise<Map<string, VisibleItem>> {
  const { rows } = await sql<{
    author_id: string;
    labels: string[];
    mod_state: VisibleItem['state'];
    status: VisibleItem['authorStatus'];
    is_private: boolean;
    asset: string;
  }>`
    with moderated as (
      select n.id, n.author_id, n.labels, n.mod_state, u.status, u.is_private from notes n join users u on u.id = n.author_id
      where n.deleted_at is null and (n.labels <> '{}' or n.mod_state <> 'live' or u.status <> 'active' or u.is_private)
    )
    select m.author_id, m.labels, m.mod_state, m.status, m.is_private, i.storage_prefix as asset from moderated m join images i on i.note_id = m.id
    union all
    select m.author_id, m.labels, m.mod_state, m.status, m.is_private, 'videos/' || v.id as asset from moderated m join videos v on v.note_id = m.id`.execute(
    db,
  );
  const assets = new Map<string, VisibleItem>();
  for (const row of rows) {
    const asset = assetOfKey(row.asset) ?? row.asset;
    assets.set(asset, {
      authorId: String(row.author_id),
      authorStatus: row.status,
      authorPrivate: row.is_private,
      labels: row.labels,
      state: row.mod_state,
      limited: false,
    });
  }
  return assets;
}

/** Responses for moderated files: the static handler marks them `private` (see static-web.ts). */
export const privateMedia = new WeakSet<ServerResponse>();

export class MediaGuard {
  private readonly index: TtlCache<Map<string, VisibleItem>>;

  constructor(
    private readonly db: Db,
    refreshMs = 3_000,
  ) {
    this.index = new TtlCache(refreshMs, 1);
  }

  /** A moderation action or a privacy switch changed what is hidden: read the index again on the next request. */
  invalidate(): void {
    this.index.delete('all');
  }

  /** The note facts of a moderated asset, or undefined for the usual case (nothing to check). */
  async moderated(key: string): Promise<VisibleItem | undefined> {
    const asset = assetOfKey(key);
    if (!asset) return undefined;
    return (await this.index.get('all', () => moderatedAssets(this.db))).get(asset);
  }
}

/** Checks /media/ requests of moderated notes against the viewer's context before the file is sent. */
export function installMediaGuard(app: FastifyInstance, guard: MediaGuard, contextOf: (request: FastifyRequest) => Promise<ViewerContext>): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/media/')) return;
    const key = decodeURIComponent(request.url.slice('/media/'.length).split('?')[0]!);
    const item = await guard.moderated(key);
    if (!item) return;
    const context = await contextOf(request);
    // Moderators review what readers cannot see (held, removed, restricted in their own region).
    const staff = context.role === 'moderator' || context.role === 'admin';
    if (!staff && !decide(item, context, 'direct').visible) {
      return reply
        .status(404)
        .type('application/json')
        .send({ error: { code: 'not_found', message: 'No such file.' } });
    }
    privateMedia.add(reply.raw);
  });
}
