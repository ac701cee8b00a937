import fs from 'node:fs';
import path from 'node:path';
import { resolveFfmpegTools, runTool } from '../src/modules/video/ffmpeg-tools.js';

export const tools = resolveFfmpegTools({ ffmpegPath: process.env.FFMPEG_PATH ?? null, ffprobePath: process.env.FFPROBE_PATH ?? null });

/** A clip from ffmpeg's test pattern and a sine tone, carrying metadata the pipeline must strip. */
export async function makeClip(
  file: string,
  options: { width: number; height: number; seconds: number; audio?: boolean; video?: boolean; faststart?: boolean },
): Promise<Buffer> {
  const args = ['-v', 'error', '-y'];
  if (options.video !== false) args.push('-f', 'lavfi', '-i', `testsrc=size=${options.width}x${options.height}:rate=25`);
  if (options.audio !== false) args.push('-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100');
  args.push('-t', String(options.seconds));
  if (options.video !== false) args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p');
  if (options.audio !== false) args.push('-c:a', 'aac');
  args.push('-metadata', 'title=Secret title', '-metadata', 'location=+37.7749-122.4194/', '-metadata', 'comment=SecretCam');
  if (options.faststart) args.push('-movflags', '+faststart');
  args.push(file);
  await runTool(tools.ffmpeg, args);
  return fs.readFileSync(file);
}

export async function ffprobeJson(file: string) {
  const raw = await runTool(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
  return JSON.parse(raw.toString('utf8')) as {
    streams: Array<{ codec_type: string; codec_name: string; width?: number; height?: number; tags?: Record<string, string> }>;
    format: { duration: string; tags?: Record<string, string> };
  };
}

/** Top-level MP4 box names in file order (faststart puts moov before mdat). */
export function topLevelBoxes(data: Buffer): string[] {
  const boxes: string[] = [];
  let offset = 0;
  while (offset + 8 <= data.length) {
    let size = data.readUInt32BE(offset);
    const type = data.toString('latin1', offset + 4, offset + 8);
    if (size === 1) size = Number(data.readBigUInt64BE(offset + 8));
    boxes.push(type);
    if (size < 8) break;
    offset += size;
  }
  return boxes;
}

const TUS = { 'tus-resumable': '1.0.0' };
const b64 = (text: string) => Buffer.from(text).toString('base64');

/** tus 1.0 creation: returns the response; Location names the upload. */
export function tusCreate(baseUrl: string, cookie: string, length: number, metadata: Record<string, string>) {
  return fetch(`${baseUrl}/api/uploads/videos`, {
    method: 'POST',
    headers: {
      ...TUS,
      cookie,
      'upload-length': String(length),
      ...(Object.keys(metadata).length
        ? {
            'upload-metadata': Object.entries(metadata)
              .map(([key, value]) => `${key} ${b64(value)}`)
              .join(','),
          }
        : {}),
    },
  });
}

export function tusPatch(baseUrl: string, location: string, cookie: string, offset: number, chunk: Buffer) {
  return fetch(new URL(location, baseUrl), {
    method: 'PATCH',
    headers: { ...TUS, cookie, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
    body: chunk,
  });
}

export function tusHead(baseUrl: string, location: string, cookie: string) {
  return fetch(new URL(location, baseUrl), { method: 'HEAD', headers: { ...TUS, cookie } });
}

/** Uploads a whole file in chunks; returns the video id (the last path segment of Location). */
export async function tusUpload(baseUrl: string, cookie: string, data: Buffer, filename: string, chunkSize = 256 * 1024): Promise<string> {
  const created = await tusCreate(baseUrl, cookie, data.length, { filename, filetype: filetypeOf(filename) });
  if (created.status !== 201) throw new Error(`tus create failed: ${created.status} ${await created.text()}`);
  const location = created.headers.get('location')!;
  for (let offset = 0; offset < data.length; offset += chunkSize) {
    const response = await tusPatch(baseUrl, location, cookie, offset, data.subarray(offset, offset + chunkSize));
    if (response.status !== 204) throw new Error(`tus patch failed: ${response.status} ${await response.text()}`);
  }
  return path.basename(location);
}

export function filetypeOf(filename: string): string {
  const ext = path.extname(filename).toLowerCase();
  return ext === '.mov' ? 'video/quicktime' : ext === '.webm' ? 'video/webm' : 'video/mp4';
}

/** A JSON body, untyped: tests assert its shape. */
export async function readJson(response: Response | Promise<Response>): Promise<any> {
  return (await response).json();
}
