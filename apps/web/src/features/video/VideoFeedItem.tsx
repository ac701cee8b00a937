import { useCallback, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { HeartIcon, MutedIcon, PlayIcon } from '../../ui/icons';
import { useWarningGate } from '../moderation/revealed-warnings';
import { VideoWarning } from '../moderation/WarningGate';
import { useLikeNote } from '../notes/like-queries';
import type { NoteView } from '../notes/note-types';
import type { MediaPlan } from './active-item';
import { useDoubleTap } from './use-double-tap';
import { useWatchTracker } from './use-watch-tracker';
import { useFeedNote } from './video-queries';
import { VideoCaption } from './VideoCaption';
import { VideoPlayer } from './VideoPlayer';
import { VideoRail } from './VideoRail';

interface VideoFeedItemProps {
  seed: NoteView;
  index: number;
  plan: MediaPlan;
  muted: boolean;
  onUnmute: () => void;
  onAutoplayBlocked: () => void;
}

interface Burst {
  id: number;
  x: number;
  y: number;
}

const BURST_MS = 900;
let burstId = 0;

/** One screen of the swipe feed: the video, tap to pause, double tap to like, the rail and caption. */
export function VideoFeedItem({ seed, index, plan, muted, onUnmute, onAutoplayBlocked }: VideoFeedItemProps) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const note = useFeedNote(seed);
  const like = useLikeNote();
  // A video behind a content warning neither plays nor shows until the viewer taps Show.
  const gated = useWarningGate('note', note.id, note.warnings);
  const active = plan === 'play' && !gated;
  const video = note.video;
  const tracker = useWatchTracker(note.id, 'video_feed', video?.durationMs ?? 0, active);
  const [userPaused, setUserPaused] = useState(false);
  const [progress, setProgress] = useState(0);
  const [bursts, setBursts] = useState<Burst[]>([]);

  // Coming back to a video plays it again, whatever it was left at.
  useEffect(() => {
    if (active) setUserPaused(false);
  }, [active]);

  const onDouble = useCallback(
    (x: number, y: number) => {
      const id = ++burstId;
      setBursts((list) => [...list.slice(-3), { id, x, y }]);
      setTimeout(() => setBursts((list) => list.filter((b) => b.id !== id)), BURST_MS);
      if (!note.viewer) {
        void navigate('/login');
        return;
      }
      // A double tap only ever likes; unliking stays a deliberate tap on the heart.
      if (!note.viewer.liked) like.mutate({ noteId: note.id, like: true, likes: note.counts.likes });
    },
    [like, navigate, note],
  );
  const onTap = useDoubleTap(() => setUserPaused((paused) => !paused), onDouble);

  // Portrait videos fill the screen as on TikTok; landscape ones stay whole, letterboxed.
  const portrait = Boolean(video?.width && video.height && video.height > video.width);
  const name = note.author.displayName || note.author.handle;
  const label = note.title || t('video.itemLabel', { name });
  return (
    <article
      className="video-item"
      data-testid="video-item"
      data-note-id={note.id}
      data-index={index}
      data-active={active ? 'true' : 'false'}
      aria-label={t('video.itemLabel', { name })}
      aria-roledescription={t('video.slide')}
    >
      <div className="video-item__stage" onClick={onTap}>
        {video && !gated ? (
          <VideoPlayer
            video={video}
            attach={plan !== 'release'}
            playing={active && !userPaused}
            muted={muted}
            label={label}
            loop
            preload="auto"
            tracker={tracker}
            className={portrait ? 'video-item__video video-item__video--portrait' : 'video-item__video'}
            onProgress={active ? setProgress : undefined}
            onAutoplayBlocked={onAutoplayBlocked}
          />
        ) : null}
        {active && userPaused ? (
          <span className="video-item__paused" aria-hidden="true">
            <PlayIcon size={64} />
          </span>
        ) : null}
        {bursts.map((burst) => (
          <span key={burst.id} className="heart-burst" data-testid="heart-burst" style={{ left: burst.x, top: burst.y }} aria-hidden="true">
            <HeartIcon size={96} filled />
          </span>
        ))}
      </div>
      {active ? (
        // The tap surface is for pointers; keyboard and screen-reader users get a real button.
        <button type="button" className="visually-hidden" aria-pressed={userPaused} onClick={() => setUserPaused((paused) => !paused)}>
          {t(userPaused ? 'video.play' : 'video.pause')}
        </button>
      ) : null}
      {muted && active ? (
        <button
          type="button"
          className="video-unmute"
          data-testid="video-unmute"
          onClick={() => {
            tracker.unmute(Date.now());
            onUnmute();
          }}
        >
          <MutedIcon size={18} />
          {t('video.unmute')}
        </button>
      ) : null}
      {gated && note.warnings ? <VideoWarning id={note.id} warnings={note.warnings} /> : null}
      <VideoRail note={note} onShared={() => tracker.share(Date.now())} />
      <VideoCaption note={note} />
      <div className="video-item__progress" aria-hidden="true">
        <span className="video-item__progress-fill" style={{ transform: `scaleX(${active ? progress : 0})` }} />
      </div>
    </article>
  );
}
