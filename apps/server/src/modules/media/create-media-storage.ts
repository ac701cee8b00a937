import type { Config } from '../../config/config.js';
import { LocalDiskStorage, type MediaStorage } from './media-storage.js';
import { S3Storage } from './s3-storage.js';

export function createMediaStorage(config: Config): MediaStorage {
  if (config.media.s3) return new S3Storage({ ...config.media.s3, publicBaseUrl: config.media.baseUrl });
  return new LocalDiskStorage(config.media.dir, config.media.baseUrl);
}
