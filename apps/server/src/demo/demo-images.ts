import sharp from 'sharp';
import type { ImageVariant } from '../db/tables/images.js';
import { processImage } from '../modules/media/image-processing.js';
import type { MediaStorage } from '../modules/media/media-storage.js';
import type { Random } from './random.js';

// Generated artwork for the demo world: gradients, soft shapes and a big emoji-free
// motif, in the aspect ratios people post (3:4 most, then 1:1, 4:3, 9:16), so the
// masonry grid looks like a real one. Many demo notes share these files.

export interface StoredImage {
  prefix: string;
  width: number;
  height: number;
  variants: ImageVariant[];
  placeholder: string;
  color: string;
}

const PALETTES = [
  ['#ff9a9e', '#fecfef'],
  ['#a18cd1', '#fbc2eb'],
  ['#f6d365', '#fda085'],
  ['#84fab0', '#8fd3f4'],
  ['#cfd9df', '#e2ebf0'],
  ['#fccb90', '#d57eeb'],
  ['#e0c3fc', '#8ec5fc'],
  ['#f093fb', '#f5576c'],
  ['#4facfe', '#00f2fe'],
  ['#43e97b', '#38f9d7'],
  ['#fa709a', '#fee140'],
  ['#30cfd0', '#330867'],
];
const SIZES: Array<[number, number]> = [
  [900, 1200],
  [900, 1200],
  [900, 1200],
  [1000, 1000],
  [1200, 900],
  [720, 1280],
];

function artwork(random: Random, width: number, height: number): string {
  const [from, to] = random.pick(PALETTES);
  const shapes = Array.from({ length: random.int(3, 7) }, () => {
    const r = random.int(Math.round(width / 12), Math.round(width / 3));
    return `<circle cx="${random.int(0, width)}" cy="${random.int(0, height)}" r="${r}" fill="#ffffff" fill-opacity="${(random.int(10, 35) / 100).toFixed(2)}"/>`;
  }).join('');
  const motif = random.pick([
    // a cat face
    `<g transform="translate(${width / 2},${height / 2}) scale(${width / 600})" fill="#ffffff" fill-opacity="0.85"><path d="M-120,-40 L-90,-150 L-30,-90 L30,-90 L90,-150 L120,-40 A130,110 0 1,1 -120,-40 Z"/><circle cx="-45" cy="0" r="14" fill="#333"/><circle cx="45" cy="0" r="14" fill="#333"/><path d="M-12,35 L12,35 L0,50 Z" fill="#f47"/></g>`,
    // a bridge (桥)
    `<g transform="translate(${width / 2},${height * 0.6}) scale(${width / 600})" fill="none" stroke="#ffffff" stroke-opacity="0.9" stroke-width="18" stroke-linecap="round"><path d="M-220,0 Q0,-220 220,0"/><path d="M-240,0 L240,0"/><path d="M-110,-95 L-110,0 M0,-120 L0,0 M110,-95 L110,0"/></g>`,
    // a bowl of noodles
    `<g transform="translate(${width / 2},${height / 2}) scale(${width / 600})" fill="#ffffff" fill-opacity="0.9"><path d="M-170,0 L170,0 A170,150 0 0,1 -170,0 Z"/><path d="M-60,-20 L40,-200 M-20,-20 L80,-190" stroke="#fff" stroke-width="10"/></g>`,
    // a sun over hills
    `<g transform="translate(${width / 2},${height * 0.55}) scale(${width / 600})" fill="#ffffff" fill-opacity="0.85"><circle cx="0" cy="-120" r="80"/><path d="M-300,120 Q-150,-20 0,120 Q150,-20 300,120 Z"/></g>`,
  ]);
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="100%" height="100%" fill="url(#g)"/>${shapes}${motif}</svg>`;
}

/** Renders `count` images through the same pipeline as uploads and stores them. */
export async function generateDemoImages(storage: MediaStorage, random: Random, count: number): Promise<StoredImage[]> {
  const images: StoredImage[] = [];
  for (let i = 0; i < count; i += 1) {
    const [width, height] = random.pick(SIZES);
    const jpeg = await sharp(Buffer.from(artwork(random, width, height)))
      .jpeg({ quality: 85 })
      .toBuffer();
    const processed = await processImage(jpeg);
    const prefix = `images/demo/${String(i).padStart(3, '0')}-${Math.floor(random.next() * 1e9).toString(36)}`;
    const variants = processed.variants.map((variant) => ({
      width: variant.width,
      height: variant.height,
      key: `${prefix}-${variant.width}.webp`,
      bytes: variant.data.length,
    }));
    await Promise.all(processed.variants.map((variant, j) => storage.put(variants[j]!.key, variant.data, 'image/webp')));
    images.push({ prefix, width: processed.width, height: processed.height, variants, placeholder: processed.placeholder, color: processed.dominantColor });
  }
  return images;
}
