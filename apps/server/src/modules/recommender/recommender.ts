import type { RecommenderSettings } from '../../config/recommender-settings.js';
import type { Db } from '../../db/database.js';
import { decideLabels, mayReadAuthor } from '../../kernel/visibility.js';
import { TtlCache } from '../../lib/ttl-cache.js';
import { exploreList, followingList, freshList, interestList, popularList, qualityFactor, trendingList, type ViewerFilter } from './candidate-lists.js';
import { TopicNames } from './explanations.js';
import { exploreSample, exploreSeed } from './explore-source.js';
import { type FreshNote, freshNotes } from './fresh-source.js';
import { NoteFacts } from './note-facts.js';
import type { PoolNote } from './pool-note.js';
import { averageQuality, popularNotes } from './popular-source.js';
import type { Candidate, CandidateSource, Recommendation, RecommendRequest } from './recommender-types.js';
import { type Quotas, rerank } from './rerank.js';
import { ServedLog } from './served-log.js';
import { SharedPools } from './shared-pools.js';
import { trendingNotes } from './trending-source.js';
import { type InterestEntry, loadViewerBase, loadViewerPools, type ViewerBase, type ViewerPools, wantPool } from './viewer-state.js';

export interface RecommenderOptions {
  /** How long a viewer's candidate pools are reused (pools shared by all viewers: at most 5 s of it). */
  cacheMs?: number;
  onError?: (error: unknown) => void;
}

/** Shared pools are reused at most this long, however long viewers' pools live. */
const SHARED_MAX_MS = 5_000;
/** A viewer's pool entry is reloaded in the background after this long (so a rebuilt pool shows within it). */
const VIEWER_POOL_MAX_MS = 30_000;
/** Signed-out visitors page through a fixed cold mix of at most this many notes. */
const COLD_MIX_SIZE = 200;
const COLD_PAGE = 20;
/** Non-personalised order: follows first, then trending, then the filler. */
const PLAIN_ORDER: CandidateSource[] = ['following', 'trending', 'popular'];

/**
 * "For you". Each call returns the next page for a viewer: candidates from
 * several sources (the viewer's precomputed interest pool, fresh, following,
 * trending, explore; popular for cold viewers and as filler), each with its
 * quota, re-ranked for author and topic diversity, never repeating what the
 * viewer was served or engaged with (their seen filter), never from blocked or
 * muted authors or the viewer themself. The heavy work (the item model, each
 * person's pool) is done by jobs (similarity-job.ts, pool-builder.ts); a page
 * reads the viewer's pool once per session and otherwise only filters and
 * re-ranks what is in memory. A person without a pool yet (a newcomer) gets
 * the best notes of their segment (read languages × region) until their first
 * signals build one.
 */
export class Recommender {
  private readonly bases: TtlCache<ViewerBase | null>;
  private readonly pools: SharedPools;
  private readonly shared: SharedPools;
  private readonly topicNames: TopicNames;
  private readonly facts: NoteFacts;
  /** Servings of fresh notes by this process in their current stage (the quality job counts impressions later). */
  private readonly freshServings = new Map<string, { stageKey: string; count: number }>();
  readonly served: ServedLog;

  constructor(
    private readonly db: Db,
    private readonly settings: RecommenderSettings,
    options: RecommenderOptions = {},
  ) {
    const cacheMs = options.cacheMs ?? 0;
    this.bases = new TtlCache(cacheMs, 20_000);
    // A viewer's pool (the heavy per-person query) is refreshed in the background
    // while pages keep coming from the previous one: only a session's very first
    // page, or one after a long pause, waits for it.
    this.pools = new SharedPools(Math.min(cacheMs, VIEWER_POOL_MAX_MS), 20_000);
    this.shared = new SharedPools(Math.min(cacheMs, SHARED_MAX_MS));
    this.topicNames = new TopicNames(db);
    this.facts = new NoteFacts(db, Math.min(cacheMs, 30_000));
    this.served = new ServedLog(db, settings.seenDays, options.onError);
  }

  /** Starts writing the served log once a second (the app does; offline evaluation need not). */
  start(): void {
    this.served.start();
  }

  async stop(): Promise<void> {
    await this.served.stop();
  }

  /** Drops a viewer's cached state (they said "not interested", changed a setting…). */
  forget(viewerId: string): void {
    this.bases.delete(viewerId);
    this.pools.delete(`${viewerId}:all`);
    this.pools.delete(`${viewerId}:video`);
  }

  async recommend(request: RecommendRequest): Promise<Recommendation[]> {
    const page = request.context.viewerId === null ? await this.coldPage(request) : await this.viewerPage(request.context.viewerId, request);
    const reasons = await this.topicNames.resolve(page.map((item) => item.reason));
    return page.map((item, i) => ({ noteId: item.noteId, source: item.source, reason: reasons[i]! }));
  }

  private async viewerPage(viewerId: string, request: RecommendRequest): Promise<Candidate[]> {
    const { now, kind, limit, context } = request;
    const base = await this.bases.get(viewerId, () => loadViewerBase(this.db, viewerId, this.served.unwritten(viewerId)));
    if (!base) return [];
    const hidden = context.hiddenAuthors;
    const [pools, shared] = await Promise.all([
      this.pools.get<ViewerPools>(`${viewerId}:${kind ?? 'all'}`, () => loadViewerPools(this.db, base, { now, kind })),
      this.sharedPools(now, kind),
    ]);
    const sizes = listSizes(this.settings.quotas, limit);
    // Only the head of the pool the viewer has not seen yet needs its facts (the pool is best first).
    const unseen: InterestEntry[] = [];
    for (const entry of pools.interest) {
      if (unseen.length >= sizes.interest * 3) break;
      if (!base.servedSince.has(entry.noteId) && !base.seen.has(entry.noteId) && !base.dismissed.has(entry.noteId)) unseen.push(entry);
    }
    const facts = await this.facts.of(
      unseen.map((entry) => entry.noteId),
      () => pools.interest.map((entry) => entry.noteId),
    );
    const freshById = indexById(shared.fresh);
    const following: ViewerFilter = {
      allows: (note) =>
        !base.servedSince.has(note.noteId) &&
        !base.seen.has(note.noteId) &&
        !base.dismissed.has(note.noteId) &&
        note.authorId !== viewerId &&
        !hidden.has(note.authorId) &&
        mayReadAuthor(note.authorId, note.authorPrivate ?? false, context) &&
        inLanguages(note, base.onlyLanguages) &&
        decideLabels(note.labels, context).visible,
      readLanguages: base.readLanguages,
      region: base.region,
      topicWeights: base.topicWeights,
      qualityFactor: (quality) => qualityFactor(quality, shared.average, this.settings.qualityWeight),
    };
    // A note testing a stage whose audience budget is spent waits for the verdict: only its author's followers see it meanwhile.
    const spent = (noteId: string) => {
      const fresh = freshById.get(noteId);
      return fresh !== undefined && this.freshBudgetLeft(fresh) <= 0;
    };
    const filter: ViewerFilter = { ...following, allows: (note) => !spent(note.noteId) && following.allows(note) };
    let page: Candidate[];
    if (!base.personalised) {
      // No personal signals: latest from follows, then trending (then anything, so the feed never ends early).
      const per = Math.max(limit * 3, 30);
      const lists = [followingList(pools.following, following, now, per), trendingList(shared.trending, filter, per), popularList(shared.popular, filter, per)];
      const chosen = rerank(lists.flat(), { limit, quotas: { following: 1 }, maxPerAuthor: this.settings.maxPerAuthor, diversityLambda: 1 });
      page = PLAIN_ORDER.flatMap((source) => chosen.filter((item) => item.source === source));
    } else {
      const interest = interestList(unseen, facts, filter, sizes.interest);
      const quotas: Quotas = { ...this.settings.quotas };
      // A cold viewer (no pool yet, or used up): what the interest slots would hold goes to the best notes of their segment.
      if (interest.length === 0) Object.assign(quotas, { interest: 0, popular: this.settings.quotas.interest });
      // Asked once per loaded pool: the next pages would only repeat the same update until the job rebuilds it.
      if (pools.builtAt && !pools.rebuildAsked && interest.length < limit * 2) {
        pools.rebuildAsked = true;
        void wantPool(this.db, viewerId, kind, now).catch(() => {});
      }
      const seed = exploreSeed(viewerId, now);
      const lists = [
        interest,
        followingList(pools.following, following, now, sizes.following),
        freshList(shared.fresh, filter, (note) => this.freshBudgetLeft(note), this.settings.stageBudgets, sizes.fresh, seed, pools.interestScores),
        trendingList(shared.trending, filter, sizes.trending, pools.interestScores),
        exploreList(shared.explore, filter, sizes.explore, seed),
        // The segment's best only fill what the viewer's own pool cannot: a full pool needs a few spares at most.
        popularList(shared.popular, filter, interest.length >= sizes.interest ? sizes.fresh : sizes.popular),
      ];
      page = rerank(lists.flat(), { limit, quotas, maxPerAuthor: this.settings.maxPerAuthor, diversityLambda: this.settings.diversityLambda });
    }
    this.served.record(viewerId, page, now);
    for (const item of page) base.servedSince.add(item.noteId);
    this.countFreshServings(page, freshById);
    return page;
  }

  /** Signed out: no served log; the visitor pages by offset through a cold mix shared by everyone with the same language. */
  private async coldPage(request: RecommendRequest): Promise<Candidate[]> {
    const { now, kind, context } = request;
    const readLanguages = request.readLanguage ? [request.readLanguage] : [];
    // Visitors under one rulebook share a mix: labels hide notes per rulebook.
    const key = `cold:${kind ?? 'all'}:${readLanguages.join(',')}:${context.rulebook.name}`;
    const mix = await this.shared.get(key, async () => {
      const shared = await this.sharedPools(now, kind);
      const placed = new Set<string>();
      const spent = new Set(shared.fresh.filter((note) => this.stageBudget(note) <= note.stageImpressions).map((note) => note.noteId));
      const filter: ViewerFilter = {
        allows: (note) => !placed.has(note.noteId) && !spent.has(note.noteId) && !note.authorPrivate && decideLabels(note.labels, context).visible,
        readLanguages,
        topicWeights: new Map(),
        qualityFactor: () => 1,
      };
      const { quotas } = this.settings;
      const coldQuotas: Quotas = { popular: quotas.interest + quotas.following + quotas.explore, fresh: quotas.fresh, trending: quotas.trending };
      const result: Candidate[] = [];
      while (result.length < COLD_MIX_SIZE) {
        const lists = [
          popularList(shared.popular, filter, COLD_PAGE * 3),
          freshList(shared.fresh, filter, (note) => this.stageBudget(note) - note.stageImpressions, this.settings.stageBudgets, COLD_PAGE * 3),
          trendingList(shared.trending, filter, COLD_PAGE * 3),
        ];
        const page = rerank(lists.flat(), {
          limit: COLD_PAGE,
          quotas: coldQuotas,
          maxPerAuthor: this.settings.maxPerAuthor,
          diversityLambda: this.settings.diversityLambda,
        });
        if (page.length === 0) break;
        for (const item of page) placed.add(item.noteId);
        result.push(...page);
      }
      return result;
    });
    const offset = request.offset ?? 0;
    return mix.slice(offset, offset + request.limit);
  }

  private async sharedPools(now: Date, kind: 'video' | undefined) {
    const k = kind ?? 'all';
    const [fresh, trending, popular, explore, average] = await Promise.all([
      this.shared.get(`fresh:${k}`, () => freshNotes(this.db, { now, freshHours: this.settings.freshHours, kind })),
      this.shared.get(`trending:${k}`, () => trendingNotes(this.db, { kind })),
      this.shared.get(`popular:${k}`, () => popularNotes(this.db, { kind })),
      this.shared.get(`explore:${k}`, () => exploreSample(this.db, { now, kind })),
      this.shared.get('quality', () => averageQuality(this.db)),
    ]);
    return { fresh, trending, popular, explore, average };
  }

  private stageBudget(note: FreshNote): number {
    const budgets = this.settings.stageBudgets;
    return budgets[note.stage - 1] ?? budgets.at(-1) ?? 0;
  }

  /** Budget minus the larger of the impressions the quality job counted and this process's servings. */
  private freshBudgetLeft(note: FreshNote): number {
    const servings = this.freshServings.get(note.noteId);
    const served = servings?.stageKey === note.stageKey ? servings.count : 0;
    return this.stageBudget(note) - Math.max(note.stageImpressions, served);
  }

  private countFreshServings(page: readonly Candidate[], byId: ReadonlyMap<string, FreshNote>): void {
    if (this.freshServings.size > 100_000) this.freshServings.clear();
    for (const item of page) {
      const note = byId.get(item.noteId);
      if (!note) continue;
      const current = this.freshServings.get(note.noteId);
      this.freshServings.set(note.noteId, { stageKey: note.stageKey, count: current?.stageKey === note.stageKey ? current.count + 1 : 1 });
    }
  }
}

/**
 * How many candidates each source offers a personalised page: three for each
 * slot its quota gives it (so the diversity and author rules have a choice),
 * at least a few; interest and popular, which take the slots other sources
 * leave, enough for the whole page. The re-rank then weighs under a hundred
 * candidates instead of every source's longest list.
 */
function listSizes(quotas: RecommenderSettings['quotas'], limit: number): Record<CandidateSource, number> {
  const total = Object.values(quotas).reduce((sum, share) => sum + Math.max(share, 0), 0) || 1;
  const forQuota = (share: number) => Math.max(6, 3 * Math.ceil((Math.max(share, 0) / total) * limit));
  return {
    interest: Math.max(forQuota(quotas.interest), limit * 2),
    popular: Math.max(forQuota(quotas.interest), limit * 2),
    trending: forQuota(quotas.trending),
    fresh: forQuota(quotas.fresh),
    following: forQuota(quotas.following),
    explore: forQuota(quotas.explore),
  };
}

const byIdIndexes = new WeakMap<readonly FreshNote[], Map<string, FreshNote>>();

/** The shared fresh pool by note id, built once per pool (every page of every viewer looks notes up in it). */
function indexById(notes: readonly FreshNote[]): ReadonlyMap<string, FreshNote> {
  let index = byIdIndexes.get(notes);
  if (!index) {
    index = new Map(notes.map((note) => [note.noteId, note]));
    byIdIndexes.set(notes, index);
  }
  return index;
}

/** "Only these languages": notes in one of them; notes of unknown language (no text to tell) pass. */
function inLanguages(note: PoolNote, languages: readonly string[] | null | undefined): boolean {
  return !languages || note.language === null || languages.includes(note.language);
}
