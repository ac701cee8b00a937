import type { ViewerContext } from '../../kernel/viewer-context.js';
import { createHash } from 'node:crypto';
import { TRANSLATION_PROVIDERS, type TranslationConfig, type TranslationProviderName } from '../../config/config.js';
import type { Db } from '../../db/database.js';
import { CircuitBreaker, type CircuitState } from '../../lib/circuit-breaker.js';
import { AppError, badRequest, notFound, tooManyRequests } from '../../lib/errors.js';
import type { RateLimiter } from '../../lib/rate-limiter.js';
import type { NoteHydrator } from '../notes/note-hydrator.js';
import { type MaskedText, maskText, restoreText, TokenMismatchError } from './mask-text.js';
import { isSameLanguage, normaliseSource, normaliseTarget } from './target-language.js';
import { ProviderError, type TranslationProvider } from './translation-provider.js';
import { type CachedTranslation, cachedTranslations, storeTranslations } from './translation-queries.js';
import { type FieldName, loadSource, type TranslationKind, type TranslationSource } from './translation-sources.js';

// One tap translates a note, comment, bio or topic name. Each text is masked
// (hashtags, mentions, links, emoji), looked up in the shared cache by its hash
// and target, and only on a miss sent to the providers in their order, each
// behind its own circuit breaker and a per-call timeout. Provider calls count
// against a per-user (or per-IP) limit; cached answers are free, and identical
// requests in flight share one call.

export interface TranslationView {
  kind: TranslationKind;
  id: string;
  target: string;
  sourceLanguage: string | null;
  provider: string;
  fields: Partial<Record<FieldName, string>>;
}

export interface ProviderStatus {
  name: TranslationProviderName;
  configured: boolean;
  state: CircuitState;
  failures: number;
  lastError: string | null;
}

interface FieldJob {
  field: FieldName;
  text: string;
  hash: string;
  masked: MaskedText;
}

type Settings = Pick<TranslationConfig, 'timeoutMs' | 'ratePerMinute' | 'breakerFailures' | 'breakerCooldownSeconds'>;

const RATE_WINDOW_SECONDS = 60;
const BATCH_CONCURRENCY = 2;
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export const translationDisabled = () => notFound('translation_disabled', 'Translation is not set up on this server.');
const unavailable = (retryAfterSeconds: number) =>
  new AppError(503, 'translation_unavailable', 'Translation is unavailable right now, try again later.', { retryAfterSeconds });

export class TranslationService {
  private readonly breakers = new Map<TranslationProviderName, CircuitBreaker>();
  private readonly inFlight = new Map<string, Promise<Map<string, CachedTranslation>>>();

  constructor(
    private readonly deps: {
      db: Db;
      hydrator: NoteHydrator;
      providers: TranslationProvider[];
      rateLimiter: RateLimiter;
      settings: Settings;
      clock: () => Date;
      log: (message: string, details: Record<string, unknown>) => void;
    },
  ) {
    for (const provider of deps.providers) {
      this.breakers.set(
        provider.name,
        new CircuitBreaker({
          failureThreshold: deps.settings.breakerFailures,
          cooldownMs: deps.settings.breakerCooldownSeconds * 1000,
        }),
      );
    }
  }

  get enabled(): boolean {
    return this.deps.providers.length > 0;
  }

  async translate(input: { kind: TranslationKind; id: string; target: string }, who: { context: ViewerContext; ip: string }): Promise<TranslationView> {
    if (!this.enabled) throw translationDisabled();
    if (!normaliseTarget(input.target)) throw badRequest('unsupported_language', `Translating into "${input.target}" is not supported.`);
    const source = await loadSource(this.deps, input.kind, input.id, who.context);
    return this.translateSource(input, source, who);
  }

  /**
   * Translates a text the caller already loaded and may read (the moderation
   * console reads items hidden from the moderator's own region).
   */
  async translateSource(
    input: { kind: TranslationKind; id: string; target: string },
    source: TranslationSource,
    who: { context: ViewerContext; ip: string },
  ): Promise<TranslationView> {
    if (!this.enabled) throw translationDisabled();
    const target = normaliseTarget(input.target);
    if (!target) throw badRequest('unsupported_language', `Translating into "${input.target}" is not supported.`);
    const jobs = (Object.entries(source.fields) as Array<[FieldName, string]>).map(([field, text]) => ({
      field,
      text,
      hash: sha256(text),
      masked: maskText(text),
    }));
    const translatable = jobs.filter((job) => job.masked.segments.length > 0);
    if (translatable.length === 0) throw badRequest('nothing_to_translate', 'There is no text to translate.');
    const storedLanguage = normaliseSource(source.language);
    if (isSameLanguage(storedLanguage, target)) throw badRequest('same_language', 'This text is already in that language.');

    const order = this.deps.providers.map((provider) => provider.name);
    const cached = await cachedTranslations(this.deps.db, [...new Set(translatable.map((job) => job.hash))], target, order);
    const missing = translatable.filter((job) => !cached.has(job.hash));
    if (missing.length > 0) {
      for (const [hash, translation] of await this.fetchMissing(missing, storedLanguage, target, who)) cached.set(hash, translation);
    }

    const results = translatable.map((job) => cached.get(job.hash)!);
    const sourceLanguage = storedLanguage ?? results.find((result) => result.sourceLanguage)?.sourceLanguage ?? null;
    // Detected only now (no stored language): the provider found the text already in the target language.
    if (isSameLanguage(sourceLanguage, target)) throw badRequest('same_language', 'This text is already in that language.');
    const fields: Partial<Record<FieldName, string>> = {};
    for (const job of jobs) fields[job.field] = cached.get(job.hash)?.translatedText ?? job.text;
    return { kind: input.kind, id: input.id, target, sourceLanguage, provider: results[0]!.provider, fields };
  }

  /** Identical requests in flight share one provider call, and only the one that starts it spends the caller's quota. */
  private fetchMissing(jobs: FieldJob[], source: string | null, target: string, who: { context: ViewerContext; ip: string }) {
    const key = `${target}|${source ?? ''}|${jobs
      .map((job) => job.hash)
      .sort()
      .join(',')}`;
    const pending = this.inFlight.get(key);
    if (pending) return pending;
    const limit = this.deps.rateLimiter.consume(
      who.context.viewerId ? `translate:user:${who.context.viewerId}` : `translate:ip:${who.ip}`,
      this.deps.settings.ratePerMinute,
      RATE_WINDOW_SECONDS,
      this.deps.clock().getTime(),
    );
    if (!limit.allowed) {
      throw tooManyRequests('translation_rate_limited', 'Too many translations for now; wait a moment and try again.', limit.retryAfterSeconds);
    }
    const call = this.callProviders(jobs, source, target).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, call);
    return call;
  }

  private async callProviders(jobs: FieldJob[], source: string | null, target: string): Promise<Map<string, CachedTranslation>> {
    for (const provider of this.deps.providers) {
      const breaker = this.breakers.get(provider.name)!;
      if (!breaker.tryAcquire(this.deps.clock().getTime())) continue;
      let outcome: { texts: string[]; detectedSource: string | null };
      try {
        outcome = await this.runProvider(provider, jobs, source, target);
      } catch (error) {
        const failure = error instanceof ProviderError ? error : new ProviderError((error as Error).message, { cause: error });
        if (failure.countsAsFailure) breaker.recordFailure(failure.message, this.deps.clock().getTime());
        else breaker.release();
        this.deps.log('translation provider failed', { provider: provider.name, error: failure.message, countsAsFailure: failure.countsAsFailure });
        continue;
      }
      breaker.recordSuccess();
      const sourceLanguage = source ?? outcome.detectedSource;
      const rows = jobs.map((job, i) => ({ hash: job.hash, target, provider: provider.name, translatedText: outcome.texts[i]!, sourceLanguage }));
      await storeTranslations(this.deps.db, rows, this.deps.clock());
      return new Map(rows.map((row) => [row.hash, { provider: row.provider, translatedText: row.translatedText, sourceLanguage }]));
    }
    throw unavailable(this.retryAfterSeconds());
  }

  /** Translates every job's segments with one provider, in batches under its request limits; texts come back restored. */
  private async runProvider(provider: TranslationProvider, jobs: FieldJob[], source: string | null, target: string) {
    const segments = jobs.flatMap((job) => job.masked.segments);
    const batches: Array<{ start: number; segments: string[] }> = [];
    let current: { start: number; segments: string[]; chars: number } | null = null;
    segments.forEach((segment, index) => {
      if (!current || current.segments.length >= provider.maxSegments || current.chars + segment.length > provider.maxRequestChars) {
        current = { start: index, segments: [], chars: 0 };
        batches.push(current);
      }
      current.segments.push(segment);
      current.chars += segment.length;
    });

    const translated = new Array<string>(segments.length);
    let detectedSource: string | null = null;
    let next = 0;
    // One failed batch fails the attempt: the other worker stops and its request is abandoned.
    const stop = new AbortController();
    const worker = async () => {
      while (next < batches.length && !stop.signal.aborted) {
        const batch = batches[next++]!;
        const signal = AbortSignal.any([stop.signal, AbortSignal.timeout(this.deps.settings.timeoutMs)]);
        const result = await provider.translate({ segments: batch.segments, source, target, signal });
        if (result.texts.length !== batch.segments.length) throw new ProviderError('answered with the wrong number of texts');
        result.texts.forEach((text, i) => {
          if (text.trim() === '') throw new ProviderError('answered with an empty translation');
          translated[batch.start + i] = text;
        });
        detectedSource ??= result.detectedSource;
      }
    };
    await Promise.all(
      Array.from({ length: Math.min(BATCH_CONCURRENCY, batches.length) }, () =>
        worker().catch((error: unknown) => {
          stop.abort();
          throw error;
        }),
      ),
    );

    let offset = 0;
    const texts = jobs.map((job) => {
      const part = translated.slice(offset, offset + job.masked.segments.length);
      offset += job.masked.segments.length;
      try {
        return restoreText(job.masked, part);
      } catch (error) {
        if (error instanceof TokenMismatchError) throw new ProviderError(`answer rejected: ${error.message}`);
        throw error;
      }
    });
    return { texts, detectedSource };
  }

  /** When every circuit is open, the soonest one lets a trial through; otherwise a short pause. */
  private retryAfterSeconds(): number {
    const nowMs = this.deps.clock().getTime();
    const retryAts = [...this.breakers.values()].map((breaker) => breaker.snapshot(nowMs).retryAtMs);
    if (retryAts.some((at) => at === null)) return 10;
    return Math.max(1, Math.ceil((Math.min(...(retryAts as number[])) - nowMs) / 1000));
  }

  status(): ProviderStatus[] {
    const nowMs = this.deps.clock().getTime();
    const active = this.deps.providers.map((provider) => provider.name);
    const names = [...active, ...TRANSLATION_PROVIDERS.filter((name) => !active.includes(name))];
    return names.map((name) => {
      const snapshot = this.breakers.get(name)?.snapshot(nowMs);
      return {
        name,
        configured: active.includes(name),
        state: snapshot?.state ?? 'closed',
        failures: snapshot?.failures ?? 0,
        lastError: snapshot?.lastError ?? null,
      };
    });
  }
}
