import { pino } from 'pino';
import { loggerOptions } from './lib/log-redaction.js';
import { createVault } from './kernel/vault/create-vault.js';
import { encryptLegacyPhones } from './modules/accounts/legacy-phones.js';
import { loadConfig } from './config/config.js';
import { ConfigError } from './config/env-values.js';
import { createDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { openDatabase } from './db/open-database.js';
import { DataDirLock, DataDirLockedError } from './lib/data-dir-lock.js';
import { loadOrCreateLocalSecrets } from './lib/local-secrets.js';
import { pruneAccountsData } from './modules/accounts/maintenance.js';
import { createSmsProvider } from './modules/sms/create-sms-provider.js';
import { refreshNoteRanks } from './modules/feed/feed-queries.js';
import { CHEAP_JOBS, runRecommenderJobs, similaritiesAreFresh, similarityMode } from './modules/recommender/recommender-jobs.js';
import { seedDemoIfEmpty } from './demo/seed-demo.js';
import { seedDemoVideos } from './demo/demo-videos.js';
import { resolveFfmpegTools } from './modules/video/ffmpeg-tools.js';
import { createMediaStorage } from './modules/media/create-media-storage.js';
import { buildApp } from './server/app.js';
import { startPeriodicTasks } from './server/periodic-tasks.js';
import { refreshSpread } from './modules/moderation/cases-queries.js';
import { JobQueue } from './modules/jobs/job-queue.js';
import { failStuckVideos } from './modules/video/videos-queries.js';
import { backfillLanguages } from './modules/language/backfill-languages.js';
import { pruneTranslations } from './modules/translation/translation-queries.js';

function fail(message: string): never {
  process.stderr.write(`\nQiao could not start: ${message}\n\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(`configuration: ${error.message}`);
    throw error;
  }
  const log = pino(loggerOptions(config.logLevel));

  let lock: DataDirLock;
  try {
    lock = DataDirLock.acquire(config.dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) fail(error.message);
    throw error;
  }

  const stops: Array<() => Promise<void>> = [async () => lock.release()];
  const stopAll = async () => {
    for (const stop of stops.splice(0).reverse()) {
      await stop().catch((error) => log.error({ err: error }, 'error during shutdown'));
    }
  };

  try {
    log.info({ dataDir: config.dataDir, database: config.databaseUrl ? 'DATABASE_URL' : 'embedded' }, 'starting Qiao');
    const database = await openDatabase(config, lock, (line) => log.debug({ postgres: line }));
    stops.push(() => database.close());
    const db = createDb(database.connectionString, config.databasePoolSize, undefined, { preparedStatements: config.databasePreparedStatements });
    stops.push(() => db.destroy());
    const applied = await migrateToLatest(db);
    if (applied.length) log.info({ migrations: applied }, 'migrations applied');
    const vault = createVault(config);
    // Before anything is served: numbers stored by a version before encryption get sealed.
    const sealed = await encryptLegacyPhones(db, vault, new Date());
    if (sealed) log.info({ accounts: sealed }, 'phone numbers stored in the clear are now encrypted');

    const demoSeeded = config.demoContent && (await seedDemoIfEmpty(db, createMediaStorage(config), new Date(), (line) => log.info(line)));

    const secretKey = config.secretKey ?? loadOrCreateLocalSecrets(config.dataDir).secretKey;
    const sms = createSmsProvider(config, (line) => log.info(line));
    // Maintenance (expiring and retrying jobs of dead workers) runs where jobs run.
    const jobs = new JobQueue(db, { supervise: config.worker, onError: (error) => log.error({ err: error }, 'job queue error') });
    await jobs.start();
    const app = await buildApp({ config, db, secretKey, sms, logger: log, jobs, vault });
    stops.push(() => app.close());
    if (config.worker) {
      await jobs.work({
        'transcode-video': (payload, context) => app.videos.processor.run(payload.videoId, context),
        'screen-image': async (payload) => void (await app.moderation.images.screen(payload.imageId, new Date())),
        ...app.privacyRights.handlers,
      });
      log.info('worker started: this process runs background jobs');
    }
    // Stops run in reverse: jobs in flight finish before the HTTP server and the pool go.
    stops.push(() => jobs.stop());
    if (demoSeeded) {
      // The demo's videos go through the real pipeline in the background; the app is usable meanwhile.
      seedDemoVideos(
        {
          db,
          uploads: app.videos.uploads,
          notes: app.content.notes,
          tools: resolveFfmpegTools(config.video),
          uploadsDir: config.video.uploadsDir,
          log: (line) => log.info(line),
        },
        new Date(),
      ).catch((error) => log.warn({ err: error }, 'demo videos could not be made'));
    }

    // Notes, comments and bios written before language detection existed get one in the background.
    backfillLanguages(db)
      .then((done) => done.notes + done.comments + done.bios > 0 && log.info({ languagesDetected: done }, 'language backfill done'))
      .catch((error) => log.warn({ err: error }, 'language backfill failed'));

    const stopTasks = startPeriodicTasks(
      [
        { name: 'prune-accounts', everyMs: 60 * 60 * 1000, run: (now) => pruneAccountsData(db, now) },
        // Privacy: session IP addresses keep only their network after SESSION_IP_RETENTION_DAYS.
        {
          name: 'truncate-session-ips',
          everyMs: 60 * 60 * 1000,
          runAtStart: true,
          run: (now) => app.sessions.truncateOldIps(now, config.security.sessionIpRetentionDays),
        },
        { name: 'refresh-note-ranks', everyMs: 60 * 1000, run: (now) => refreshNoteRanks(db, now) },
        { name: 'end-suspensions', everyMs: 60 * 1000, run: (now) => app.moderation.actions.endSuspensions(now) },
        { name: 'moderation-spread', everyMs: 60 * 1000, run: (now) => refreshSpread(db, now) },
        { name: 'remove-abandoned-images', everyMs: 60 * 60 * 1000, run: (now) => app.content.images.removeAbandoned(now) },
        // Expired data exports go; accounts past their deletion grace are queued for erasure.
        { name: 'privacy-rights', everyMs: 10 * 60 * 1000, runAtStart: true, run: (now) => app.privacyRights.tick(now) },
        { name: 'remove-expired-uploads', everyMs: 60 * 60 * 1000, run: () => app.videos.uploads.cleanUpExpired() },
        { name: 'prune-translations', everyMs: 24 * 60 * 60 * 1000, run: (now) => pruneTranslations(db, new Date(now.getTime() - 180 * 24 * 60 * 60 * 1000)) },
        // Catches rows written by paths that skip detection (imports, fixtures); an empty index lookup otherwise.
        { name: 'detect-languages', everyMs: 60 * 60 * 1000, run: () => backfillLanguages(db, { bios: false }) },
        // Three hours covers every attempt of a 15-minute video with its retries; only a lost job is older.
        { name: 'fail-stuck-videos', everyMs: 10 * 60 * 1000, run: (now) => failStuckVideos(db, new Date(now.getTime() - 3 * 60 * 60 * 1000), now) },
        // The recommender's derived tables, where background work runs: affinities, the pools of
        // people who acted, quality and stages, trending every 30 s; the item model every 10 min
        // (incremental, a full rebuild every 6 h). Both also at boot, the model only when no process
        // recomputed it in the last 10 minutes.
        ...(config.worker
          ? [
              { name: 'recommender', everyMs: 30 * 1000, runAtStart: true, run: (now: Date) => runRecommenderJobs(db, config.recommender, now, CHEAP_JOBS) },
              {
                name: 'recommender-similarities',
                everyMs: 10 * 60 * 1000,
                runAtStart: true,
                run: async (now: Date) =>
                  (await similaritiesAreFresh(db, now, 10 * 60 * 1000))
                    ? null
                    : runRecommenderJobs(db, config.recommender, now, { affinity: true, pools: true, similarities: await similarityMode(db, now) }),
              },
            ]
          : []),
      ],
      log,
    );
    stops.push(stopTasks);

    try {
      await app.listen({ port: config.port, host: config.host });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new Error(`port ${config.port} is already in use. Set PORT to another port.`);
      }
      throw error;
    }
    log.info(`Qiao is ready on http://localhost:${config.port} (API reference: /api/docs)`);
  } catch (error) {
    log.error({ err: error }, 'start-up failed');
    await stopAll();
    fail((error as Error).message);
  }

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) {
      log.warn('second signal: exiting without waiting');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'shutting down: finishing requests in flight');
    // Stops run in reverse: the HTTP server drains first, then the pool, the database and the lock.
    stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

await main();
