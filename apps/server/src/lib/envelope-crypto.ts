import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

// AES-256-GCM sealed boxes. Every box starts with a format byte so the layout can
// change later (a new cipher, a longer nonce) without guessing what old bytes are:
//   [0x01][12-byte nonce][ciphertext][16-byte tag]
// The associated data binds a box to where it belongs (e.g. "users.phone:42"), so a
// box copied into another row or column fails to open instead of decrypting there.

export const FORMAT_AES_256_GCM = 0x01;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
export const KEY_BYTES = 32;

export class EnvelopeError extends Error {}

export function newKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

export function seal(key: Buffer, plaintext: Buffer, associatedData: string): Buffer {
  if (key.length !== KEY_BYTES) throw new EnvelopeError('AES-256-GCM needs a 32-byte key');
  const nonce = randomBytes(NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT_AES_256_GCM]), nonce, body, cipher.getAuthTag()]);
}

export function open(key: Buffer, box: Buffer, associatedData: string): Buffer {
  if (box.length < 1 + NONCE_BYTES + TAG_BYTES) throw new EnvelopeError('sealed box too short');
  if (box[0] !== FORMAT_AES_256_GCM) throw new EnvelopeError(`unknown sealed box format ${box[0]}`);
  const nonce = box.subarray(1, 1 + NONCE_BYTES);
  const tag = box.subarray(box.length - TAG_BYTES);
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAAD(Buffer.from(associatedData, 'utf8'));
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(box.subarray(1 + NONCE_BYTES, box.length - TAG_BYTES)), decipher.final()]);
  } catch {
    throw new EnvelopeError('sealed box does not open with this key (tampered, or sealed for another place)');
  }
}
