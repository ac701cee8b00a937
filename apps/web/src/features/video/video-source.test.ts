import { describe, expect, it } from 'vitest';
import { formatDuration, hlsSupport, pickRendition } from './video-source';

describe('video source', () => {
  it('falls back to the tallest MP4 no taller than 720p', () => {
    const r = (height: number) => ({ height, url: `/${height}.mp4` });
    expect(pickRendition([r(480), r(1080), r(720)])?.height).toBe(720);
    expect(pickRendition([r(1080)])?.height).toBe(1080);
    expect(pickRendition([])).toBeUndefined();
  });

  it('prefers native HLS, then hls.js', () => {
    expect(hlsSupport({ canPlayType: () => 'maybe' }, true)).toBe('native');
    expect(hlsSupport({ canPlayType: () => '' }, true)).toBe('hlsjs');
    expect(hlsSupport({ canPlayType: () => '' }, false)).toBe('none');
  });

  it('formats durations', () => {
    expect(formatDuration(83_000)).toBe('1:23');
    expect(formatDuration(5_400)).toBe('0:05');
  });
});
