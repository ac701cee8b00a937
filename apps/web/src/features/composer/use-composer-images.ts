import { useCallback, useEffect, useReducer, useRef } from 'react';
import { isApiError } from '../../lib/api-error';
import type { ImageView } from '../notes/note-types';
import { composerImagesReducer, localFileError, MAX_IMAGES, type ComposerImage } from './composer-images';
import { uploadImage } from './upload-image';

let counter = 0;
const nextKey = () => `img-${Date.now()}-${counter++}`;

/** From already-published images (editing a note). */
export function fromPublished(images: ImageView[]): ComposerImage[] {
  return images.map((image) => ({ key: nextKey(), preview: image.url, status: 'done', progress: 1, image, alt: image.alt }));
}

/**
 * The composer's images: picking starts each upload at once (so publishing is quick),
 * with progress, per-image errors, removal (aborting the upload) and reordering.
 */
export function useComposerImages(initial: ComposerImage[] = []) {
  const [items, dispatch] = useReducer(composerImagesReducer, initial);
  const uploads = useRef(new Map<string, () => void>());
  const objectUrls = useRef(new Set<string>());
  const countRef = useRef(items.length);
  countRef.current = items.length;

  useEffect(() => {
    const pending = uploads.current;
    const urls = objectUrls.current;
    return () => {
      pending.forEach((abort) => abort());
      urls.forEach((url) => URL.revokeObjectURL(url));
    };
  }, []);

  const addFiles = useCallback((files: File[]) => {
    const room = Math.max(0, MAX_IMAGES - countRef.current);
    const picked = files.slice(0, room);
    const added: ComposerImage[] = picked.map((file) => {
      const preview = URL.createObjectURL(file);
      objectUrls.current.add(preview);
      const code = localFileError(file);
      return { key: nextKey(), preview, status: code ? 'error' : 'uploading', progress: 0, alt: '', ...(code ? { errorCode: code } : {}) };
    });
    countRef.current += added.length;
    dispatch({ type: 'add', items: added });
    picked.forEach((file, i) => {
      const item = added[i];
      if (!item || item.status === 'error') return;
      const { key } = item;
      const upload = uploadImage(file, '', (progress) => dispatch({ type: 'progress', key, progress }));
      uploads.current.set(key, upload.abort);
      upload.promise
        .then((image) => dispatch({ type: 'done', key, image }))
        .catch((error: unknown) => {
          if (error instanceof DOMException && error.name === 'AbortError') return;
          dispatch({ type: 'error', key, code: isApiError(error) ? error.code : 'unknown_error' });
        })
        .finally(() => uploads.current.delete(key));
    });
    return files.length - picked.length;
  }, []);

  const remove = useCallback((key: string) => {
    uploads.current.get(key)?.();
    countRef.current -= 1;
    dispatch({ type: 'remove', key });
  }, []);

  const move = useCallback((key: string, by: -1 | 1) => dispatch({ type: 'move', key, by }), []);
  const setAlt = useCallback((key: string, alt: string) => dispatch({ type: 'alt', key, alt }), []);

  return { items, addFiles, remove, move, setAlt };
}
