import { Upload, type DetailedError } from 'tus-js-client';
import { NETWORK_ERROR, parseApiError } from '../../lib/api-error';

export const VIDEO_UPLOAD_ENDPOINT = '/api/uploads/videos';
const CHUNK_BYTES = 8 * 1024 * 1024;

export interface VideoUploadCallbacks {
  onProgress: (sent: number, total: number) => void;
  onSuccess: (videoId: string) => void;
  /** `code` is the server's error code, or network_error when it could not be reached. */
  onError: (code: string, status: number) => void;
}

export interface VideoUploadHandle {
  /** Starts, or continues where the server says it stopped (also after a reload). */
  start: () => Promise<void>;
  /** Stops sending; the server keeps what it has so start() continues from there. */
  pause: () => void;
  /** Stops and asks the server to delete the partial upload. */
  cancel: () => Promise<void>;
}

/** The upload id is the last path segment of the tus upload URL. */
export function videoIdFromUploadUrl(url: string): string {
  const path = url.split(/[?#]/)[0] ?? '';
  return decodeURIComponent(path.replace(/\/+$/, '').split('/').pop() ?? '');
}

function errorFromTus(error: Error | DetailedError): { code: string; status: number } {
  const response = 'originalResponse' in error ? error.originalResponse : null;
  if (!response) return { code: NETWORK_ERROR, status: 0 };
  const status = response.getStatus();
  let body: unknown;
  try {
    body = JSON.parse(response.getBody());
  } catch {
    body = undefined;
  }
  return { code: parseApiError(status, response.getHeader('Retry-After') ?? null, body).code, status };
}

/**
 * One resumable tus upload of a video. tus-js-client keeps the upload URL under a
 * fingerprint of the file in localStorage, so picking the same file after a reload or a
 * crash continues instead of starting over; the fingerprint is dropped once it succeeds.
 */
export function createVideoUpload(file: File, callbacks: VideoUploadCallbacks): VideoUploadHandle {
  const upload = new Upload(file, {
    endpoint: VIDEO_UPLOAD_ENDPOINT,
    metadata: { filename: file.name, filetype: file.type || 'application/octet-stream' },
    chunkSize: CHUNK_BYTES,
    retryDelays: [0, 1000, 3000, 5000, 10000],
    removeFingerprintOnSuccess: true,
    onProgress: (sent, total) => callbacks.onProgress(sent, total),
    onSuccess: () => callbacks.onSuccess(videoIdFromUploadUrl(upload.url ?? '')),
    onError: (error) => {
      const { code, status } = errorFromTus(error);
      callbacks.onError(code, status);
    },
  });

  let resumedFromStorage = false;
  return {
    start: async () => {
      // After a pause or a network error the Upload still knows its URL and continues by itself.
      if (!upload.url && !resumedFromStorage) {
        resumedFromStorage = true;
        try {
          const previous = await upload.findPreviousUploads();
          const latest = previous.sort((a, b) => b.creationTime.localeCompare(a.creationTime))[0];
          if (latest) upload.resumeFromPreviousUpload(latest);
        } catch {
          // No usable storage (private mode): a fresh upload is still fine.
        }
      }
      upload.start();
    },
    pause: () => void upload.abort(false),
    cancel: async () => {
      try {
        await upload.abort(true);
      } catch {
        // Nothing was created yet, or the server already dropped it: nothing left to cancel.
      }
    },
  };
}
