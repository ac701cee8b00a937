import { multipartBody, photoWithExif, uploadImage } from '../media-fixtures.js';
import { type Account, freshCode, nextPhone, type World } from './world.js';

// How to ask each route for something of the target's: one entry per
// "METHOD /path" of the OpenAPI document. The runner sends it as each actor;
// the target is the owner, or the private recluse when the stranger asks.

export interface CellRequest {
  url: string;
  payload?: string | object | Buffer;
  headers?: Record<string, string>;
  /** The actor acts from a session of its own, because the request ends it. */
  freshSession?: boolean;
  remoteAddress?: string;
  /** Puts the caller back as it was, for requests that change the caller itself (deleting the account). */
  restore?: (caller: Account) => Promise<void>;
}

/** `caller` is the signed-in actor, or undefined for the anonymous one. */
export type Scenario = (w: World, target: Account, caller?: Account) => Promise<CellRequest>;

const TUS = { 'tus-resumable': '1.0.0' };

async function asksToFollow(w: World, target: Account): Promise<Account> {
  const requester = await w.freshAccount();
  const response = await w.call('PUT', `/api/users/${target.handle}/follow`, requester);
  if (response.statusCode !== 200) throw new Error(`follow request answered ${response.statusCode}: ${response.body}`);
  return requester;
}
const json = (url: string, payload?: object): CellRequest => ({ url, payload });

export const SCENARIOS: Record<string, Scenario> = {
  'GET /api/health': async () => json('/api/health'),
  'GET /api/meta': async () => json('/api/meta'),
  'POST /api/translations': async (w, target) => json('/api/translations', { kind: 'note', id: await w.note(target), target: 'zh' }),
  'GET /api/admin/translation': async () => json('/api/admin/translation'),
  'POST /api/auth/code': async () => json('/api/auth/code', { phone: nextPhone() }),
  'POST /api/auth/verify': async (w) => {
    const { phone, code, ip } = await freshCode(w.t);
    return { url: '/api/auth/verify', payload: { phone, code }, remoteAddress: ip };
  },
  'POST /api/auth/logout': async () => ({ url: '/api/auth/logout', freshSession: true }),
  'GET /api/me': async () => json('/api/me'),
  'PATCH /api/me': async () => json('/api/me', { bio: 'Hello there' }),
  'GET /api/handles/{handle}': async (_w, target) => json(`/api/handles/${target.handle}`),
  'GET /api/users/{handle}': async (_w, target) => json(`/api/users/${target.handle}`),
  'GET /api/sessions': async () => json('/api/sessions'),
  'DELETE /api/sessions/{id}': async (w, target) => json(`/api/sessions/${await w.sessionId(target)}`),
  // Ends only the caller's other sessions: the one it calls from stays.
  'DELETE /api/sessions': async () => json('/api/sessions?others=true'),
  'GET /api/me/two-factor': async () => json('/api/me/two-factor'),
  'POST /api/me/two-factor/setup': async () => json('/api/me/two-factor/setup'),
  // Without a right code nothing turns on or off, for anyone.
  'POST /api/me/two-factor/confirm': async () => json('/api/me/two-factor/confirm', { code: '000000' }),
  'POST /api/me/two-factor/disable': async () => json('/api/me/two-factor/disable', { code: '000000' }),
  'POST /api/auth/two-factor': async () => json('/api/auth/two-factor', { pendingToken: 'x'.repeat(43), code: '000000' }),
  'GET /api/admin/overview': async () => json('/api/admin/overview'),
  'GET /api/admin/feed-fairness': async () => json('/api/admin/feed-fairness'),

  'PUT /api/notes/{id}/like': async (w, target) => json(`/api/notes/${await w.note(target)}/like`),
  'DELETE /api/notes/{id}/like': async (w, target) => json(`/api/notes/${await w.note(target)}/like`),
  'PUT /api/notes/{id}/collect': async (w, target) => json(`/api/notes/${await w.note(target)}/collect`, {}),
  'DELETE /api/notes/{id}/collect': async (w, target) => json(`/api/notes/${await w.note(target)}/collect`),
  'GET /api/boards': async () => json('/api/boards'),
  'POST /api/boards': async () => json('/api/boards', { name: 'Recipes' }),
  'PATCH /api/boards/{id}': async (w, target) => json(`/api/boards/${await w.board(target)}`, { name: 'Renamed' }),
  'DELETE /api/boards/{id}': async (w, target) => json(`/api/boards/${await w.board(target)}`),
  'GET /api/users/{handle}/boards': async (_w, target) => json(`/api/users/${target.handle}/boards`),
  'GET /api/boards/{id}/notes': async (w, target) => json(`/api/boards/${await w.board(target)}/notes`),

  'POST /api/notes/{id}/comments': async (w, target) => json(`/api/notes/${await w.note(target)}/comments`, { body: 'Nice one' }),
  'GET /api/notes/{id}/comments': async (w, target) => json(`/api/notes/${await w.note(target)}/comments`),
  'GET /api/comments/{id}/replies': async (w, target) => json(`/api/comments/${await w.comment(target, await w.note(target))}/replies`),
  'DELETE /api/comments/{id}': async (w, target) => json(`/api/comments/${await w.comment(target, await w.note(target))}`),
  'PUT /api/comments/{id}/like': async (w, target) => json(`/api/comments/${await w.comment(target, await w.note(target))}/like`),
  'DELETE /api/comments/{id}/like': async (w, target) => json(`/api/comments/${await w.comment(target, await w.note(target))}/like`),
  'PUT /api/comments/{id}/language': async (w, target) => json(`/api/comments/${await w.comment(target, await w.note(target))}/language`, { language: 'en' }),

  'PUT /api/users/{handle}/follow': async (_w, target) => json(`/api/users/${target.handle}/follow`, {}),
  'DELETE /api/users/{handle}/follow': async (_w, target) => json(`/api/users/${target.handle}/follow`),
  'PUT /api/users/{handle}/block': async (w) => json(`/api/users/${(await w.freshAccount()).handle}/block`),
  'DELETE /api/users/{handle}/block': async (_w, target) => json(`/api/users/${target.handle}/block`),
  'PUT /api/users/{handle}/mute': async (_w, target) => json(`/api/users/${target.handle}/mute`),
  'DELETE /api/users/{handle}/mute': async (_w, target) => json(`/api/users/${target.handle}/mute`),
  'GET /api/users/{handle}/followers': async (_w, target) => json(`/api/users/${target.handle}/followers`),
  'GET /api/users/{handle}/following': async (_w, target) => json(`/api/users/${target.handle}/following`),
  'GET /api/me/blocks': async () => json('/api/me/blocks'),
  'GET /api/me/mutes': async () => json('/api/me/mutes'),
  'GET /api/users/{handle}/likes': async (_w, target) => json(`/api/users/${target.handle}/likes`),
  'GET /api/users/{handle}/collects': async (_w, target) => json(`/api/users/${target.handle}/collects`),
  'GET /api/users/{handle}/notes': async (_w, target) => json(`/api/users/${target.handle}/notes`),

  'GET /api/notifications': async () => json('/api/notifications'),
  'GET /api/notifications/unread-count': async () => json('/api/notifications/unread-count'),
  'POST /api/notifications/read': async () => json('/api/notifications/read'),
  'GET /api/dev/sms': async () => json('/api/dev/sms'),

  'POST /api/media/images': async () => {
    const body = multipartBody({}, { name: 'photo.jpg', type: 'image/jpeg', data: await photoWithExif(64, 48) });
    return { url: '/api/media/images', payload: body.payload, headers: body.headers };
  },
  'POST /api/notes': async (w, _target, caller) => {
    // A note needs a picture of the caller's own; the anonymous caller has none to give.
    const imageIds = caller ? [(await uploadImage(w.t, caller.cookie, await photoWithExif(64, 48))).json().image.id] : ['1'];
    return json('/api/notes', { title: 'Hello', body: 'My first note', imageIds });
  },
  'GET /api/notes/{id}': async (w, target) => json(`/api/notes/${await w.note(target)}`),
  'PATCH /api/notes/{id}': async (w, target) => json(`/api/notes/${await w.note(target)}`, { title: 'Edited' }),
  'DELETE /api/notes/{id}': async (w, target) => json(`/api/notes/${await w.note(target)}`),
  'PUT /api/notes/{id}/language': async (w, target) => json(`/api/notes/${await w.note(target)}/language`, { language: 'en' }),
  'POST /api/notes/{id}/not-interested': async (w, target) => json(`/api/notes/${await w.note(target)}/not-interested`),
  'DELETE /api/notes/{id}/not-interested': async (w, target) => json(`/api/notes/${await w.note(target)}/not-interested`),
  'POST /api/notes/{id}/report': async (w, target) => json(`/api/notes/${await w.note(target)}/report`, { reason: 'spam' }),
  'GET /api/me/exports': async () => json('/api/me/exports'),
  'POST /api/me/exports': async () => json('/api/me/exports'),
  // The signed link is the permission: whoever holds it may download, for 7 days.
  'GET /api/exports/{id}/download': async (w) => json(await w.exportLink()),
  // Whose export it is does not change who may open it: administrators only.
  'POST /api/staff/users/{id}/export/open': async (w) => json(`/api/staff/users/${await w.exporterId()}/export/open`, { reason: 'court order 2026/81' }),
  'GET /api/me/deletion': async () => json('/api/me/deletion'),
  'POST /api/me/deletion/code': async (w) => {
    w.t.advance(61); // past the resend gap of the caller's previous code
    return json('/api/me/deletion/code');
  },
  'POST /api/me/deletion': async (w, _target, caller) => {
    if (!caller) return json('/api/me/deletion', { code: '123456' });
    return { ...json('/api/me/deletion', { code: await w.deletionCode(caller) }), restore: (who) => w.keepAccount(who) };
  },
  'DELETE /api/me/deletion': async () => json('/api/me/deletion'),
  'GET /api/videos/{id}': async (w, target) => json(`/api/videos/${await w.video(target)}`),

  'GET /api/feed': async () => json('/api/feed'),
  'GET /api/feed/videos': async () => json('/api/feed/videos'),
  'GET /api/topics/trending': async () => json('/api/topics/trending'),
  'GET /api/topics/{name}': async (w, target) => json(`/api/topics/${await w.topic(target)}`),
  'GET /api/topics/{name}/notes': async (w, target) => json(`/api/topics/${await w.topic(target)}/notes`),
  'POST /api/views': async (w, target) => json('/api/views', { noteIds: [await w.note(target)] }),
  'GET /api/search': async (_w, target) => json(`/api/search?q=${target.handle}`),
  'GET /api/search/suggest': async (_w, target) => json(`/api/search/suggest?q=${target.handle}`),
  'POST /api/events': async (w, target) =>
    json('/api/events', { events: [{ type: 'impression', noteId: await w.note(target), at: w.t.now.getTime(), sessionId: crypto.randomUUID(), seq: 0 }] }),

  'POST /api/reports': async (w, target) => json('/api/reports', { subject: { type: 'note', id: await w.note(target) }, category: 'spam' }),
  'GET /api/me/reports': async () => json('/api/me/reports'),
  'GET /api/me/statements': async () => json('/api/me/statements'),
  'GET /api/me/privacy/staff-access': async () => json('/api/me/privacy/staff-access'),
  'GET /api/staff/users/{id}/phone': async (_w, target) => json(`/api/staff/users/${target.id}/phone`),
  'POST /api/staff/users/{id}/phone/reveal': async (_w, target) => json(`/api/staff/users/${target.id}/phone/reveal`, { reason: 'report #812' }),
  'POST /api/people/lookup-by-phone': async () => json('/api/people/lookup-by-phone', { phones: ['+14155550100'] }),
  'GET /api/me/statements/{id}': async (w, target) => json(`/api/me/statements/${await w.statementFor(target)}`),
  'POST /api/me/statements/{id}/appeal': async (w, target) => json(`/api/me/statements/${await w.statementFor(target)}/appeal`, { text: 'Please look again.' }),
  'GET /api/moderation/policy': async () => json('/api/moderation/policy'),
  'GET /api/moderation/queue': async () => json('/api/moderation/queue'),
  'POST /api/moderation/cases': async (w, target) => json('/api/moderation/cases', { subject: { type: 'note', id: await w.note(target) } }),
  'GET /api/moderation/cases/{id}': async (w, target) => json(`/api/moderation/cases/${await w.caseAbout(target)}`),
  'POST /api/moderation/cases/{id}/claim': async (w, target) => json(`/api/moderation/cases/${await w.caseAbout(target)}/claim`),
  'DELETE /api/moderation/cases/{id}/claim': async (w, target) => json(`/api/moderation/cases/${await w.caseAbout(target)}/claim`),
  'POST /api/moderation/cases/{id}/actions': async (w, target) =>
    json(`/api/moderation/cases/${await w.caseAbout(target)}/actions`, { action: 'dismiss', rule: 'community-guidelines/spam', reason: 'Not spam.' }),
  'GET /api/moderation/appeals': async () => json('/api/moderation/appeals'),
  'POST /api/moderation/appeals/{id}/decision': async (w, target) =>
    json(`/api/moderation/appeals/${await w.appealBy(target)}/decision`, { outcome: 'upheld', reason: 'It was a real shop.' }),
  'GET /api/moderation/audit': async () => json('/api/moderation/audit'),
  'GET /api/admin/moderators': async () => json('/api/admin/moderators'),
  'PUT /api/admin/moderators/{handle}': async (w) => json(`/api/admin/moderators/${(await w.freshAccount()).handle}`, { rulebooks: null, languages: null }),
  'DELETE /api/admin/moderators/{handle}': async (w) => json(`/api/admin/moderators/${w.actingModerator.handle}`),
  'GET /api/me/privacy-controls': async () => json('/api/me/privacy-controls'),
  'PATCH /api/me/privacy-controls': async () => json('/api/me/privacy-controls', { noindex: false }),
  'GET /api/me/follow-requests': async () => json('/api/me/follow-requests'),
  // A new person asks to follow the target (of a public target: follows at once, so approving is the idempotent 200).
  'POST /api/me/follow-requests/{handle}/approve': async (w, target) => json(`/api/me/follow-requests/${(await asksToFollow(w, target)).handle}/approve`),
  'DELETE /api/me/follow-requests/{handle}': async (w, target) => json(`/api/me/follow-requests/${(await asksToFollow(w, target)).handle}`),
  'DELETE /api/me/watch-history': async () => json('/api/me/watch-history'),
  'GET /api/transparency': async () => json('/api/transparency'),
  'GET /api/transparency/statements': async () => json('/api/transparency/statements'),

  'POST /api/uploads/videos': async () => ({
    url: '/api/uploads/videos',
    headers: { ...TUS, 'upload-length': '1000', 'upload-metadata': `filename ${Buffer.from('clip.mp4').toString('base64')}` },
  }),
  'OPTIONS /api/uploads/videos': async () => ({ url: '/api/uploads/videos', headers: TUS }),
  'HEAD /api/uploads/videos/{id}': async (w, target) => ({ url: `/api/uploads/videos/${await w.upload(target)}`, headers: TUS }),
  'PATCH /api/uploads/videos/{id}': async (w, target) => ({
    url: `/api/uploads/videos/${await w.upload(target)}`,
    headers: { ...TUS, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' },
    payload: Buffer.alloc(10),
  }),
  'DELETE /api/uploads/videos/{id}': async (w, target) => ({ url: `/api/uploads/videos/${await w.upload(target)}`, headers: TUS }),
  'OPTIONS /api/uploads/videos/{id}': async (w, target) => ({ url: `/api/uploads/videos/${await w.upload(target)}`, headers: TUS }),
};
