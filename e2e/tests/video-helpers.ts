import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import bundledFfmpeg from '@ffmpeg-installer/ffmpeg';

const run = promisify(execFile);

/** The system's ffmpeg when there is one, else the binary the npm package brings (as the server does). */
function ffmpegPath(): string {
  for (const dir of (process.env.PATH ?? '').split(':')) {
    const candidate = path.join(dir, 'ffmpeg');
    if (fs.existsSync(candidate)) return candidate;
  }
  return bundledFfmpeg.path;
}

/** A short portrait clip made with ffmpeg's test sources: moving colour bars and a tone. */
export async function generateClip(seconds: number, source = 'testsrc2'): Promise<Buffer> {
  const file = path.join(os.tmpdir(), `qiao-e2e-clip-${process.pid}-${Date.now()}.mp4`);
  await run(ffmpegPath(), [
    '-y',
    '-f',
    'lavfi',
    '-i',
    `${source}=size=360x640:rate=25`,
    '-f',
    'lavfi',
    '-i',
    `sine=frequency=440`,
    '-t',
    String(seconds),
    '-c:v',
    'libx264',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    file,
  ]);
  const data = fs.readFileSync(file);
  fs.rmSync(file, { force: true });
  return data;
}
