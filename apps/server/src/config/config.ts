import { type PrivacyRightsConfig, privacyRightsConfig } from './privacy-rights-config.js';
import path from 'node:path';
import { bool, ConfigError, type Env, int, oneOf, parseJson } from './env-values.js';
import { isLoopbackHost, type SecurityConfig, securityConfig } from './security-config.js';
import { type ModerationConfig, moderationConfig } from './moderation-config.js';
import { type PrivacyConfig, privacyConfig } from './privacy-config.js';
import { repoRoot } from './repo-root.js';
import { DEFAULT_RECOMMENDER_SETTINGS, mergeRecommenderSettings, type RecommenderSettings } from './recommender-settings.js';

// The only module that reads process.env. Everything else receives a typed Config.

export type SmsProviderName = 'console' | 'twilio';

export const TRANSLATION_PROVIDERS = ['libretranslate', 'deepl', 'openai'] as const;
export type TranslationProviderName = (typeof TRANSLATION_PROVIDERS)[number];

export interface TranslationConfig {
  /** Providers to try, in order; empty turns translation off. */
  providers: TranslationProviderName[];
  libretranslate: { url: string; apiKey: string } | null;
  deepl: { apiKey: string; apiUrl: string } | null;
  openai: { baseUrl: string; apiKey: string; model: string } | null;
  /** Each provider request gives up after this long. */
  timeoutMs: number;
  /** Provider calls per user (or per IP when signed out) per minute; cached answers are free. */
  ratePerMinute: number;
  /** Consecutive failures that open a provider's circuit, and how long it stays open. */
  breakerFailures: number;
  breakerCooldownSeconds: number;
}

export interface RateLimitConfig {
  /** Code requests allowed from one IP address per window. */
  codeRequestsPerIp: number;
  /** Verification attempts allowed from one IP address per window. */
  verifyAttemptsPerIp: number;
  /** Length of the per-IP window, in seconds. */
  ipWindowSeconds: number;
  /** Codes sent to one number per hour (the 60 s resend gap applies too). */
  codesPerNumberPerHour: number;
  /** Codes sent to one number per day. */
  codesPerNumberPerDay: number;
  /** SMS per hour to one country calling code (+44, +1…), and to everyone: SMS-pumping budgets. */
  smsPerHourPerCountryCode: number;
  smsPerHour: number;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: string;
  dataDir: string;
  /** null means: start the embedded PostgreSQL under dataDir. */
  databaseUrl: string | null;
  /** 0 picks a free port each start. */
  embeddedPgPort: number;
  databasePoolSize: number;
  /** Run the hot marked queries as prepared statements (db/prepared.ts); off behind a pooler that drops them. */
  databasePreparedStatements: boolean;
  /** Secret used to hash codes and sign nothing else; generated under dataDir when unset. */
  secretKey: string | null;
  cookieSecure: boolean;
  /** The development SMS inbox lists every code; on a non-loopback HOST it needs this explicit yes. */
  devSmsInboxAllowRemote: boolean;
  security: SecurityConfig;
  /**
   * Which X-Forwarded-For hops to believe: false (none), a number of proxies in front of the
   * server, or the proxies' addresses/CIDRs. Never "all": a client could name its own IP.
   */
  trustProxy: false | number | string[];
  webDistDir: string;
  /** How long hot read paths (note cards and pages) may serve cached rows; 0 turns the cache off. */
  readCacheMs: number;
  /**
   * How long the shared card cache keeps a note's card and page and an author's name line.
   * Writes through this process forget entries at once; this bounds what a write made by another
   * process (a worker, a second instance without a shared cache) can leave stale. 0 turns it off.
   */
  cardCacheMs: number;
  /** How long like, collect and comment counts on cards and note pages may lag (likes and comments through this process show at once). */
  countsCacheMs: number;
  /** How long a process may trust a session it looked up (revocations elsewhere wait this long); 0 turns it off. */
  sessionCacheMs: number;
  /** How long a viewer's blocks, mutes and approved private follows are reused (writes through this process forget them at once). */
  relationsCacheMs: number;
  /** Build the demo world on an empty database. */
  demoContent: boolean;
  media: {
    /** Local storage root (under dataDir by default). */
    dir: string;
    /** Public URL prefix of stored files: /media, or a CDN in front of them. */
    baseUrl: string;
    maxImageBytes: number;
    /** Images one person may upload per sliding hour and day (each costs a decode and three encodes). */
    imageUploads: { perHour: number; perDay: number };
    /** Set when media live in an S3-compatible bucket instead of local disk. */
    s3: {
      bucket: string;
      region: string;
      /** For S3-compatible services (MinIO, Cloudflare R2, Backblaze B2…); empty for AWS. */
      endpoint: string;
      accessKeyId: string;
      secretAccessKey: string;
      /** MinIO and most self-hosted services need path-style URLs (endpoint/bucket/key). */
      forcePathStyle: boolean;
    } | null;
  };
  sms: {
    provider: SmsProviderName;
    twilio: {
      accountSid: string;
      authToken: string;
      from: string;
      messagingServiceSid: string;
      apiUrl: string;
    };
  };
  auth: {
    codeTtlSeconds: number;
    resendAfterSeconds: number;
    maxCodeAttempts: number;
    sessionTtlDays: number;
  };
  rateLimits: RateLimitConfig;
  translation: TranslationConfig;
  /** The feed's knobs: signal weights, stages, quotas (REC_SETTINGS overrides the defaults). */
  recommender: RecommenderSettings;
  /** How long a viewer's For-you candidate pool is reused before it is recomputed; 0 recomputes on every page. */
  recommenderCacheMs: number;
  /** Run background jobs (video transcoding…) in this process; false makes a web-only process. */
  worker: boolean;
  moderation: ModerationConfig;
  /** Encryption of personal data at rest, its keys, and phone look-ups. */
  privacy: PrivacyConfig;
  privacyRights: PrivacyRightsConfig;
  video: {
    /** Unfinished tus uploads live here until they complete or expire. */
    uploadsDir: string;
    maxUploadBytes: number;
    maxDurationSeconds: number;
    /** Explicit binaries; null means the system's ffmpeg/ffprobe on PATH, else the bundled ones. */
    ffmpegPath: string | null;
    ffprobePath: string | null;
    /** Encoder threads per rendition: a small machine (2 cores) stays responsive while transcoding. */
    ffmpegThreads: number;
    /** Resumable uploads one person may start per UTC day, and the bytes they may declare in all. */
    uploadsPerDay: number;
    uploadBytesPerDay: number;
    /** New uploads are refused while the uploads directory's disk has less free space than this. */
    minFreeDiskBytes: number;
  };
}

function recommenderSettings(env: Env): RecommenderSettings {
  if (!env.REC_SETTINGS) return DEFAULT_RECOMMENDER_SETTINGS;
  try {
    return mergeRecommenderSettings(DEFAULT_RECOMMENDER_SETTINGS, parseJson(env.REC_SETTINGS, 'REC_SETTINGS'));
  } catch (error) {
    throw new ConfigError((error as Error).message);
  }
}

const ADDRESS_OR_CIDR = /^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-f:]+)(?:\/\d{1,3})?$/i;

function trustProxy(env: Env): Config['trustProxy'] {
  const raw = env.TRUST_PROXY?.trim().toLowerCase();
  if (!raw || raw === 'false' || raw === '0' || raw === 'no' || raw === 'off') return false;
  if (raw === 'true' || raw === 'yes' || raw === 'on') {
    throw new ConfigError(
      'TRUST_PROXY=true would believe any X-Forwarded-For a client writes; set the number of proxies in front of the server (e.g. TRUST_PROXY=1) or their addresses (e.g. TRUST_PROXY=10.0.0.0/8,127.0.0.1)',
    );
  }
  if (/^\d+$/.test(raw)) return Number(raw);
  const addresses = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  const bad = addresses.find((entry) => !ADDRESS_OR_CIDR.test(entry));
  if (bad) throw new ConfigError(`TRUST_PROXY: "${bad}" is neither a number of proxies nor an address or CIDR range`);
  return addresses;
}

function s3Config(env: Env): Config['media']['s3'] {
  if (!env.S3_BUCKET) return null;
  if (!env.S3_ACCESS_KEY_ID || !env.S3_SECRET_ACCESS_KEY) {
    throw new ConfigError('S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  }
  if (!env.MEDIA_BASE_URL || !/^https?:\/\//.test(env.MEDIA_BASE_URL)) {
    throw new ConfigError('S3_BUCKET needs MEDIA_BASE_URL: the public URL of the bucket or of a CDN in front of it');
  }
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION || 'us-east-1',
    endpoint: env.S3_ENDPOINT || '',
    accessKeyId: env.S3_ACCESS_KEY_ID,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY,
    forcePathStyle: bool(env, 'S3_FORCE_PATH_STYLE', Boolean(env.S3_ENDPOINT)),
  };
}

function translationConfig(env: Env): TranslationConfig {
  const libretranslate = env.LIBRETRANSLATE_URL ? { url: env.LIBRETRANSLATE_URL.replace(/\/+$/, ''), apiKey: env.LIBRETRANSLATE_API_KEY ?? '' } : null;
  const deeplKey = env.DEEPL_API_KEY ?? '';
  // DeepL's free keys end in ":fx" and only work against the free API host.
  const deepl = deeplKey
    ? {
        apiKey: deeplKey,
        apiUrl: (env.DEEPL_API_URL || (deeplKey.endsWith(':fx') ? 'https://api-free.deepl.com' : 'https://api.deepl.com')).replace(/\/+$/, ''),
      }
    : null;
  const openai = env.OPENAI_BASE_URL
    ? { baseUrl: env.OPENAI_BASE_URL.replace(/\/+$/, ''), apiKey: env.OPENAI_API_KEY ?? '', model: env.OPENAI_MODEL || 'gpt-4o-mini' }
    : null;
  const configured = { libretranslate, deepl, openai };
  let providers = TRANSLATION_PROVIDERS.filter((name) => configured[name] !== null);
  if (env.TRANSLATE_PROVIDERS) {
    const listed = env.TRANSLATE_PROVIDERS.split(',')
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean);
    for (const name of listed) {
      if (!(TRANSLATION_PROVIDERS as readonly string[]).includes(name)) {
        throw new ConfigError(`TRANSLATE_PROVIDERS: unknown provider "${name}" (use ${TRANSLATION_PROVIDERS.join(', ')})`);
      }
      const needs = { libretranslate: 'LIBRETRANSLATE_URL', deepl: 'DEEPL_API_KEY', openai: 'OPENAI_BASE_URL' }[name as TranslationProviderName];
      if (configured[name as TranslationProviderName] === null) throw new ConfigError(`TRANSLATE_PROVIDERS lists ${name}, which needs ${needs}`);
    }
    providers = [...new Set(listed)] as TranslationProviderName[];
  }
  return {
    providers,
    libretranslate,
    deepl,
    openai,
    timeoutMs: int(env, 'TRANSLATE_TIMEOUT_MS', 8000, 1),
    ratePerMinute: int(env, 'TRANSLATE_RATE_PER_MINUTE', 30, 1),
    breakerFailures: int(env, 'TRANSLATE_BREAKER_FAILURES', 5, 1),
    breakerCooldownSeconds: int(env, 'TRANSLATE_BREAKER_COOLDOWN_SECONDS', 60, 1),
  };
}

export function loadConfig(env: Env = process.env): Config {
  const nodeEnv = oneOf(env, 'NODE_ENV', ['development', 'production', 'test'] as const, 'development');
  const smsProvider = oneOf(env, 'SMS_PROVIDER', ['console', 'twilio'] as const, 'console');
  const twilio = {
    accountSid: env.TWILIO_ACCOUNT_SID ?? '',
    authToken: env.TWILIO_AUTH_TOKEN ?? '',
    from: env.TWILIO_FROM ?? '',
    messagingServiceSid: env.TWILIO_MESSAGING_SERVICE_SID ?? '',
    apiUrl: (env.TWILIO_API_URL || 'https://api.twilio.com').replace(/\/+$/, ''),
  };
  if (smsProvider === 'twilio') {
    if (!twilio.accountSid || !twilio.authToken) {
      throw new ConfigError('SMS_PROVIDER=twilio needs TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN');
    }
    if (!twilio.from && !twilio.messagingServiceSid) {
      throw new ConfigError('SMS_PROVIDER=twilio needs TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID');
    }
  }
  const host = env.HOST || 'localhost';
  const devSmsInboxAllowRemote = bool(env, 'DEV_SMS_INBOX_ALLOW_REMOTE', false);
  // Outside production the console provider's inbox hands every sign-in code to whoever asks:
  // reachable from other machines it would sign anyone in as anyone.
  if (nodeEnv !== 'production' && smsProvider === 'console' && !isLoopbackHost(host) && !devSmsInboxAllowRemote) {
    throw new ConfigError(
      `HOST=${host} is not a loopback address, and with NODE_ENV=${nodeEnv} and the console SMS provider the development SMS inbox ` +
        '(/api/dev/sms) would show every sign-in code to anyone who can reach it. Use HOST=127.0.0.1, NODE_ENV=production, ' +
        'a real SMS provider, or set DEV_SMS_INBOX_ALLOW_REMOTE=true if you really mean it.',
    );
  }
  const secretKey = env.SECRET_KEY || null;
  if (secretKey !== null && secretKey.length < 32) {
    throw new ConfigError('SECRET_KEY must be at least 32 characters');
  }
  return {
    env: nodeEnv,
    host,
    port: int(env, 'PORT', 3000),
    logLevel: env.LOG_LEVEL || (nodeEnv === 'test' ? 'silent' : 'info'),
    dataDir: path.resolve(repoRoot, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    embeddedPgPort: int(env, 'EMBEDDED_PG_PORT', 0),
    databasePoolSize: int(env, 'DATABASE_POOL_SIZE', 20, 1),
    databasePreparedStatements: bool(env, 'DB_PREPARED_STATEMENTS', true),
    secretKey,
    cookieSecure: bool(env, 'COOKIE_SECURE', nodeEnv === 'production'),
    devSmsInboxAllowRemote,
    security: securityConfig(env),
    trustProxy: trustProxy(env),
    webDistDir: path.resolve(repoRoot, env.WEB_DIST_DIR || 'apps/web/dist'),
    demoContent: bool(env, 'DEMO_CONTENT', nodeEnv !== 'production'),
    readCacheMs: int(env, 'READ_CACHE_MS', 1000),
    cardCacheMs: int(env, 'CARD_CACHE_MS', int(env, 'READ_CACHE_MS', 1000) > 0 ? 300_000 : 0),
    countsCacheMs: int(env, 'COUNTS_CACHE_MS', int(env, 'READ_CACHE_MS', 1000) > 0 ? 10_000 : 0),
    sessionCacheMs: int(env, 'SESSION_CACHE_MS', 10_000),
    relationsCacheMs: int(env, 'RELATIONS_CACHE_MS', int(env, 'READ_CACHE_MS', 1000) > 0 ? 5_000 : 0),
    media: {
      dir: path.resolve(repoRoot, env.DATA_DIR || 'data', 'media'),
      baseUrl: (env.MEDIA_BASE_URL || '/media').replace(/\/+$/, ''),
      maxImageBytes: 20 * 1024 * 1024,
      imageUploads: { perHour: int(env, 'IMAGE_UPLOADS_PER_HOUR', 120, 1), perDay: int(env, 'IMAGE_UPLOADS_PER_DAY', 600, 1) },
      s3: s3Config(env),
    },
    sms: { provider: smsProvider, twilio },
    auth: {
      codeTtlSeconds: 300,
      resendAfterSeconds: 60,
      maxCodeAttempts: 5,
      sessionTtlDays: int(env, 'SESSION_TTL_DAYS', 90, 1),
    },
    rateLimits: {
      codeRequestsPerIp: int(env, 'RATE_LIMIT_CODES_PER_IP', 60, 1),
      verifyAttemptsPerIp: int(env, 'RATE_LIMIT_VERIFY_PER_IP', 300, 1),
      ipWindowSeconds: int(env, 'RATE_LIMIT_IP_WINDOW_SECONDS', 600, 1),
      codesPerNumberPerHour: int(env, 'RATE_LIMIT_CODES_PER_NUMBER_HOUR', 5, 1),
      codesPerNumberPerDay: int(env, 'RATE_LIMIT_CODES_PER_NUMBER_DAY', 10, 1),
      smsPerHourPerCountryCode: int(env, 'SMS_PER_HOUR_PER_COUNTRY_CODE', 3000, 1),
      smsPerHour: int(env, 'SMS_PER_HOUR', 20000, 1),
    },
    translation: translationConfig(env),
    recommender: recommenderSettings(env),
    recommenderCacheMs: int(env, 'REC_CACHE_MS', int(env, 'READ_CACHE_MS', 1000) > 0 ? 120_000 : 0),
    worker: bool(env, 'WORKER', true),
    moderation: moderationConfig(env),
    privacy: privacyConfig(env),
    privacyRights: privacyRightsConfig(env),
    video: {
      uploadsDir: path.resolve(repoRoot, env.DATA_DIR || 'data', 'uploads'),
      maxUploadBytes: 1024 * 1024 * 1024,
      maxDurationSeconds: 15 * 60,
      ffmpegPath: env.FFMPEG_PATH || null,
      ffprobePath: env.FFPROBE_PATH || null,
      ffmpegThreads: int(env, 'FFMPEG_THREADS', 2, 1),
      uploadsPerDay: int(env, 'VIDEO_UPLOADS_PER_DAY', 30, 1),
      uploadBytesPerDay: int(env, 'VIDEO_UPLOAD_MB_PER_DAY', 10 * 1024, 1) * 1024 * 1024,
      minFreeDiskBytes: int(env, 'UPLOADS_MIN_FREE_DISK_MB', 2048, 0) * 1024 * 1024,
    },
  };
}
