import { decode, isBlurhashValid } from 'blurhash';

const cache = new Map<string, string | null>();
const SIZE = 24;

/**
 * A blurhash decoded into a tiny PNG data URL, cached per hash: drawn (scaled up and
 * blurred by the browser) behind an image until the real one arrives.
 */
export function blurhashToDataUrl(hash: string | undefined): string | null {
  if (!hash) return null;
  const cached = cache.get(hash);
  if (cached !== undefined) return cached;
  let url: string | null = null;
  try {
    if (isBlurhashValid(hash).result) {
      const pixels = decode(hash, SIZE, SIZE);
      const canvas = document.createElement('canvas');
      canvas.width = SIZE;
      canvas.height = SIZE;
      const context = canvas.getContext('2d');
      if (context) {
        const image = context.createImageData(SIZE, SIZE);
        image.data.set(pixels);
        context.putImageData(image, 0, 0);
        url = canvas.toDataURL();
      }
    }
  } catch {
    url = null;
  }
  cache.set(hash, url);
  return url;
}
