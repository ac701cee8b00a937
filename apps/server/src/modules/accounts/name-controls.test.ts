import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiCaller, signUp, type TestUser } from '../../../test/fixtures.js';
import { createTestApp, type TestApp } from '../../../test/test-app.js';

// Impersonation by invisible characters: a right-to-left override, an isolate,
// a direction mark or a zero-width space makes a name look like someone else's.
let t: TestApp;
const call = apiCaller(() => t);
let ann: TestUser;
beforeAll(async () => {
  t = await createTestApp();
  ann = await signUp(t, 'name_owner');
});
afterAll(() => t.close());

const CONTROLS = ['\u202E', '\u202A', '\u2066', '\u2069', '\u200E', '\u200F', '\u061C', '\u200B', '\u2060', '\uFEFF'];

describe('hidden characters in names', () => {
  it('refuses them in a display name, and changes nothing', async () => {
    for (const control of CONTROLS) {
      const response = await call('PATCH', '/api/me', ann, { displayName: `Qiao${control}Team` });
      expect(response.statusCode, JSON.stringify(control)).toBe(400);
      expect(response.json().error.code).toBe('display_name_hidden_characters');
    }
    expect((await call('GET', '/api/me', ann)).json().displayName).toBe('name owner');
  });

  it('keeps joiners that scripts and emoji need', async () => {
    for (const name of ['👨\u200D👩\u200D👧 family', 'می\u200Cخواهم']) {
      const response = await call('PATCH', '/api/me', ann, { displayName: name });
      expect(response.statusCode, name).toBe(200);
      expect(response.json().displayName).toBe(name);
    }
  });

  it('strips reordering controls from a bio but keeps direction marks', async () => {
    const response = await call('PATCH', '/api/me', ann, { bio: 'hi \u202Eevil\u202C and \u2067isolated\u2069 مرحبا\u200F!' });
    expect(response.statusCode).toBe(200);
    expect(response.json().bio).toBe('hi evil and isolated مرحبا\u200F!');
  });

  it('refuses them in a board name, created or renamed', async () => {
    const refused = await call('POST', '/api/boards', ann, { name: 'Trips\u202E' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('board_name_hidden_characters');
    const board = await call('POST', '/api/boards', ann, { name: 'Trips' });
    expect(board.statusCode).toBe(201);
    const renamed = await call('PATCH', `/api/boards/${board.json().id}`, ann, { name: 'Tr\u200Bips' });
    expect(renamed.statusCode).toBe(400);
    expect(renamed.json().error.code).toBe('board_name_hidden_characters');
    expect((await call('GET', '/api/boards', ann)).json().items.map((b: { name: string }) => b.name)).toContain('Trips');
  });
});
