import { useEffect, useRef, type Ref, type SyntheticEvent } from 'react';
import type { NoteVideo } from '../notes/note-types';
import { useVideoSource } from './use-video-source';
import type { WatchTracker } from './watch-tracker';

interface VideoPlayerProps {
  video: NoteVideo;
  /** Keep a source attached (playing or preloading); false frees it. */
  attach: boolean;
  /** Whether it should be playing now. */
  playing: boolean;
  muted: boolean;
  /** Accessible name, e.g. the note's title. */
  label: string;
  loop?: boolean;
  controls?: boolean;
  preload?: 'auto' | 'metadata' | 'none';
  tracker?: WatchTracker;
  className?: string;
  /** 0..1 of the way through, for a progress bar. */
  onProgress?: (fraction: number) => void;
  /** The browser refused to play with sound (no user gesture yet): the caller mutes. */
  onAutoplayBlocked?: () => void;
  videoRef?: Ref<HTMLVideoElement>;
}

const ms = (seconds: number) => Math.round(seconds * 1000);

/** One <video> for a video note, used by the swipe feed and the note page alike. */
export function VideoPlayer(props: VideoPlayerProps) {
  const { video, attach, playing, muted, label, loop = false, controls = false, preload = 'metadata', tracker, className } = props;
  const { onProgress, onAutoplayBlocked, videoRef } = props;
  const ref = useRef<HTMLVideoElement>(null);
  useVideoSource(ref, video, attach);

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    element.muted = muted;
  }, [muted]);

  useEffect(() => {
    const element = ref.current;
    if (!element || !attach) return;
    if (!playing) {
      element.pause();
      return;
    }
    element.play().catch((error: unknown) => {
      // Autoplay with sound needs a gesture; muted autoplay is always allowed.
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !element.muted) onAutoplayBlocked?.();
    });
    // The source attaches asynchronously (hls.js loads first); try again once it can play.
    const retry = () => {
      if (element.paused) void element.play().catch(() => undefined);
    };
    element.addEventListener('canplay', retry, { once: true });
    return () => element.removeEventListener('canplay', retry);
  }, [playing, attach, onAutoplayBlocked]);

  const setRef = (element: HTMLVideoElement | null) => {
    ref.current = element;
    if (typeof videoRef === 'function') videoRef(element);
    else if (videoRef) videoRef.current = element;
  };

  const onTimeUpdate = (event: SyntheticEvent<HTMLVideoElement>) => {
    const element = event.currentTarget;
    tracker?.progress(Date.now(), ms(element.currentTime));
    if (onProgress && element.duration > 0) onProgress(element.currentTime / element.duration);
  };

  return (
    <video
      ref={setRef}
      className={className}
      data-testid="video-player"
      aria-label={label}
      poster={video.posterUrl ?? undefined}
      playsInline
      muted={muted}
      loop={loop}
      controls={controls}
      preload={attach ? preload : 'none'}
      width={video.width || undefined}
      height={video.height || undefined}
      onPlaying={(event) => tracker?.playing(Date.now(), ms(event.currentTarget.currentTime))}
      onTimeUpdate={onTimeUpdate}
      onEnded={() => tracker?.ended(Date.now())}
    />
  );
}
