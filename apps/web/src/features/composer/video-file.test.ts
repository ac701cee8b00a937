import { describe, expect, it } from 'vitest';
import { MAX_VIDEO_BYTES, videoDurationError, videoFileError } from './video-file';

describe('video file pre-checks', () => {
  it('accepts MP4, MOV and WebM up to 1 GB', () => {
    expect(videoFileError({ type: 'video/mp4', size: 10, name: 'a.mp4' })).toBeUndefined();
    expect(videoFileError({ type: 'video/quicktime', size: MAX_VIDEO_BYTES, name: 'a.mov' })).toBeUndefined();
    expect(videoFileError({ type: 'video/webm', size: 10, name: 'a.webm' })).toBeUndefined();
  });

  it('decides by the name when the browser gives no type', () => {
    expect(videoFileError({ type: '', size: 10, name: 'IMG_0001.MOV' })).toBeUndefined();
    expect(videoFileError({ type: '', size: 10, name: 'notes.txt' })).toBe('video_type_unsupported');
  });

  it('refuses other types, empty files and files over 1 GB', () => {
    expect(videoFileError({ type: 'video/x-msvideo', size: 10, name: 'a.avi' })).toBe('video_type_unsupported');
    expect(videoFileError({ type: 'text/plain', size: 10, name: 'a.mp4' })).toBe('video_type_unsupported');
    expect(videoFileError({ type: 'video/mp4', size: MAX_VIDEO_BYTES + 1, name: 'a.mp4' })).toBe('video_too_large');
    expect(videoFileError({ type: 'video/mp4', size: 0, name: 'a.mp4' })).toBe('video_invalid');
  });

  it('refuses videos over 15 minutes and leaves unknown durations to the server', () => {
    expect(videoDurationError(15 * 60)).toBeUndefined();
    expect(videoDurationError(15 * 60 + 1)).toBe('video_too_long');
    expect(videoDurationError(Number.NaN)).toBeUndefined();
    expect(videoDurationError(Number.POSITIVE_INFINITY)).toBeUndefined();
  });
});
