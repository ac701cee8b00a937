import { Type } from 'typebox';
import type { ImageRow } from '../../db/tables/images.js';
import type { MediaStorage } from './media-storage.js';

export const ImageViewSchema = Type.Object({
  id: Type.String(),
  width: Type.Integer(),
  height: Type.Integer(),
  placeholder: Type.String({ description: 'blurhash' }),
  color: Type.String({ description: 'dominant colour, #rrggbb' }),
  alt: Type.String(),
  url: Type.String({ description: 'the ~720 px wide WebP' }),
  variants: Type.Array(Type.Object({ width: Type.Integer(), height: Type.Integer(), url: Type.String() })),
});

export function presentImage(row: ImageRow, storage: MediaStorage) {
  const variants = row.variants.map((variant) => ({ width: variant.width, height: variant.height, url: storage.url(variant.key) }));
  const medium = variants.find((variant) => variant.width >= 720) ?? variants.at(-1)!;
  return {
    id: row.id,
    width: row.width,
    height: row.height,
    placeholder: row.placeholder,
    color: row.dominant_color,
    alt: row.alt,
    url: medium.url,
    variants,
  };
}
