import { EnvelopeError, KEY_BYTES, open, seal } from './envelope-crypto.js';

/**
 * Wraps and unwraps data keys under master keys that never leave the key manager.
 * Async so a cloud KMS (AWS KMS, Vault transit) can implement it; the embedded
 * default is the local keyring below.
 */
export interface KeyManager {
  /** The master key new wraps use. */
  currentKeyId(): Promise<string>;
  wrap(dataKey: Buffer, context: string): Promise<{ keyId: string; wrapped: Buffer }>;
  unwrap(keyId: string, wrapped: Buffer, context: string): Promise<Buffer>;
}

export interface KeyringState {
  /** Master keys by id (32 bytes each); retired keys stay until no data key uses them. */
  keys: ReadonlyMap<string, Buffer>;
  currentId: string;
}

export class UnknownMasterKeyError extends EnvelopeError {
  constructor(readonly keyId: string) {
    super(`master key "${keyId}" is not in the keyring`);
  }
}

/**
 * Several master keys by id, one current. `load` re-reads the keyring's source
 * (secrets.json, or fixed config): on an unknown key id (another process rotated
 * to a key this one has not seen yet) and, for wraps, at most every `refreshMs`,
 * so running servers follow a rotation without a restart.
 */
export class LocalKeyring implements KeyManager {
  private state: KeyringState;
  private loadedAt: number;

  constructor(
    private readonly load: () => KeyringState,
    private readonly refreshMs = 10_000,
    private readonly clock: () => number = Date.now,
  ) {
    this.state = checked(load());
    this.loadedAt = clock();
  }

  private reload(): void {
    this.state = checked(this.load());
    this.loadedAt = this.clock();
  }

  private fresh(): KeyringState {
    if (this.clock() - this.loadedAt >= this.refreshMs) this.reload();
    return this.state;
  }

  async currentKeyId(): Promise<string> {
    return this.fresh().currentId;
  }

  async wrap(dataKey: Buffer, context: string) {
    const { keys, currentId } = this.fresh();
    return { keyId: currentId, wrapped: seal(keys.get(currentId)!, dataKey, `data-key:${context}`) };
  }

  async unwrap(keyId: string, wrapped: Buffer, context: string): Promise<Buffer> {
    if (!this.state.keys.has(keyId)) this.reload();
    const key = this.state.keys.get(keyId);
    if (!key) throw new UnknownMasterKeyError(keyId);
    return open(key, wrapped, `data-key:${context}`);
  }
}

function checked(state: KeyringState): KeyringState {
  for (const [id, key] of state.keys) {
    if (key.length !== KEY_BYTES) throw new EnvelopeError(`master key "${id}" must be 32 bytes`);
  }
  if (!state.keys.has(state.currentId)) throw new EnvelopeError(`current master key "${state.currentId}" is not in the keyring`);
  return state;
}
