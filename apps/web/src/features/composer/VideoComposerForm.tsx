import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../lib/error-message';
import { Button } from '../../ui/Button';
import { InlineAlert } from '../../ui/InlineAlert';
import type { VideoNoteInput } from '../notes/notes-queries';
import { useVideoStatus } from '../video/video-queries';
import { CoverPicker } from './CoverPicker';
import { textReady } from './note-text';
import { NoteTextFields } from './NoteTextFields';
import { useVideoUpload } from './use-video-upload';
import { VideoUploadPanel } from './VideoUploadPanel';
import './composer.css';
import './video-composer.css';

interface VideoComposerFormProps {
  busy: boolean;
  error: unknown;
  onSubmit: (input: VideoNoteInput) => void;
}

/** A video note: upload, processing, a cover frame, then the same text as a photo note. */
export function VideoComposerForm({ busy, error, onSubmit }: VideoComposerFormProps) {
  const { t } = useTranslation();
  const { state: upload, pick, pause, resume, cancel, reset } = useVideoUpload();
  const status = useVideoStatus(upload.phase === 'uploaded' ? upload.videoId : undefined);
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [place, setPlace] = useState('');
  const [coverFrame, setCoverFrame] = useState(0);
  const video = status.data;
  // Publishing waits for a ready video, so a note never shows up stuck or broken.
  const videoReady = upload.phase === 'uploaded' && video?.status === 'ready';
  const ready = videoReady && textReady(title, body);
  const frames = videoReady ? video.previewUrls : [];

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready || busy || !upload.videoId) return;
    onSubmit({
      title: title.trim(),
      body: body.trim(),
      videoId: upload.videoId,
      ...(frames.length > 0 ? { coverFrame: Math.min(coverFrame, frames.length - 1) } : {}),
      place: place.trim() || null,
    });
  };

  return (
    <form className="composer" onSubmit={submit} noValidate>
      <VideoUploadPanel
        upload={upload}
        status={video}
        onPick={(file) => {
          setCoverFrame(0);
          void pick(file);
        }}
        onPause={pause}
        onResume={resume}
        onCancel={cancel}
        onPickAnother={reset}
      />
      {status.isError && upload.phase === 'uploaded' ? <InlineAlert>{errorMessage(t, status.error)}</InlineAlert> : null}
      {frames.length > 0 ? <CoverPicker frames={frames} selected={coverFrame} onSelect={setCoverFrame} /> : null}
      <NoteTextFields title={title} body={body} place={place} onTitle={setTitle} onBody={setBody} onPlace={setPlace} />
      {error ? <InlineAlert testId="composer-error">{errorMessage(t, error)}</InlineAlert> : null}
      <div className="composer__submit">
        <p className="composer__ready muted" aria-live="polite">
          {ready ? '' : t(videoReady ? 'composer.video.needText' : 'composer.video.notReady')}
        </p>
        <Button type="submit" block disabled={!ready || busy} data-testid="composer-publish">
          {busy ? t('composer.publishing') : t('composer.publish')}
        </Button>
      </div>
    </form>
  );
}
