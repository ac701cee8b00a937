import sharp from 'sharp';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { apiCaller, policyEnv, setUserFields, signUp, TEST_POLICY, type TestUser } from '../../../test/fixtures.js';
import { uploadImage, uploadImages } from '../../../test/media-fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// Term rules and spam signals on real writes: a label rule labels (and the
// rulebooks decide), a hold rule holds, a reject rule refuses, a regional
// reject restricts there only, and the same text from several accounts waits.

const TERMS = ['casino\tgambling\tlabel', '赌博\tgambling\thold', 'kill yourself\tself-harm\treject', '加微信\tspam\treject\tcn'].join('\n');
let t: TestApp;
let cnReader: TestUser;
let usReader: TestUser;
const call = apiCaller(() => t);

function termsFile(text: string): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-terms-')), 'terms.tsv');
  fs.writeFileSync(file, text);
  return file;
}

beforeAll(async () => {
  t = await createTestApp({ env: { ...policyEnv(TEST_POLICY), MODERATION_TERMS_FILE: termsFile(TERMS), MODERATION_NEW_ACCOUNT_HOURS: '0' } });
  cnReader = await signUp(t, 'sg_cn');
  usReader = await signUp(t, 'sg_us');
  await setUserFields(t.database.db, cnReader.id, { region: 'CN' });
});
afterAll(() => t.close());

async function post(who: TestUser, body: string) {
  const [image] = await uploadImages(t, who.cookie, 1);
  return call('POST', '/api/notes', who, { title: 'note', body, imageIds: [image] });
}
const visible = async (who: TestUser, id: string) => (await call('GET', `/api/notes/${id}`, who)).statusCode === 200;

describe('screening on write', () => {
  it('labels, holds, rejects and restricts by the term rules, evasions included', async () => {
    const author = await signUp(t, 'sg_author');
    const labelled = (await post(author, 'Big night at the C4S1N0 tonight')).json();
    expect(labelled.moderation.labels).toMatchObject([{ label: 'gambling', source: 'screening' }]);
    expect([await visible(cnReader, labelled.id), await visible(usReader, labelled.id)]).toEqual([false, true]);

    const held = (await post(author, '一起來賭博吧')).json();
    expect(held.moderation.state).toBe('held');
    expect(await visible(usReader, held.id)).toBe(false);

    const rejected = await post(author, 'just k1ll  y.o.u.r.s.e.l.f');
    expect(rejected.statusCode).toBe(400);
    expect(rejected.json().error.code).toBe('content_rejected');
    const comment = await call('POST', `/api/notes/${labelled.id}/comments`, usReader, { body: 'kill yourself' });
    expect(comment.json().error.code).toBe('content_rejected');

    const regional = (await post(author, '想买的加 微 信')).json();
    expect([await visible(cnReader, regional.id), await visible(usReader, regional.id)]).toEqual([false, true]);
    // Innocent words that contain a term are left alone.
    expect((await post(author, 'An occasional treat: the classic Casablanca film.')).json().moderation).toBeUndefined();
  });

  it('holds the same text once several other accounts posted it today', async () => {
    const text = 'Get thousands of real followers today, cheap and fast, message our team for the best offer';
    const authors = [await signUp(t, 'sg_dup1'), await signUp(t, 'sg_dup2'), await signUp(t, 'sg_dup3')];
    const states = [];
    for (const [i, who] of authors.entries()) {
      const variant = i === 2 ? text.toUpperCase().replace('today', 'TODAY!!!') : text;
      states.push((await post(who, variant)).json().moderation?.state ?? 'live');
    }
    expect(states).toEqual(['live', 'live', 'held']);
  });

  it('explains a bad terms file at start, with its line', () => {
    const env = (terms: string) => ({ MODERATION_TERMS_FILE: termsFile(terms), ...policyEnv(TEST_POLICY) });
    expect(() => loadConfig(env('casino\tgambling\tblok'))).toThrow(/line 1: unknown action "blok"/);
    expect(() => loadConfig(env('# ok\ncasino\tcasinos\tlabel'))).toThrow(/line 2: label "casinos" is not in the policy/);
    expect(() => loadConfig(env('casino\tgambling\tlabel\tmars'))).toThrow(/line 1: there is no rulebook "mars"/);
  });
});

describe('image copies', () => {
  it('holds a note whose picture other accounts posted today, resized or not', async () => {
    const pattern = (width: number) =>
      sharp(
        Buffer.from(
          `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${width}" viewBox="0 0 100 100"><rect width="100" height="100" fill="#fff"/><circle cx="30" cy="40" r="22" fill="#c33"/><rect x="55" y="10" width="35" height="80" fill="#236"/><path d="M0 100 L50 60 L100 100 Z" fill="#2a6"/></svg>`,
        ),
      )
        .jpeg()
        .toBuffer();
    const states = [];
    for (const [i, width] of [640, 800, 500].entries()) {
      const who = await signUp(t, `sg_pic${i}`);
      const uploaded = await uploadImage(t, who.cookie, await pattern(width));
      expect(uploaded.statusCode, uploaded.body).toBe(201);
      const note = await call('POST', '/api/notes', who, { title: `my photo ${i}`, body: `original words number ${i}`, imageIds: [uploaded.json().image.id] });
      states.push(note.json().moderation?.state ?? 'live');
    }
    expect(states).toEqual(['live', 'live', 'held']);
  });
});
