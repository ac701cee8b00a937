import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ChevronLeftIcon, ChevronRightIcon } from '../../ui/icons';
import { ResponsiveImage } from '../../ui/ResponsiveImage';
import { coverRatio } from '../feed/masonry';
import type { ImageView } from './note-types';
import './note-carousel.css';

/**
 * A note's images: swiped with native scroll-snap on phones, arrow buttons on desktop,
 * arrow keys anywhere. The frame takes the first image's ratio (clamped) so it never jumps.
 */
export function NoteCarousel({ images }: { images: ImageView[] }) {
  const { t } = useTranslation();
  const trackRef = useRef<HTMLDivElement>(null);
  const [index, setIndex] = useState(0);
  const first = images[0];
  const ratio = first ? coverRatio(first.width, first.height) : 1;
  const count = images.length;

  useEffect(() => {
    const track = trackRef.current;
    if (!track) return;
    const onScroll = () => setIndex(Math.round(track.scrollLeft / Math.max(1, track.clientWidth)));
    track.addEventListener('scroll', onScroll, { passive: true });
    return () => track.removeEventListener('scroll', onScroll);
  }, []);

  const go = (next: number) => {
    const track = trackRef.current;
    if (!track) return;
    const target = Math.max(0, Math.min(count - 1, next));
    const reduce = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    track.scrollTo({ left: target * track.clientWidth, behavior: reduce ? 'auto' : 'smooth' });
    setIndex(target);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowRight') go(index + 1);
    else if (event.key === 'ArrowLeft') go(index - 1);
    else return;
    event.preventDefault();
  };

  return (
    <section
      className="carousel"
      aria-roledescription={t('note.carousel')}
      aria-label={t('note.imagesLabel', { count })}
      onKeyDown={onKeyDown}
      tabIndex={0}
      data-testid="note-carousel"
      style={{ '--ratio': ratio } as CSSProperties}
    >
      <div ref={trackRef} className="carousel__track" style={{ aspectRatio: `1 / ${ratio}` }}>
        {images.map((image, i) => (
          <div
            key={image.id}
            className="carousel__slide"
            role="group"
            aria-roledescription={t('note.slide')}
            aria-label={t('note.slideLabel', { index: i + 1, count })}
            aria-hidden={i !== index}
          >
            <ResponsiveImage image={image} ratio={ratio} sizes="(min-width: 900px) 680px, 100vw" eager={i === 0} className="carousel__image" />
          </div>
        ))}
      </div>
      {count > 1 ? (
        <>
          <button
            type="button"
            className="carousel__arrow carousel__arrow--prev"
            onClick={() => go(index - 1)}
            disabled={index === 0}
            aria-label={t('note.previousImage')}
          >
            <ChevronLeftIcon />
          </button>
          <button
            type="button"
            className="carousel__arrow carousel__arrow--next"
            onClick={() => go(index + 1)}
            disabled={index >= count - 1}
            aria-label={t('note.nextImage')}
          >
            <ChevronRightIcon />
          </button>
          <span className="carousel__counter" aria-hidden="true">
            {index + 1}/{count}
          </span>
          <div className="carousel__dots" aria-hidden="true">
            {images.map((image, i) => (
              <span key={image.id} className={i === index ? 'carousel__dot is-active' : 'carousel__dot'} />
            ))}
          </div>
          <p className="visually-hidden" aria-live="polite">
            {t('note.slideLabel', { index: index + 1, count })}
          </p>
        </>
      ) : null}
    </section>
  );
}
