import { useEffect, useRef, type RefObject } from 'react';
import type HlsType from 'hls.js';
import type { NoteVideo } from '../notes/note-types';
import { hlsSupport, pickRendition } from './video-source';

type HlsModule = typeof import('hls.js');

// hls.js is large and Safari never needs it: load it once, on first use.
let hlsModule: Promise<HlsModule> | undefined;
const loadHls = () => (hlsModule ??= import('hls.js'));

function mp4Fallback(video: NoteVideo): string | undefined {
  return pickRendition(video.renditions, 720)?.url;
}

/**
 * Attaches the video's stream to the element while `attach` is true and frees it (hls.js
 * instance, buffers, decoder) when it turns false: a long feed keeps only a few alive.
 * Native HLS where the browser has it, else hls.js, else the best MP4 up to 720p.
 */
export function useVideoSource(ref: RefObject<HTMLVideoElement | null>, video: NoteVideo, attach: boolean): void {
  const hlsRef = useRef<HlsType | null>(null);
  // A refetched note brings equal but new arrays; only a different stream should reattach.
  const latest = useRef(video);
  latest.current = video;
  const hlsUrl = video.hlsUrl;

  useEffect(() => {
    const element = ref.current;
    if (!element || !attach) return;
    let cancelled = false;
    const video = latest.current;

    const useMp4 = () => {
      const url = mp4Fallback(video);
      if (url && element.getAttribute('src') !== url) element.src = url;
    };

    const start = async () => {
      if (!video.hlsUrl) return useMp4();
      let Hls: HlsModule['default'] | undefined;
      if (!element.canPlayType('application/vnd.apple.mpegurl')) {
        try {
          Hls = (await loadHls()).default;
        } catch {
          Hls = undefined;
        }
      }
      if (cancelled) return;
      const support = hlsSupport(element, Hls?.isSupported() ?? false);
      if (support === 'native') {
        element.src = video.hlsUrl;
        return;
      }
      if (support === 'none' || !Hls) return useMp4();
      const hls = new Hls({ capLevelToPlayerSize: true, maxBufferLength: 20 });
      hlsRef.current = hls;
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
          hls.recoverMediaError();
          return;
        }
        // The playlist or its segments cannot be loaded: the progressive MP4 may still work.
        hls.destroy();
        if (hlsRef.current === hls) hlsRef.current = null;
        useMp4();
      });
      hls.loadSource(video.hlsUrl);
      hls.attachMedia(element);
    };
    void start();

    return () => {
      cancelled = true;
      hlsRef.current?.destroy();
      hlsRef.current = null;
      element.pause();
      element.removeAttribute('src');
      // Without load() the element keeps its buffers and the network connection.
      element.load();
    };
  }, [ref, hlsUrl, attach]);
}
