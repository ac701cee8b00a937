import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Config } from '../config/config.js';
import type { Db } from '../db/database.js';
import { MemoryRateLimiter, type RateLimiter } from '../lib/rate-limiter.js';
import { AuthService } from '../modules/accounts/auth-service.js';
import { authRoutes } from '../modules/accounts/auth-routes.js';
import { meRoutes } from '../modules/accounts/me-routes.js';
import { twoFactorRoutes } from '../modules/accounts/two-factor-routes.js';
import { TwoFactorService } from '../modules/accounts/two-factor-service.js';
import { SignInChallenges } from '../modules/accounts/sign-in-challenge.js';
import { ProfileService } from '../modules/accounts/profile-service.js';
import { SESSION_COOKIE, SessionsService } from '../modules/accounts/sessions-service.js';
import { installViewer } from '../modules/accounts/viewer.js';
import { revealPhone } from '../modules/accounts/phone-vault.js';
import { privacyRoutes } from '../modules/privacy/privacy-routes.js';
import type { PersonalDataVault } from '../kernel/vault/personal-data-vault.js';
import { createVault } from '../kernel/vault/create-vault.js';
import { loggerOptions } from '../lib/log-redaction.js';
import { installViewerContext, ViewerContexts, visitorCountry } from '../kernel/viewer-context.js';
import { adminRoutes } from '../modules/admin/admin-routes.js';
import { ActionsService } from '../modules/moderation/actions-service.js';
import { authorNotice } from '../modules/moderation/author-notice.js';
import { ContentScreening } from '../modules/moderation/content-screening.js';
import { termScreener } from '../modules/moderation/term-screener.js';
import { SignupGate } from '../modules/moderation/signup-gate.js';
import { createImageClassifier } from '../modules/moderation/images/create-image-classifier.js';
import { ImageScreening } from '../modules/moderation/images/image-screening.js';
import { type ModerationModule, registerModeration } from '../modules/moderation/moderation-module.js';
import { feedFairnessRoutes } from '../modules/recommender/fairness-routes.js';
import { healthRoutes } from '../modules/health/health-routes.js';
import { metaRoutes } from '../modules/meta/meta-routes.js';
import { notificationsRoutes } from '../modules/notifications/notifications-routes.js';
import { NotificationsService } from '../modules/notifications/notifications-service.js';
import { memoryNoteCaches, NoteHydrator } from '../modules/notes/note-hydrator.js';
import { noteOpenGraphTags } from '../modules/notes/note-open-graph.js';
import { registerPrivacyControls } from '../modules/privacy-controls/privacy-module.js';
import { NOINDEX_META, pageIsNoindex } from '../modules/privacy-controls/robots.js';
import { socialRoutes } from '../modules/social/social-routes.js';
import { registerTranslation } from '../modules/translation/translation-module.js';
import { devSmsRoutes } from '../modules/sms/dev-sms-routes.js';
import type { SmsProvider } from '../modules/sms/sms-provider.js';
import type { ApiApp } from '../kernel/api-app.js';
import { clientErrorHandler, frameworkErrors, installErrorHandler, sendError } from './error-handler.js';
import { installInputGuard } from './input-guard.js';
import { installSameOriginCheck } from './same-origin.js';
import { type ContentModules, registerContentModules } from './content-modules.js';
import { serveMedia, serveWebApp } from './static-web.js';
import { createMediaStorage } from '../modules/media/create-media-storage.js';
import { installMediaGuard, MediaGuard } from '../modules/media/media-guard.js';
import { LocalDiskStorage, type MediaStorage } from '../modules/media/media-storage.js';
import { JobQueue } from '../modules/jobs/job-queue.js';
import { registerVideoModules } from './video-modules.js';
import { cancelDeletionOnSignIn } from '../modules/privacy/deletion-service.js';
import { type PrivacyRights, registerPrivacyRights } from '../modules/privacy/rights-module.js';

export interface AppDeps {
  config: Config;
  db: Db;
  secretKey: string;
  sms: SmsProvider;
  /** The clock every service reads; tests move it to check expiry. */
  clock?: () => Date;
  rateLimiter?: RateLimiter;
  /** The process's logger; tests leave it out and get one at config.logLevel. */
  logger?: FastifyBaseLogger;
  /** Where media files go; local disk under DATA_DIR by default. */
  storage?: MediaStorage;
  /** The job queue (main.ts starts workers on it); without one the app makes its own, closed with the app. */
  jobs?: JobQueue;
  /** Seals personal data; made from config (MASTER_KEY or DATA_DIR/secrets.json) when left out. */
  vault?: PersonalDataVault;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Services that background work (periodic jobs, tests) reaches into. */
    content: ContentModules;
    /** Reports, cases, actions and appeals (the screening job and tests reach into them). */
    moderation: ModerationModule;
    /** Download my data, delete my account (jobs and periodic work reach into it). */
    privacyRights: PrivacyRights;
    /** Sign-in sessions (the IP-truncation task and tests reach into them). */
    sessions: SessionsService;
  }
}

const PERMISSIONS_POLICY = [
  'camera=()',
  'microphone=()',
  'geolocation=()',
  'payment=()',
  'usb=()',
  'serial=()',
  'bluetooth=()',
  'hid=()',
  'midi=()',
  'display-capture=()',
  'browsing-topics=()',
].join(', ');

export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const { config, db, sms } = deps;
  const clock = deps.clock ?? (() => new Date());
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: loggerOptions(config.logLevel) }),
    // A caller's request id is kept so one id follows a request across services.
    requestIdHeader: 'x-request-id',
    genReqId: () => randomUUID(),
    // Fastify takes a hop count at run time (proxy-addr), though its type leaves numbers out.
    trustProxy: config.trustProxy as boolean | string | string[],
    bodyLimit: 1024 * 1024,
    // On shutdown, idle keep-alive sockets close at once; busy ones finish their request.
    forceCloseConnections: 'idle',
    // Unknown fields are an error the client should hear about, not something to drop silently.
    ajv: { customOptions: { removeAdditional: false } },
    // Route-level failures (bad %-escapes, over-long path segments) and socket-level ones
    // answer in the project's error shape too.
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  installErrorHandler(app);
  installSameOriginCheck(app);
  installInputGuard(app);
  // The API speaks JSON only; anything else is a 415, not a string to validate.
  app.removeContentTypeParser('text/plain');

  // Media may come from a CDN or bucket (MEDIA_BASE_URL); the player fetches HLS segments, so connect-src too.
  const mediaOrigin = /^https?:\/\//.test(config.media.baseUrl) ? [new URL(config.media.baseUrl).origin] : [];
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...mediaOrigin],
        mediaSrc: ["'self'", 'blob:', ...mediaOrigin],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'", ...mediaOrigin],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: config.cookieSecure ? [] : null,
      },
    },
    // Same-origin API; the PWA loads nothing cross-origin that needs COEP.
    crossOriginEmbedderPolicy: false,
  });
  // Powerful browser features the app never uses are off for it and anything it embeds
  // (uploads go through a file picker, which needs no camera or microphone permission).
  app.addHook('onSend', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Qiao API',
        version: '0.1.0',
        description:
          'Every error is `{ "error": { "code": string, "message": string, ... } }` with a stable code; ' +
          '429 responses carry Retry-After. Authentication is the HttpOnly `qiao_session` cookie set by POST /api/auth/verify.',
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  const rateLimiter = deps.rateLimiter ?? new MemoryRateLimiter();
  const vault = deps.vault ?? createVault(config);
  const sessions = new SessionsService(db, config.auth.sessionTtlDays, config.sessionCacheMs);
  app.decorate('sessions', sessions);
  // Whoever caches something per account (sessions, the For-you state) forgets it when the
  // account's settings change; the recommender joins once the content modules exist.
  const accountListeners: Array<(userId: string) => void> = [(userId) => sessions.forgetUser(userId)];
  const accountChanged = (userId: string) => accountListeners.forEach((listener) => listener(userId));
  const storage = deps.storage ?? createMediaStorage(config);
  const viewerContexts = new ViewerContexts(db, config.moderation.policy, config.relationsCacheMs);
  accountListeners.push((userId) => viewerContexts.forget(userId));
  const mediaGuard = new MediaGuard(db, config.readCacheMs > 0 ? 3_000 : 0);
  // Cards live long and are forgotten by the writes that change them; a note whose video is processing stays only as long as other reads.
  const noteCaches = memoryNoteCaches(config.cardCacheMs, config.readCacheMs);
  const hydrator = new NoteHydrator(db, storage, noteCaches, config.countsCacheMs, config.recommender.stageBudgets, (noteId, item) =>
    authorNotice(db, config.moderation.policy, noteId, item),
  );
  // A renamed, suspended or erased account: its name line on cached cards goes at once.
  accountListeners.push((userId) => void hydrator.forgetAuthor(userId));
  // Moderation actions tell every cache that holds the item or its author's account.
  const moderationActions = new ActionsService(db, config.moderation.policy, ({ subject, ownerId }) => {
    if (subject.type === 'note') void hydrator.invalidate(subject.id);
    if (ownerId) accountChanged(ownerId);
    mediaGuard.invalidate();
  });
  const gate = new ContentScreening(moderationActions, config.moderation, termScreener(config));
  const profiles = new ProfileService(db, accountChanged, gate);
  const signupGate = new SignupGate(config.moderation.approvalAfterIdleDays);
  const twoFactor = new TwoFactorService({ db, vault, secretKey: deps.secretKey, issuer: config.security.totpIssuer });
  const auth = new AuthService({
    db,
    twoFactor,
    challenges: new SignInChallenges(deps.secretKey, config),
    config,
    secretKey: deps.secretKey,
    sms,
    vault,
    rateLimiter,
    sessions,
    log: (error, message) => app.log.error({ err: error }, message),
    admitNewAccount: (trx, user, now) => signupGate.admit(trx, user, now),
    onSignIn: (trx, user) => cancelDeletionOnSignIn(trx, user),
  });
  const devSmsInbox = config.env !== 'production' && sms.name === 'console';
  const jobs = deps.jobs ?? new JobQueue(db, { supervise: false, onError: (error) => app.log.error({ err: error }, 'job queue error') });
  if (!deps.jobs) app.addHook('onClose', () => jobs.stop());
  const imageScreening = new ImageScreening(db, storage, createImageClassifier(config.moderation.imageClassifier), moderationActions);
  const afterImageUpload = imageScreening.enabled
    ? async (imageId: string) => void (await jobs.send(db, { type: 'screen-image', payload: { imageId } }))
    : undefined;

  await app.register(
    async (api: ApiApp) => {
      installViewer(api, sessions, clock);
      installViewerContext(api, viewerContexts, { regionHeader: config.moderation.regionHeader, clock });
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      await healthRoutes(api, { db });
      const translation = await registerTranslation(api, { config, db, hydrator, rateLimiter, clock });
      await metaRoutes(api, { smsProvider: sms.name, devSmsInbox, translationEnabled: translation.enabled, labels: config.moderation.policy.labels });
      await authRoutes(api, {
        auth,
        sessions,
        clock,
        cookie: { secure: config.cookieSecure, maxAgeSeconds: config.auth.sessionTtlDays * 24 * 60 * 60 },
        regionHeader: config.moderation.regionHeader,
      });
      await meRoutes(api, { profiles, sessions, clock, ownPhone: (user) => revealPhone(db, vault, user) });
      await privacyRoutes(api, { db, vault, clock, lookupsPerDay: config.privacy.phoneLookupsPerDay });
      await twoFactorRoutes(api, { twoFactor, clock });
      await adminRoutes(api, { db });
      await feedFairnessRoutes(api, { db, stageCount: config.recommender.stageBudgets.length, clock });
      await socialRoutes(api, {
        db,
        clock,
        hydrator,
        cacheMs: config.readCacheMs,
        gate,
        onRelationsChange: (a, b) => {
          viewerContexts.forget(a);
          viewerContexts.forget(b);
          // Registered below; relations change only once requests run.
          app.content.timelines.forgetFollowees(a);
          app.content.timelines.forgetFollowees(b);
        },
      });
      await notificationsRoutes(api, { notifications: new NotificationsService(db), clock });
      await devSmsRoutes(api, { sms, enabled: devSmsInbox });
      app.decorate('content', await registerContentModules(api, { config, db, storage, hydrator, clock, gate, afterImageUpload }));
      accountListeners.push((userId) => {
        app.content.recommender.forget(userId);
        app.content.timelines.forgetFollowees(userId);
      });
      await registerPrivacyControls(api, {
        db,
        clock,
        onAccountChange: accountChanged,
        onPrivateChange: () => {
          mediaGuard.invalidate();
          // Every follower's set of approved private accounts changed: rare enough to forget them all.
          viewerContexts.forgetAll();
        },
        flushServed: () => app.content.recommender.served.flush(),
      });
      app.decorate(
        'moderation',
        await registerModeration(api, {
          config,
          db,
          storage,
          actions: moderationActions,
          images: imageScreening,
          translation,
          clock,
          onAccountChange: accountChanged,
        }),
      );
      app.decorate('videos', await registerVideoModules(api, { config, db, storage, jobs, clock }));
      app.decorate(
        'privacyRights',
        await registerPrivacyRights(api, {
          config,
          db,
          storage,
          jobs,
          auth,
          secretKey: deps.secretKey,
          clock,
          ownPhone: (user) => revealPhone(db, vault, user),
          onAccountChange: (userId) => {
            accountChanged(userId);
            mediaGuard.invalidate();
          },
          forgetNotes: (noteIds) => noteIds.forEach((noteId) => void hydrator.invalidate(noteId)),
        }),
      );
    },
    { prefix: '/api' },
  );

  if (storage instanceof LocalDiskStorage) {
    installMediaGuard(app, mediaGuard, async (request) => {
      const token = request.cookies[SESSION_COOKIE];
      const viewer = token ? await sessions.authenticate(token, clock()) : null;
      return viewer ? viewerContexts.forUser(viewer.user, clock()) : viewerContexts.anonymous(visitorCountry(request, config.moderation.regionHeader));
    });
    await serveMedia(app, storage.root);
  }
  const webAppServed = await serveWebApp(app, config.webDistDir);
  app.setNotFoundHandler(async (request, reply) => {
    // Missing API routes and media files are real 404s, never the app shell.
    const wantsPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api') && !request.url.startsWith('/media/');
    if (wantsPage && webAppServed) {
      const visitor = viewerContexts.anonymous(visitorCountry(request, config.moderation.regionHeader));
      const openGraph = await noteOpenGraphTags(hydrator, request.url, `${request.protocol}://${request.host}`, visitor);
      // Someone who asked search engines to stay away (or a private account): noindex on their profile and notes.
      const noindex = await pageIsNoindex(db, request.url);
      if (openGraph || noindex) {
        let shell = await fs.readFile(path.join(config.webDistDir, 'index.html'), 'utf8');
        // A function replacement: note text may hold `$&` or `$\``, which a replacement string would expand.
        if (openGraph) shell = shell.replace(/<title>[^<]*<\/title>/, () => openGraph);
        if (noindex) {
          shell = shell.replace(/<\/head>/i, () => `${NOINDEX_META}\n</head>`);
          reply.header('x-robots-tag', 'noindex');
        }
        return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(shell);
      }
      // Client-side routes (/me, /u/ann) all load the single-page app.
      return reply.header('cache-control', 'no-cache').sendFile('index.html', { cacheControl: false });
    }
    if (wantsPage) {
      return reply
        .status(404)
        .type('text/plain; charset=utf-8')
        .send('The web app is not built. Run `npm start` (it builds apps/web) or `npm run build -w apps/web`.');
    }
    return sendError(reply, 404, { code: 'not_found', message: `No route for ${request.method} ${request.url.split('?')[0]}` });
  });

  return app;
}
