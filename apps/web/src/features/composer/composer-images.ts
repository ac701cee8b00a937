import type { ImageView } from '../notes/note-types';

export const MAX_IMAGES = 18;
export const MAX_IMAGE_BYTES = 20 * 1024 * 1024;

/** One image in the composer, from the moment it is picked until the note is published. */
export interface ComposerImage {
  key: string;
  /** Object URL of the local file (or the server URL when editing an existing note). */
  preview: string;
  status: 'uploading' | 'done' | 'error';
  progress: number;
  image?: ImageView;
  /** The server's (or our own) error code, shown in the user's language. */
  errorCode?: string;
  alt: string;
}

export type ComposerAction =
  | { type: 'add'; items: ComposerImage[] }
  | { type: 'progress'; key: string; progress: number }
  | { type: 'done'; key: string; image: ImageView }
  | { type: 'error'; key: string; code: string }
  | { type: 'remove'; key: string }
  | { type: 'move'; key: string; by: -1 | 1 }
  | { type: 'alt'; key: string; alt: string };

const patch = (list: ComposerImage[], key: string, change: Partial<ComposerImage>) => list.map((item) => (item.key === key ? { ...item, ...change } : item));

export function composerImagesReducer(list: ComposerImage[], action: ComposerAction): ComposerImage[] {
  switch (action.type) {
    case 'add':
      return [...list, ...action.items].slice(0, MAX_IMAGES);
    case 'progress':
      return patch(list, action.key, { progress: action.progress });
    case 'done':
      return patch(list, action.key, { status: 'done', progress: 1, image: action.image });
    case 'error':
      return patch(list, action.key, { status: 'error', errorCode: action.code });
    case 'remove':
      return list.filter((item) => item.key !== action.key);
    case 'move': {
      const from = list.findIndex((item) => item.key === action.key);
      const to = from + action.by;
      if (from < 0 || to < 0 || to >= list.length) return list;
      const next = [...list];
      const [moved] = next.splice(from, 1);
      if (moved) next.splice(to, 0, moved);
      return next;
    }
    case 'alt':
      return patch(list, action.key, { alt: action.alt });
  }
}

/** A problem we can see before uploading: wrong kind of file or too big. */
export function localFileError(file: { type: string; size: number; name: string }): string | undefined {
  const isImage = file.type.startsWith('image/') || /\.(heic|heif|avif)$/i.test(file.name);
  if (!isImage) return 'image_invalid';
  if (file.size > MAX_IMAGE_BYTES) return 'image_too_large';
  return undefined;
}

/** Whether the note can be published: at least one uploaded image, nothing in flight or failed, some text. */
export function canPublish(list: ComposerImage[], title: string, body: string): boolean {
  const uploaded = list.filter((item) => item.status === 'done').length;
  const busy = list.some((item) => item.status === 'uploading');
  return uploaded > 0 && !busy && (title.trim() !== '' || body.trim() !== '');
}
