import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, policyEnv, setUserFields, signUp, TEST_POLICY, type TestUser } from '../../../test/fixtures.js';
import { uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';
import { refreshNoteRanks } from '../feed/feed-queries.js';
import { addLabel } from './labels-queries.js';

// The policy matrix: every rulebook × label × read path × anonymous and
// signed-in viewer gives the outcome the policy file says, through HTTP on the
// real database. The expected outcomes are written out by hand from
// TEST_POLICY (not computed by the code under test).

type Outcome = 'shown' | 'warned' | 'hidden';
const LABELS = ['gambling', 'hate', 'graphic-violence', 'nudity', 'spam', 'political-ad', 'restricted@cn', 'none'] as const;
type Label = (typeof LABELS)[number];

/** TEST_POLICY, read by a person: cn hides gambling, de hides hate, default hides spam; all warn on violence; nudity is adults-only. */
function expected(rulebook: 'cn' | 'de' | 'default', label: Label, adult: boolean): Outcome {
  if (label === 'graphic-violence') return 'warned';
  if (label === 'nudity') return adult ? 'shown' : 'hidden';
  const hidden: Record<string, Label[]> = { cn: ['gambling', 'restricted@cn'], de: ['hate'], default: ['spam'] };
  return hidden[rulebook]!.includes(label) ? 'hidden' : 'shown';
}

interface Viewer {
  name: string;
  rulebook: 'cn' | 'de' | 'default';
  adult: boolean;
  user?: TestUser;
  country?: string;
}

let t: TestApp;
// One author per note: For you shows at most two notes of one author per page.
const notes = new Map<Label, { id: string; word: string; imageKey: string; author: string; commentId?: string }>();
const viewers: Viewer[] = [
  { name: 'signed-in CN adult', rulebook: 'cn', adult: true, country: 'CN' },
  { name: 'signed-in DE adult', rulebook: 'de', adult: true, country: 'DE' },
  { name: 'signed-in US adult', rulebook: 'default', adult: true, country: 'US' },
  { name: 'signed-in US, no age', rulebook: 'default', adult: false, country: 'US' },
  { name: 'anonymous from CN', rulebook: 'cn', adult: false, country: 'CN' },
  { name: 'anonymous from AT', rulebook: 'de', adult: false, country: 'AT' },
  { name: 'anonymous, no country', rulebook: 'default', adult: false },
];
const call = apiCaller(() => t);
const TOPIC = 'matrixtopic';

async function get(viewer: Viewer, url: string) {
  const headers: Record<string, string> = {};
  if (viewer.user) headers.cookie = viewer.user.cookie;
  else if (viewer.country) headers['x-test-country'] = viewer.country;
  return t.app.inject({ method: 'GET', url, headers });
}

beforeAll(async () => {
  t = await createTestApp({ env: { ...policyEnv(TEST_POLICY), REGION_HEADER: 'x-test-country' } });
  for (const [i, label] of LABELS.entries()) {
    const author = await signUp(t, `pm_author${i}`);
    const [image] = await uploadImages(t, author.cookie, 1);
    const word = `matrixword${i}`;
    const created = await call('POST', '/api/notes', author, { title: `note ${word}`, body: `about ${word} #${TOPIC}`, imageIds: [image] });
    if (created.statusCode !== 201) throw new Error(created.body);
    const note = created.json();
    const imageKey = note.images[0].url.replace(/^\/media\//, '');
    notes.set(label, { id: note.id, word, imageKey, author: author.handle });
    if (label !== 'none') {
      const [name, rulebook] = label.split('@') as [string, string | undefined];
      await addLabel(
        t.database.db,
        { type: 'note', id: note.id },
        { label: name, rulebooks: rulebook ? [rulebook] : null, source: 'moderator', reason: 'matrix', by: null, now: t.now },
      );
    }
  }
  // Each label also on a comment, all under the unlabelled note.
  const host = notes.get('none')!;
  for (const [i, label] of LABELS.entries()) {
    const commenter = await signUp(t, `pm_commenter${i}`);
    const comment = await call('POST', `/api/notes/${host.id}/comments`, commenter, { body: `comment ${i}` });
    if (comment.statusCode !== 201) throw new Error(comment.body);
    notes.get(label)!.commentId = comment.json().id;
    if (label !== 'none') {
      const [name, rulebook] = label.split('@') as [string, string | undefined];
      await addLabel(
        t.database.db,
        { type: 'comment', id: comment.json().id },
        { label: name, rulebooks: rulebook ? [rulebook] : null, source: 'moderator', reason: 'matrix', by: null, now: t.now },
      );
    }
  }
  for (const [i, viewer] of viewers.entries()) {
    if (!viewer.name.startsWith('signed-in')) continue;
    viewer.user = await signUp(t, `pm_viewer${i}`);
    await setUserFields(t.database.db, viewer.user.id, { region: viewer.country ?? 'US', birth_date: viewer.adult ? '1990-01-01' : null });
    for (const note of notes.values()) await call('PUT', `/api/users/${note.author}/follow`, viewer.user);
  }
  await refreshNoteRanks(t.database.db, t.now);
});
afterAll(() => t.close());

const forYouPages = new Map<string, Promise<Array<{ id: string; warnings?: string[] }>>>();
function forYouOnce(viewer: Viewer) {
  if (!forYouPages.has(viewer.name))
    forYouPages.set(
      viewer.name,
      get(viewer, '/api/feed?tab=foryou&limit=50').then((response) => response.json().items),
    );
  return forYouPages.get(viewer.name)!;
}

/** What each read path says about one note for one viewer: shown (with or without warnings) or absent. */
type Seen = (viewer: Viewer, label: Label) => Promise<Outcome | 'absent'>;
const inList = (items: Array<{ id: string; warnings?: string[] }>, id: string): Outcome | 'absent' => {
  const item = items.find((entry) => entry.id === id);
  return item ? (item.warnings?.length ? 'warned' : 'shown') : 'absent';
};

const READ_PATHS: Record<string, { signedInOnly?: boolean; seen: Seen }> = {
  'note page': {
    seen: async (viewer, label) => {
      const response = await get(viewer, `/api/notes/${notes.get(label)!.id}`);
      if (response.statusCode === 404) return 'absent';
      return response.json().warnings?.length ? 'warned' : 'shown';
    },
  },
  // A signed-in viewer is never served a note twice: one first page per viewer answers for every label.
  'for you': { seen: async (viewer, label) => inList(await forYouOnce(viewer), notes.get(label)!.id) },
  'topic, latest': {
    seen: async (viewer, label) => inList((await get(viewer, `/api/topics/${TOPIC}/notes?sort=latest&limit=50`)).json().items, notes.get(label)!.id),
  },
  'topic, top': {
    seen: async (viewer, label) => inList((await get(viewer, `/api/topics/${TOPIC}/notes?sort=top&limit=50`)).json().items, notes.get(label)!.id),
  },
  search: {
    seen: async (viewer, label) => inList((await get(viewer, `/api/search?q=${notes.get(label)!.word}&type=notes`)).json().notes, notes.get(label)!.id),
  },
  'profile notes': {
    seen: async (viewer, label) => inList((await get(viewer, `/api/users/${notes.get(label)!.author}/notes?limit=50`)).json().items, notes.get(label)!.id),
  },
  following: {
    signedInOnly: true,
    seen: async (viewer, label) => inList((await get(viewer, '/api/feed?tab=following&limit=50')).json().items, notes.get(label)!.id),
  },
  comments: {
    seen: async (viewer, label) =>
      inList((await get(viewer, `/api/notes/${notes.get('none')!.id}/comments?limit=50`)).json().items, notes.get(label)!.commentId!),
  },
  'media file': {
    seen: async (viewer, label) => {
      const response = await get(viewer, `/media/${notes.get(label)!.imageKey}`);
      // A file carries no warning; a warned note's file is there for the viewer who taps through.
      return response.statusCode === 200 ? 'shown' : 'absent';
    },
  },
};

describe('moderators and media', () => {
  it("lets a moderator load the files of a note hidden in the moderator's own region (to review it)", async () => {
    const mod = await signUp(t, 'pm_mod');
    await setUserFields(t.database.db, mod.id, { role: 'moderator', region: 'CN' });
    const hidden = notes.get('gambling')!;
    expect((await t.app.inject({ url: `/media/${hidden.imageKey}`, headers: { cookie: mod.cookie } })).statusCode).toBe(200);
    expect((await get(viewers[0]!, `/media/${hidden.imageKey}`)).statusCode).toBe(404);
  });

  it('lists the labels people may report in /api/meta', async () => {
    expect((await call('GET', '/api/meta')).json().labels).toContain('ip-infringement');
  });
});

describe('policy matrix', () => {
  it('gives every rulebook × label × read path × viewer the configured outcome', async () => {
    const actual: Record<string, string> = {};
    const wanted: Record<string, string> = {};
    for (const viewer of viewers) {
      for (const [path, read] of Object.entries(READ_PATHS)) {
        if (read.signedInOnly && !viewer.user) continue;
        for (const label of LABELS) {
          const key = `${viewer.name} | ${path} | ${label}`;
          const outcome = label === 'none' ? 'shown' : expected(viewer.rulebook, label, viewer.adult);
          wanted[key] = outcome === 'hidden' ? 'absent' : path === 'media file' ? 'shown' : outcome;
          actual[key] = await read.seen(viewer, label);
        }
      }
    }
    expect(actual).toEqual(wanted);
  }, 120_000);
});
