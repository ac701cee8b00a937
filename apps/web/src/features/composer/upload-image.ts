import { ApiError, NETWORK_ERROR, parseApiError } from '../../lib/api-error';
import type { ImageView } from '../notes/note-types';

export interface UploadHandle {
  promise: Promise<ImageView>;
  abort: () => void;
}

/**
 * Uploads one image with XMLHttpRequest, because fetch cannot report upload progress;
 * `onProgress` gets 0..1. Failures become ApiErrors with the server's code, like api-client.
 */
export function uploadImage(file: File, alt: string, onProgress: (fraction: number) => void): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<ImageView>((resolve, reject) => {
    xhr.open('POST', '/api/media/images');
    xhr.withCredentials = true;
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        body = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300 && typeof body === 'object' && body !== null && 'image' in body) {
        onProgress(1);
        resolve((body as { image: ImageView }).image);
      } else {
        reject(parseApiError(xhr.status, xhr.getResponseHeader('Retry-After'), body));
      }
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: NETWORK_ERROR, message: 'Network request failed' }));
    xhr.onabort = () => reject(new DOMException('Upload cancelled', 'AbortError'));
    const form = new FormData();
    if (alt) form.append('alt', alt);
    form.append('file', file);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}
