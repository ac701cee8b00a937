import { useCallback, useEffect, useRef, useState } from 'react';
import { createVideoUpload, type VideoUploadHandle } from './upload-video';
import { readVideoDuration, videoDurationError, videoFileError } from './video-file';

export type UploadPhase = 'idle' | 'checking' | 'uploading' | 'paused' | 'offline' | 'uploaded' | 'error';

export interface VideoUploadState {
  phase: UploadPhase;
  fileName: string;
  sent: number;
  total: number;
  videoId?: string;
  /** Why the file was refused or the upload failed, as an i18n error code. */
  errorCode?: string;
}

const IDLE: VideoUploadState = { phase: 'idle', fileName: '', sent: 0, total: 0 };

/**
 * The composer's one video upload: checks the file, sends it with tus, and survives
 * connection loss (tus retries for a while; after that we wait for the browser to come
 * back online and continue from the server's offset).
 */
export function useVideoUpload() {
  const [state, setState] = useState<VideoUploadState>(IDLE);
  const handle = useRef<VideoUploadHandle | null>(null);
  // Which pick is current, so callbacks of a cancelled upload cannot overwrite a newer one.
  const generation = useRef(0);

  const pick = useCallback(async (file: File) => {
    const gen = ++generation.current;
    handle.current?.pause();
    handle.current = null;
    const refused = videoFileError(file);
    if (refused) {
      setState({ ...IDLE, phase: 'error', fileName: file.name, errorCode: refused });
      return;
    }
    setState({ ...IDLE, phase: 'checking', fileName: file.name, total: file.size });
    const tooLong = videoDurationError(await readVideoDuration(file));
    if (gen !== generation.current) return;
    if (tooLong) {
      setState({ ...IDLE, phase: 'error', fileName: file.name, errorCode: tooLong });
      return;
    }
    const upload = createVideoUpload(file, {
      onProgress: (sent, total) => {
        if (gen === generation.current) setState((s) => (s.phase === 'uploading' ? { ...s, sent, total } : s));
      },
      onSuccess: (videoId) => {
        if (gen === generation.current) setState((s) => ({ ...s, phase: 'uploaded', sent: s.total, videoId }));
      },
      onError: (code, status) => {
        if (gen !== generation.current) return;
        // Offline (or the server unreachable): keep the upload, continue when the network returns.
        const offline = status === 0 || status >= 500;
        setState((s) => ({ ...s, phase: offline ? 'offline' : 'error', errorCode: code }));
      },
    });
    handle.current = upload;
    setState((s) => ({ ...s, phase: 'uploading' }));
    await upload.start();
  }, []);

  const pause = useCallback(() => {
    handle.current?.pause();
    setState((s) => (s.phase === 'uploading' ? { ...s, phase: 'paused' } : s));
  }, []);

  const resume = useCallback(() => {
    if (!handle.current) return;
    setState((s) => (s.phase === 'paused' || s.phase === 'offline' ? { ...s, phase: 'uploading', errorCode: undefined } : s));
    void handle.current.start();
  }, []);

  const cancel = useCallback(() => {
    generation.current++;
    const upload = handle.current;
    handle.current = null;
    setState(IDLE);
    void upload?.cancel();
  }, []);

  /** Forget the current file (e.g. its processing failed) without deleting anything. */
  const reset = useCallback(() => {
    generation.current++;
    handle.current = null;
    setState(IDLE);
  }, []);

  const offline = state.phase === 'offline';
  useEffect(() => {
    if (!offline) return;
    const onOnline = () => resume();
    window.addEventListener('online', onOnline);
    // tus already retried for ~20 s; keep trying every so often too, since `online` does not
    // fire when the server (not the network) was the one that went away.
    const timer = setInterval(() => {
      if (navigator.onLine) resume();
    }, 15_000);
    return () => {
      window.removeEventListener('online', onOnline);
      clearInterval(timer);
    };
  }, [offline, resume]);

  // Leaving the page pauses (never deletes): picking the same file again continues it.
  useEffect(() => () => handle.current?.pause(), []);

  return { state, pick, pause, resume, cancel, reset };
}
