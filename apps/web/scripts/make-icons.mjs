// Draws the Qiao app icon (a white bridge on the red accent) into PNGs with no image
// library: shapes are signed-distance functions, supersampled for smooth edges, and the
// pixels are encoded by hand with node:zlib. Run: node apps/web/scripts/make-icons.mjs
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const RED = [0xff, 0x24, 0x42];
const WHITE = [0xff, 0xff, 0xff];
const publicDir = fileURLToPath(new URL('../public/', import.meta.url));

// Geometry in a 512-unit square, shared with icon.svg so both look the same.
const ARCH = { cx: 256, cy: 300, outer: 150, inner: 118 };
const DECK = { x0: 96, y0: 268, x1: 416, y1: 300, r: 16 };
// Hangers run from the arch down to the deck, which is what makes it read as a bridge.
const HANGERS = [186, 256, 326].map((x) => ({ x0: x - 8, y0: 170, x1: x + 8, y1: 284, r: 8 }));
const LEGS = [
  { x0: 106, y0: 290, x1: 138, y1: 364, r: 8 },
  { x0: 374, y0: 290, x1: 406, y1: 364, r: 8 },
];

function roundedRect(x, y, { x0, y0, x1, y1, r }) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}

function arch(x, y) {
  const d = Math.hypot(x - ARCH.cx, y - ARCH.cy);
  const ring = Math.max(d - ARCH.outer, ARCH.inner - d);
  return y <= ARCH.cy ? ring : Math.max(ring, y - ARCH.cy);
}

function bridge(x, y) {
  const bars = [...LEGS, ...HANGERS].map((b) => roundedRect(x, y, b));
  return Math.min(arch(x, y), roundedRect(x, y, DECK), ...bars);
}

// Returns [r, g, b, a] for one sample in icon units.
function sample(x, y, { maskable }) {
  const bg = maskable ? -1 : roundedRect(x, y, { x0: 0, y0: 0, x1: 512, y1: 512, r: 112 });
  if (bg > 0) return [0, 0, 0, 0];
  return bridge(x, y) <= 0 ? [...WHITE, 255] : [...RED, 255];
}

function render(size, options) {
  const ss = 4;
  const scale = 512 / size;
  const rows = [];
  for (let py = 0; py < size; py++) {
    const row = Buffer.alloc(1 + size * 4);
    for (let px = 0; px < size; px++) {
      const acc = [0, 0, 0, 0];
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const [r, g, b, a] = sample((px + (sx + 0.5) / ss) * scale, (py + (sy + 0.5) / ss) * scale, options);
          // Premultiply so transparent samples do not darken the edge.
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      }
      const a = acc[3] / (ss * ss);
      const o = 1 + px * 4;
      row[o] = acc[3] ? Math.round(acc[0] / acc[3]) : 0;
      row[o + 1] = acc[3] ? Math.round(acc[1] / acc[3]) : 0;
      row[o + 2] = acc[3] ? Math.round(acc[2] / acc[3]) : 0;
      row[o + 3] = Math.round(a);
    }
    rows.push(row);
  }
  return encodePng(size, size, Buffer.concat(rows));
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function encodePng(width, height, filteredRows) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(filteredRows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">
  <title>Qiao</title>
  <rect width="512" height="512" rx="112" fill="#ff2442"/>
  <g fill="#fff">
    <path d="M${ARCH.cx - ARCH.outer} ${ARCH.cy}A${ARCH.outer} ${ARCH.outer} 0 0 1 ${ARCH.cx + ARCH.outer} ${ARCH.cy}H${ARCH.cx + ARCH.inner}A${ARCH.inner} ${ARCH.inner} 0 0 0 ${ARCH.cx - ARCH.inner} ${ARCH.cy}Z"/>
    <rect x="${DECK.x0}" y="${DECK.y0}" width="${DECK.x1 - DECK.x0}" height="${DECK.y1 - DECK.y0}" rx="${DECK.r}"/>
${[...LEGS, ...HANGERS].map((l) => `    <rect x="${l.x0}" y="${l.y0}" width="${l.x1 - l.x0}" height="${l.y1 - l.y0}" rx="${l.r}"/>`).join('\n')}
  </g>
</svg>
`;

writeFileSync(`${publicDir}icon.svg`, svg);
writeFileSync(`${publicDir}icon-192.png`, render(192, { maskable: false }));
writeFileSync(`${publicDir}icon-512.png`, render(512, { maskable: false }));
writeFileSync(`${publicDir}icon-maskable-512.png`, render(512, { maskable: true }));
writeFileSync(`${publicDir}apple-touch-icon.png`, render(180, { maskable: true }));
console.log('icons written to', publicDir);
