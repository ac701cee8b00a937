import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where media files live. Keys are relative paths like
 * images/2026/11/<uuid>-720.webp; files never change once written (new
 * content gets a new key), so they can be cached forever.
 */
export interface MediaStorage {
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** A stored file's bytes (background jobs that look at media: screening). */
  get(key: string): Promise<Buffer>;
  delete(keys: readonly string[]): Promise<void>;
  /** The public URL of a key. */
  url(key: string): string;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_.-]*$/;

export class LocalDiskStorage implements MediaStorage {
  constructor(
    readonly root: string,
    private readonly baseUrl: string,
  ) {}

  private file(key: string): string {
    if (!SAFE_KEY.test(key) || key.includes('..')) throw new Error(`unsafe media key ${key}`);
    return path.join(this.root, key);
  }

  async put(key: string, data: Buffer): Promise<void> {
    const file = this.file(key);
    await fs.mkdir(path.dirname(file), { recursive: true });
    // Write then rename: a crash never leaves a half-written file under the final name.
    const temp = `${file}.${process.pid}.tmp`;
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  }

  get(key: string): Promise<Buffer> {
    return fs.readFile(this.file(key));
  }

  async delete(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((key) => fs.rm(this.file(key), { force: true })));
  }

  url(key: string): string {
    return `${this.baseUrl}/${key}`;
  }
}
