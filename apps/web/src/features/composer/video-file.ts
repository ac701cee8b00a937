export const MAX_VIDEO_BYTES = 1024 * 1024 * 1024;
export const MAX_VIDEO_MS = 15 * 60 * 1000;
export const VIDEO_ACCEPT = 'video/mp4,video/quicktime,video/webm';

const TYPES = new Set(VIDEO_ACCEPT.split(','));
const EXTENSIONS = /\.(mp4|m4v|mov|webm)$/i;

/**
 * What we can tell before uploading a byte: the kind of file and its size. The server
 * probes the real contents and has the last word; this only saves a pointless upload.
 */
export function videoFileError(file: { type: string; size: number; name: string }): string | undefined {
  // Some systems leave the type empty for .mov files: then the name decides.
  const known = file.type ? TYPES.has(file.type) : EXTENSIONS.test(file.name);
  if (!known) return 'video_type_unsupported';
  if (file.size > MAX_VIDEO_BYTES) return 'video_too_large';
  if (file.size === 0) return 'video_invalid';
  return undefined;
}

/** A duration the browser read from the file's metadata; unknown (NaN, Infinity) is left to the server. */
export function videoDurationError(seconds: number): string | undefined {
  if (!Number.isFinite(seconds)) return undefined;
  return seconds * 1000 > MAX_VIDEO_MS ? 'video_too_long' : undefined;
}

/**
 * Reads the duration with a hidden <video>; resolves NaN when the browser cannot decode
 * the container (e.g. HEVC .mov in some browsers), since the server may still accept it.
 */
export function readVideoDuration(file: File, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement('video');
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finish = (seconds: number) => {
      clearTimeout(timer);
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
      resolve(seconds);
    };
    timer = setTimeout(() => finish(Number.NaN), timeoutMs);
    video.preload = 'metadata';
    video.muted = true;
    video.onloadedmetadata = () => finish(video.duration);
    video.onerror = () => finish(Number.NaN);
    video.src = url;
  });
}

/** "12.3 MB" in the user's locale, for "uploaded / total". */
export function formatMegabytes(bytes: number, locale: string): string {
  const mb = bytes / (1024 * 1024);
  return new Intl.NumberFormat(locale, { maximumFractionDigits: mb < 10 ? 1 : 0, minimumFractionDigits: 0 }).format(mb);
}
