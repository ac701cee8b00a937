import { describe, expect, it } from 'vitest';
import { canPublish, composerImagesReducer, localFileError, MAX_IMAGES, type ComposerImage } from './composer-images';

const item = (key: string, status: ComposerImage['status'] = 'done'): ComposerImage => ({ key, preview: '', status, progress: 0, alt: '' });

describe('composer images', () => {
  it('moves images left and right within bounds', () => {
    const list = [item('a'), item('b'), item('c')];
    const keys = (l: ComposerImage[]) => l.map((i) => i.key);
    expect(keys(composerImagesReducer(list, { type: 'move', key: 'b', by: -1 }))).toEqual(['b', 'a', 'c']);
    expect(keys(composerImagesReducer(list, { type: 'move', key: 'c', by: 1 }))).toEqual(['a', 'b', 'c']);
  });

  it('keeps at most 18 images', () => {
    const many = Array.from({ length: 20 }, (_, i) => item(String(i)));
    expect(composerImagesReducer([], { type: 'add', items: many })).toHaveLength(MAX_IMAGES);
  });

  it('checks files before upload', () => {
    expect(localFileError({ type: 'text/plain', size: 10, name: 'a.txt' })).toBe('image_invalid');
    expect(localFileError({ type: 'image/jpeg', size: 21 * 1024 * 1024, name: 'a.jpg' })).toBe('image_too_large');
    expect(localFileError({ type: '', size: 10, name: 'IMG_1.HEIC' })).toBeUndefined();
  });

  it('publishes only with an uploaded image, nothing pending and some text', () => {
    expect(canPublish([item('a')], 'Hi', '')).toBe(true);
    expect(canPublish([item('a')], ' ', '')).toBe(false);
    expect(canPublish([item('a'), item('b', 'uploading')], 'Hi', '')).toBe(false);
    expect(canPublish([item('a', 'error')], 'Hi', '')).toBe(false);
    expect(canPublish([], '', 'body')).toBe(false);
  });
});
