import sharp from 'sharp';
import type { TestApp } from './test-app.js';

/** A real JPEG carrying EXIF (orientation 6 = rotate 90°, camera model, GPS-ish text). */
export function photoWithExif(width = 1600, height = 1200, color = '#e23b4e'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .jpeg()
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'SecretCam', Model: 'GPS 37.7749N 122.4194W' } } })
    .toBuffer();
}

export function multipartBody(fields: Record<string, string>, file: { name: string; type: string; data: Buffer }) {
  const boundary = `----qiao${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`));
  parts.push(file.data, Buffer.from(`\r\n--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function uploadImage(t: TestApp, cookie: string, data?: Buffer, options: { alt?: string; name?: string; type?: string } = {}) {
  const body = multipartBody(options.alt ? { alt: options.alt } : {}, {
    name: options.name ?? 'photo.jpg',
    type: options.type ?? 'image/jpeg',
    data: data ?? (await photoWithExif(800, 600)),
  });
  return t.app.inject({ method: 'POST', url: '/api/media/images', payload: body.payload, headers: { ...body.headers, cookie } });
}

/** Uploads n small images and returns their ids. */
export async function uploadImages(t: TestApp, cookie: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const response = await uploadImage(t, cookie, await photoWithExif(400, 300, i % 2 ? '#3366cc' : '#22aa66'));
    if (response.statusCode !== 201) throw new Error(`upload failed: ${response.body}`);
    ids.push(response.json().image.id);
  }
  return ids;
}
