import type { VideoRendition } from '../notes/note-types';

/** The tallest MP4 no taller than `maxHeight` (else the shortest one): the no-HLS fallback. */
export function pickRendition(renditions: readonly VideoRendition[], maxHeight = 720): VideoRendition | undefined {
  const sorted = [...renditions].sort((a, b) => a.height - b.height);
  const fitting = sorted.filter((r) => r.height <= maxHeight);
  return fitting.at(-1) ?? sorted[0];
}

/** How a browser plays our HLS: natively (Safari, iOS), through hls.js (MSE), or not at all. */
export type HlsSupport = 'native' | 'hlsjs' | 'none';

export function hlsSupport(video: Pick<HTMLVideoElement, 'canPlayType'>, hlsJsSupported: boolean): HlsSupport {
  if (video.canPlayType('application/vnd.apple.mpegurl')) return 'native';
  return hlsJsSupported ? 'hlsjs' : 'none';
}

/** 83_000 ms → "1:23"; the video's length on a card or under the player. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `${minutes}:${String(seconds).padStart(2, '0')}`;
}
