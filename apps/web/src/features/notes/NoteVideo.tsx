import { useTranslation } from 'react-i18next';
import { useWatchTracker } from '../video/use-watch-tracker';
import { VideoPlayer } from '../video/VideoPlayer';
import type { NoteView, NoteVideo as NoteVideoShape } from './note-types';

/** The video of a video note on its own page: native controls, nothing plays until asked. */
export function NoteVideo({ note, video }: { note: NoteView; video: NoteVideoShape }) {
  const { t } = useTranslation();
  const tracker = useWatchTracker(note.id, 'note', video.durationMs ?? 0, true);
  // Sized from the known dimensions before anything loads, so the page does not jump.
  const ratio = video.width && video.height ? `${video.width} / ${video.height}` : '9 / 16';
  const name = note.author.displayName || note.author.handle;
  return (
    <div className="note-video" style={{ aspectRatio: ratio }}>
      <VideoPlayer
        video={video}
        attach
        playing={false}
        muted={false}
        controls
        preload="metadata"
        label={note.title || t('video.itemLabel', { name })}
        tracker={tracker}
        className="note-video__player"
      />
    </div>
  );
}
