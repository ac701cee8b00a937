import { useTranslation } from 'react-i18next';
import { Button } from '../../ui/Button';
import { VideoIcon } from '../../ui/icons';
import type { VideoStatusView } from '../video/video-queries';
import type { VideoUploadState } from './use-video-upload';
import { formatMegabytes, VIDEO_ACCEPT } from './video-file';

/** Where the video stands, upload and processing in one word (the status element's data-status). */
export type VideoStage = VideoUploadState['phase'] | VideoStatusView['status'];

export function videoStage(upload: VideoUploadState, status: VideoStatusView | undefined): VideoStage {
  if (upload.phase !== 'uploaded') return upload.phase;
  return status?.status ?? 'processing';
}

interface VideoUploadPanelProps {
  upload: VideoUploadState;
  status: VideoStatusView | undefined;
  onPick: (file: File) => void;
  onPause: () => void;
  onResume: () => void;
  onCancel: () => void;
  onPickAnother: () => void;
}

/** Pick a video, watch it upload (pause, resume, cancel), then watch the server process it. */
export function VideoUploadPanel({ upload, status, onPick, onPause, onResume, onCancel, onPickAnother }: VideoUploadPanelProps) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const stage = videoStage(upload, status);
  const percent = upload.total > 0 ? Math.floor((upload.sent / upload.total) * 100) : 0;
  const processed = Math.round((status?.progress ?? 0) * 100);
  const errorText = (code: string | undefined, fallback: string) => t(`errors.${code ?? fallback}`, { defaultValue: t(`errors.${fallback}`) });

  return (
    <section className="video-upload" data-testid="composer-video-status" data-status={stage} aria-labelledby="composer-video-heading">
      <h2 id="composer-video-heading" className="visually-hidden">
        {t('composer.video.heading')}
      </h2>
      {stage === 'idle' || stage === 'error' ? (
        <div className="picker">
          <input
            id="composer-video-input"
            type="file"
            accept={VIDEO_ACCEPT}
            className="visually-hidden"
            data-testid="composer-video-input"
            onChange={(event) => {
              const file = event.target.files?.[0];
              // The same file may be picked again after a refusal.
              event.target.value = '';
              if (file) onPick(file);
            }}
          />
          <label htmlFor="composer-video-input" className="picker__label">
            <VideoIcon size={28} />
            <span className="picker__text">{t('composer.video.pick')}</span>
            <span className="picker__hint">{t('composer.video.limits')}</span>
          </label>
        </div>
      ) : null}
      {stage === 'error' ? (
        <p className="video-upload__error" role="alert" data-testid="composer-video-error">
          {errorText(upload.errorCode, 'unknown_error')}
        </p>
      ) : null}
      {stage === 'checking' ? <p className="video-upload__line muted">{t('composer.video.checking', { name: upload.fileName })}</p> : null}
      {stage === 'uploading' || stage === 'paused' || stage === 'offline' ? (
        <div className="video-upload__progress">
          <p className="video-upload__name">{upload.fileName}</p>
          <progress
            max={100}
            value={percent}
            aria-label={t('composer.video.uploadProgress')}
            data-testid="composer-video-progress"
            className="video-upload__bar"
          />
          <p className="video-upload__line" aria-live="polite">
            {t('composer.video.uploaded', {
              percent,
              sent: formatMegabytes(upload.sent, locale),
              total: formatMegabytes(upload.total, locale),
            })}
            {stage === 'paused' ? ` · ${t('composer.video.paused')}` : null}
          </p>
          {stage === 'offline' ? (
            <p className="video-upload__line muted" role="status">
              {t('composer.video.offline')}
            </p>
          ) : null}
          <div className="video-upload__actions">
            {stage === 'uploading' ? (
              <Button variant="secondary" size="small" onClick={onPause} data-testid="composer-video-pause">
                {t('composer.video.pause')}
              </Button>
            ) : (
              <Button variant="secondary" size="small" onClick={onResume} data-testid="composer-video-resume">
                {t('composer.video.resume')}
              </Button>
            )}
            <Button variant="ghost" size="small" onClick={onCancel} data-testid="composer-video-cancel">
              {t('composer.video.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {stage === 'processing' ? (
        <div className="video-upload__progress">
          <p className="video-upload__name">{upload.fileName}</p>
          <progress max={100} value={processed} aria-label={t('composer.video.processingLabel')} className="video-upload__bar" />
          <p className="video-upload__line" aria-live="polite">
            {t('composer.video.processing', { percent: processed })}
          </p>
        </div>
      ) : null}
      {stage === 'ready' ? (
        <p className="video-upload__line video-upload__ready" role="status">
          {t('composer.video.ready', { name: upload.fileName })}
        </p>
      ) : null}
      {stage === 'failed' ? (
        <p className="video-upload__error" role="alert" data-testid="composer-video-error">
          {errorText(status?.error?.code, 'video_processing_failed')}
        </p>
      ) : null}
      {stage === 'ready' || stage === 'failed' ? (
        <Button variant="secondary" size="small" onClick={onPickAnother} data-testid="composer-video-another">
          {t('composer.video.another')}
        </Button>
      ) : null}
    </section>
  );
}
