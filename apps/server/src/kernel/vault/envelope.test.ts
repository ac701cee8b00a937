import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvelopeError, FORMAT_AES_256_GCM, newKey, open, seal } from '../../lib/envelope-crypto.js';
import { LocalKeyring, UnknownMasterKeyError } from '../../lib/key-manager.js';
import { addLocalMasterKey, loadOrCreateLocalSecrets, secretsFile } from '../../lib/local-secrets.js';
import { redactPhoneNumbers, redactUrl } from '../../lib/log-redaction.js';
import { privacyConfig } from '../../config/privacy-config.js';
import { localKeyringState } from './create-vault.js';

describe('sealed boxes', () => {
  it('round-trip, start with a format byte, and refuse another key, another place or a flipped bit', () => {
    const key = newKey();
    const box = seal(key, Buffer.from('+14155552671'), 'users.phone:7');
    expect(box[0]).toBe(FORMAT_AES_256_GCM);
    expect(box.includes(Buffer.from('4155552671'))).toBe(false);
    expect(open(key, box, 'users.phone:7').toString()).toBe('+14155552671');
    // Same plaintext, fresh nonce: equal numbers do not give equal ciphertexts.
    expect(seal(key, Buffer.from('+14155552671'), 'users.phone:7').equals(box)).toBe(false);
    expect(() => open(newKey(), box, 'users.phone:7')).toThrow(EnvelopeError);
    expect(() => open(key, box, 'users.phone:8')).toThrow(EnvelopeError);
    const flipped = Buffer.from(box);
    flipped[20] = flipped[20]! ^ 1;
    expect(() => open(key, flipped, 'users.phone:7')).toThrow(EnvelopeError);
    const future = Buffer.from(box);
    future[0] = 2;
    expect(() => open(key, future, 'users.phone:7')).toThrow(/format 2/);
  });
});

describe('the local keyring', () => {
  it('keeps old secrets.json files working: adds the new fields, never replaces the old ones', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-secrets-'));
    fs.writeFileSync(secretsFile(dir), JSON.stringify({ secretKey: 'old-secret', embeddedPgPassword: 'old-password' }));
    const upgraded = loadOrCreateLocalSecrets(dir);
    expect(upgraded).toMatchObject({ secretKey: 'old-secret', embeddedPgPassword: 'old-password', currentMasterKeyId: 'local-1' });
    expect(Buffer.from(upgraded.masterKeys['local-1']!, 'base64')).toHaveLength(32);
    expect(Buffer.from(upgraded.phoneIndexKey, 'base64')).toHaveLength(32);
    expect(loadOrCreateLocalSecrets(dir)).toEqual(upgraded);
    expect(fs.statSync(secretsFile(dir)).mode & 0o777).toBe(0o600);

    const added = addLocalMasterKey(dir);
    const rotated = loadOrCreateLocalSecrets(dir);
    expect(added).toBe('local-2');
    expect(rotated.currentMasterKeyId).toBe('local-2');
    expect(rotated.masterKeys['local-1']).toBe(upgraded.masterKeys['local-1']);
    expect(rotated.phoneIndexKey).toBe(upgraded.phoneIndexKey);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('follows a rotation made by another process: reloads on an unknown key id and, for wraps, after its refresh time', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-keyring-'));
    let now = 0;
    const server = new LocalKeyring(
      () => localKeyringState(dir),
      10_000,
      () => now,
    );
    const before = await server.wrap(newKey(), 'user:1');
    expect(before.keyId).toBe('local-1');
    addLocalMasterKey(dir); // `keys rotate` in another process
    const rotator = new LocalKeyring(() => localKeyringState(dir));
    const dataKey = newKey();
    const after = await rotator.wrap(dataKey, 'user:2');
    expect(after.keyId).toBe('local-2');
    // The server has not seen local-2 yet, and unwraps it anyway.
    expect((await server.unwrap(after.keyId, after.wrapped, 'user:2')).equals(dataKey)).toBe(true);
    expect((await rotator.unwrap(before.keyId, before.wrapped, 'user:1')).length).toBe(32);
    now += 10_000;
    expect((await server.wrap(newKey(), 'user:3')).keyId).toBe('local-2');
    await expect(server.unwrap('gone', after.wrapped, 'user:2')).rejects.toThrow(UnknownMasterKeyError);
    // A wrapped key moved to another user does not unwrap.
    await expect(server.unwrap(after.keyId, after.wrapped, 'user:3')).rejects.toThrow(EnvelopeError);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('key configuration', () => {
  const key = () => newKey().toString('base64');
  it('takes MASTER_KEY with its id and older keys from MASTER_KEYRING, and refuses malformed keys', () => {
    const [a, b] = [key(), key()];
    const config = privacyConfig({ MASTER_KEY: a, MASTER_KEY_ID: 'k2', MASTER_KEYRING: `k1:${b}` });
    expect(config.masterKeyring?.currentId).toBe('k2');
    expect([...config.masterKeyring!.keys.keys()].sort()).toEqual(['k1', 'k2']);
    expect(privacyConfig({}).masterKeyring).toBeNull();
    expect(privacyConfig({ PHONE_INDEX_KEY: a }).phoneIndexKey).toHaveLength(32);
    expect(() => privacyConfig({ MASTER_KEY: 'c2hvcnQ=' })).toThrow(/32 random bytes/);
    expect(() => privacyConfig({ MASTER_KEYRING: `k1:${a}`, MASTER_KEY_ID: 'k9' })).toThrow(/not in MASTER_KEYRING/);
    expect(() => privacyConfig({ MASTER_KEYRING: 'nonsense' })).toThrow(/MASTER_KEYRING/);
    expect(() => privacyConfig({ PHONE_INDEX_KEY: 'abc' })).toThrow(/PHONE_INDEX_KEY/);
  });
});

describe('log redaction', () => {
  it('scrubs numbers in every spelling and leaves dates and short numbers', () => {
    for (const spelling of ['+1 415 555 2671', '+14155552671', '(415) 555-2671', '415-555-2671', '14155552671', '+55 11 98765-0176']) {
      expect(redactPhoneNumbers(`The 'To' number ${spelling} is not valid`)).toBe(`The 'To' number [phone] is not valid`);
    }
    expect(redactPhoneNumbers('at 2026-12-07T09:00:00Z, 12 rows, port 5432')).toBe('at 2026-12-07T09:00:00Z, 12 rows, port 5432');
    expect(redactUrl('/api/dev/sms?to=%2B14155552671&limit=5')).toBe('/api/dev/sms?to=%5Bphone%5D&limit=5');
    expect(redactUrl('/api/notes/12')).toBe('/api/notes/12');
  });
});
