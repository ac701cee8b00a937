import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

// Secrets at rest (the TOTP seed): AES-256-GCM under a key derived with HKDF from the
// app's SECRET_KEY, bound to the owner's id so a sealed value copied to another row does
// not open. Interim: when per-user envelope encryption (the privacy vault) lands, only
// sealForUser/openForUser change to use the user's data key; callers stay as they are.

const VERSION = 1;

function keyFor(secretKey: string, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secretKey, 'qiao-secret-box', `${purpose}:v${VERSION}`, 32));
}

export function sealForUser(secretKey: string, purpose: string, userId: string, plaintext: Buffer): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFor(secretKey, purpose), iv);
  cipher.setAAD(Buffer.from(`user:${userId}`));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function openForUser(secretKey: string, purpose: string, userId: string, sealed: Buffer): Buffer {
  if (sealed[0] !== VERSION) throw new Error('unknown sealed-secret version');
  const decipher = createDecipheriv('aes-256-gcm', keyFor(secretKey, purpose), sealed.subarray(1, 13));
  decipher.setAAD(Buffer.from(`user:${userId}`));
  decipher.setAuthTag(sealed.subarray(13, 29));
  return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
}
