import { useState } from 'react';
import { blurhashToDataUrl } from '../lib/blurhash-url';
import type { ImageView } from '../features/notes/note-types';
import './responsive-image.css';

interface ResponsiveImageProps {
  image: ImageView;
  /** Height over width of the box; the image covers it. Defaults to the image's own. */
  ratio?: number;
  /** The `sizes` attribute: how wide the image is drawn, so the browser picks a variant. */
  sizes: string;
  eager?: boolean;
  className?: string;
  /** Overrides the author's alt text (e.g. '' when a caption next to it says the same). */
  alt?: string;
}

/**
 * An uploaded image in a box sized from its known dimensions (nothing jumps), painted
 * with its dominant colour and blurred preview until the right-sized variant loads.
 */
export function ResponsiveImage({ image, ratio, sizes, eager, className, alt }: ResponsiveImageProps) {
  const [loaded, setLoaded] = useState(false);
  const boxRatio = ratio ?? (image.width > 0 ? image.height / image.width : 1);
  const preview = blurhashToDataUrl(image.placeholder);
  const srcSet = image.variants.map((v) => `${v.url} ${v.width}w`).join(', ');
  return (
    <div
      className={['rimg', className].filter(Boolean).join(' ')}
      style={{
        paddingBottom: `${boxRatio * 100}%`,
        backgroundColor: image.color || undefined,
        backgroundImage: preview ? `url(${preview})` : undefined,
      }}
    >
      <img
        className={loaded ? 'rimg__img is-loaded' : 'rimg__img'}
        src={image.url}
        srcSet={srcSet || undefined}
        sizes={srcSet ? sizes : undefined}
        width={image.width}
        height={image.height}
        alt={alt ?? image.alt}
        loading={eager ? 'eager' : 'lazy'}
        decoding="async"
        onLoad={() => setLoaded(true)}
        draggable={false}
      />
    </div>
  );
}
