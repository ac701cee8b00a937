import type { ServerResponse } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { privateMedia } from '../modules/media/media-guard.js';

/**
 * Serves the built web app. Vite's hashed assets are cached for a year; the
 * HTML shell is revalidated so a deploy reaches everyone on their next visit.
 * Returns false when the web app has not been built.
 */
export async function serveWebApp(app: FastifyInstance, distDir: string): Promise<boolean> {
  const indexFile = path.join(distDir, 'index.html');
  if (!fs.existsSync(indexFile)) return false;
  await app.register(fastifyStatic, {
    root: distDir,
    // Files are looked up per request (not listed once at start), so a rebuilt
    // web app is served without a restart; misses fall through to the SPA fallback.
    wildcard: true,
    // '/' is the app shell; a directory without index.html falls through to the SPA fallback.
    index: 'index.html',
    cacheControl: false,
    setHeaders(res, filePath) {
      const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
      res.setHeader('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

/** Uploaded media: content-addressed keys never change, so they are cached for a year. */
export async function serveMedia(app: FastifyInstance, mediaDir: string): Promise<void> {
  fs.mkdirSync(mediaDir, { recursive: true });
  await app.register(fastifyStatic, {
    root: mediaDir,
    prefix: '/media/',
    decorateReply: false,
    index: false,
    cacheControl: false,
    setHeaders(res) {
      // A moderated note's file may be hidden elsewhere: no shared cache may keep it (media-guard.ts).
      res.setHeader('cache-control', privateMedia.has(res as unknown as ServerResponse) ? 'private, max-age=300' : 'public, max-age=31536000, immutable');
      res.setHeader('x-content-type-options', 'nosniff');
    },
  });
}
