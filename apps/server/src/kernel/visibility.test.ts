import { describe, expect, it } from 'vitest';
import { parseModerationPolicy, rulebookFor } from '../config/moderation-policy.js';
import type { ViewerContext } from './viewer-context.js';
import { decide, decideProfile, decideProfileContent, hidingLabels, mayReadAuthor, NO_MODERATION, type VisibleItem } from './visibility.js';

const policy = parseModerationPolicy({
  rulebooks: {
    cn: { countries: ['CN'], hide: ['gambling'], warn: ['graphic-violence'], adult: ['nudity'] },
    default: { warn: ['graphic-violence'], adult: ['nudity'] },
  },
});

const context = (fields: Partial<ViewerContext> = {}): ViewerContext => ({
  viewerId: 'v',
  role: 'user',
  country: 'US',
  rulebook: rulebookFor(policy, fields.country ?? 'US'),
  adult: true,
  readLanguages: ['en'],
  blocked: new Set(),
  blockedBy: new Set(),
  muted: new Set(),
  hiddenAuthors: new Set(),
  approvedPrivate: new Set(),
  ...fields,
});
const item = (fields: Partial<VisibleItem> = {}): VisibleItem => ({ authorId: 'a', authorStatus: 'active', authorPrivate: false, ...NO_MODERATION, ...fields });
const cn = (fields: Partial<ViewerContext> = {}) => context({ country: 'CN', rulebook: rulebookFor(policy, 'CN'), ...fields });

describe('decide', () => {
  it('hides a label in the rulebook that hides it and nowhere else', () => {
    const gambling = item({ labels: ['gambling'] });
    expect(decide(gambling, cn(), 'discovery')).toEqual({ visible: false, reason: 'region' });
    expect(decide(gambling, context(), 'discovery')).toEqual({ visible: true, warnings: [] });
  });

  it('applies a label scoped to one rulebook only there', () => {
    const scoped = item({ labels: ['restricted@cn'] });
    expect(decide(scoped, cn(), 'direct').visible).toBe(false);
    expect(decide(scoped, context(), 'direct').visible).toBe(true);
  });

  it('puts warn labels behind a warning and adult labels behind age', () => {
    expect(decide(item({ labels: ['graphic-violence'] }), context(), 'direct')).toEqual({ visible: true, warnings: ['graphic-violence'] });
    expect(decide(item({ labels: ['nudity'] }), context({ adult: false }), 'direct')).toEqual({ visible: false, reason: 'adult' });
    expect(decide(item({ labels: ['nudity'] }), context(), 'direct')).toEqual({ visible: true, warnings: [] });
  });

  it('keeps limited notes out of discovery only, muted authors out of feeds only', () => {
    expect(decide(item({ limited: true }), context(), 'discovery').visible).toBe(false);
    expect(decide(item({ limited: true }), context(), 'profile').visible).toBe(true);
    const muting = context({ muted: new Set(['a']), hiddenAuthors: new Set(['a']) });
    expect(decide(item(), muting, 'feed')).toEqual({ visible: false, reason: 'muted' });
    expect(decide(item(), muting, 'profile').visible).toBe(true);
  });

  it('hides held and removed items and suspended authors from everyone but the author', () => {
    for (const hidden of [item({ state: 'held' }), item({ state: 'removed' }), item({ authorStatus: 'suspended' }), item({ labels: ['gambling'] })]) {
      expect(decide(hidden, cn(), 'direct').visible).toBe(false);
      expect(decide(hidden, cn({ viewerId: 'a' }), 'discovery').visible).toBe(true);
    }
  });

  it('hides content across a block both ways', () => {
    expect(decide(item(), context({ blocked: new Set(['a']) }), 'direct')).toEqual({ visible: false, reason: 'blocked' });
  });

  it('gives queries the label entries that hide for the viewer', () => {
    expect(hidingLabels(cn({ adult: false })).sort()).toEqual(['gambling', 'gambling@cn', 'nudity', 'nudity@cn', 'restricted', 'restricted@cn'].sort());
    expect(hidingLabels(context())).toEqual(['restricted', 'restricted@default']);
  });
});

describe('decideProfile', () => {
  it('hides a profile from whoever it blocked, and banned accounts from everyone', () => {
    const user = { id: 'a', labels: [], status: 'active' as const };
    expect(decideProfile(user, context({ blockedBy: new Set(['a']) })).visible).toBe(false);
    // The blocker still sees whom they blocked, to unblock.
    expect(decideProfile(user, context({ blocked: new Set(['a']) })).visible).toBe(true);
    expect(decideProfile({ ...user, status: 'banned' }, context()).visible).toBe(false);
  });
});

describe('parseModerationPolicy', () => {
  it.each([
    [{}, /"rulebooks"/],
    [{ rulebooks: { cn: { countries: ['CN'] } } }, /"default"/],
    [{ rulebooks: { default: { hide: ['casino'] } } }, /unknown label "casino"/],
    [{ rulebooks: { default: {}, cn: { countries: ['china'] } } }, /ISO 3166-1/],
    [{ rulebooks: { default: {}, a: { countries: ['CN'] }, b: { countries: ['CN'] } } }, /CN is in both/],
    [{ rulebooks: { default: { hide: ['spam'], warn: ['spam'] } } }, /both "hide" and "warn"/],
    [{ rulebooks: { default: { block: [] } } }, /unknown key "block"/],
  ])('explains %j', (input, message) => {
    expect(() => parseModerationPolicy(input)).toThrow(message);
  });

  it('takes operator labels and sends unlisted countries to default', () => {
    const own = parseModerationPolicy({ labels: ['crypto-scam'], rulebooks: { default: { hide: ['crypto-scam'] } } });
    expect(own.labels).toContain('crypto-scam');
    expect(rulebookFor(policy, 'cn').name).toBe('cn');
    expect(rulebookFor(policy, 'FR').name).toBe('default');
    expect(rulebookFor(policy, null).name).toBe('default');
  });
});

describe('private accounts', () => {
  const closed = item({ authorPrivate: true });
  it("shows a private author's notes to the author and approved followers only, on every surface", () => {
    for (const surface of ['discovery', 'feed', 'profile', 'direct'] as const) {
      expect(decide(closed, context(), surface)).toEqual({ visible: false, reason: 'private' });
      expect(decide(closed, context({ viewerId: null }), surface).visible).toBe(false);
      expect(decide(closed, context({ approvedPrivate: new Set(['a']) }), surface).visible).toBe(true);
      expect(decide(closed, context({ viewerId: 'a' }), surface).visible).toBe(true);
    }
    // Staff get no pass through the reader paths.
    expect(decide(closed, context({ role: 'admin' }), 'direct').visible).toBe(false);
  });

  it('keeps the other rules for approved followers (a block still hides)', () => {
    expect(decide(closed, context({ approvedPrivate: new Set(['a']), blocked: new Set(['a']) }), 'direct')).toEqual({ visible: false, reason: 'blocked' });
    expect(mayReadAuthor('a', false, context())).toBe(true);
  });

  it("shows a private profile's header to strangers but not its content", () => {
    const user = { id: 'a', labels: [], status: 'active' as const, is_private: true };
    expect(decideProfile(user, context()).visible).toBe(true);
    expect(decideProfileContent(user, context())).toEqual({ visible: false, reason: 'private' });
    expect(decideProfileContent(user, context({ approvedPrivate: new Set(['a']) })).visible).toBe(true);
  });
});
