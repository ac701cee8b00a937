import fs from 'node:fs/promises';
import path from 'node:path';
import { type FfmpegTools, runTool } from './ffmpeg-tools.js';
import type { ProbedVideo } from './video-probe.js';

// The whole conversion of one source file into what players need, on local
// disk under `workDir`: MP4 renditions, HLS playlists over them, and stills.
// Pure file work (no database, no storage) so the job and the benchmark share it.

export interface RenditionFile {
  /** The shorter side. */
  label: number;
  width: number;
  height: number;
  file: string;
  bytes: number;
}

export interface TranscodeOutput {
  renditions: RenditionFile[];
  /** Directory holding master.m3u8 and <label>/index.m3u8 + segments. */
  hlsDir: string;
  /** PNG stills: the poster, then the preview frames in time order. */
  poster: Buffer;
  previews: Buffer[];
}

export interface TranscodeOptions {
  tools: FfmpegTools;
  source: string;
  probe: ProbedVideo;
  workDir: string;
  threads: number;
  /** 0..1, as often as ffmpeg reports; the caller throttles. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

const LABELS = [480, 720, 1080];
const PREVIEW_COUNT = 5;
// Keyframes every 2 s let the HLS muxer cut 4 s segments from the MP4s without re-encoding.
const KEYFRAME_SECONDS = 2;
const SEGMENT_SECONDS = 4;
const even = (value: number) => Math.max(2, Math.round(value / 2) * 2);

export function renditionSizes(width: number, height: number): Array<{ label: number; width: number; height: number }> {
  const shorter = Math.min(width, height);
  // 720p is what players pick first, so a source a little under it (600+) is scaled up to it.
  const labels = LABELS.filter((label) => label <= shorter || (label === 720 && shorter >= 600));
  // A source smaller than 480p still gets one rendition, at its own size.
  if (labels.length === 0) labels.push(even(shorter));
  return labels.map((label) =>
    height > width ? { label, width: label, height: even((height * label) / width) } : { label, width: even((width * label) / height), height: label },
  );
}

const BITRATE_K: Record<number, number> = { 480: 1200, 720: 2500, 1080: 5000 };

function encodeArgs(options: TranscodeOptions, sizes: ReturnType<typeof renditionSizes>): string[] {
  const split = `[0:v]split=${sizes.length}${sizes.map((_, i) => `[s${i}]`).join('')}`;
  const scales = sizes.map((size, i) => `[s${i}]scale=${size.width}:${size.height}:flags=bicubic,setsar=1,format=yuv420p[v${i}]`);
  const args = ['-hide_banner', '-nostdin', '-y', '-v', 'error', '-i', options.source, '-filter_complex', [split, ...scales].join(';')];
  sizes.forEach((size, i) => {
    const maxrate = BITRATE_K[size.label] ?? 1000;
    args.push(
      '-map',
      `[v${i}]`,
      '-map',
      '0:a:0?',
      '-c:v',
      'libx264',
      '-preset',
      'veryfast',
      '-crf',
      '23',
      '-maxrate',
      `${maxrate}k`,
      '-bufsize',
      `${maxrate * 2}k`,
      '-profile:v',
      'high',
      '-threads',
      String(options.threads),
      '-force_key_frames',
      `expr:gte(t,n_forced*${KEYFRAME_SECONDS})`,
      '-sc_threshold',
      '0',
      '-c:a',
      'aac',
      '-b:a',
      '128k',
      '-ac',
      '2',
      '-ar',
      '44100',
      // Strip everything the camera wrote (GPS, device, dates) and ffmpeg's own encoder tag.
      '-map_metadata',
      '-1',
      '-map_chapters',
      '-1',
      '-fflags',
      '+bitexact',
      '-flags:v',
      '+bitexact',
      '-flags:a',
      '+bitexact',
      '-movflags',
      '+faststart',
      path.join(options.workDir, `${size.label}.mp4`),
    );
  });
  args.push('-progress', 'pipe:1', '-nostats');
  return args;
}

function hlsArgs(renditions: RenditionFile[], hlsDir: string): string[] {
  const args = ['-hide_banner', '-nostdin', '-y', '-v', 'error'];
  for (const rendition of renditions) args.push('-i', rendition.file);
  renditions.forEach((rendition, i) => {
    const dir = path.join(hlsDir, String(rendition.label));
    args.push(
      '-map',
      `${i}`,
      '-c',
      'copy',
      '-bsf:v',
      'h264_mp4toannexb',
      '-map_metadata',
      '-1',
      '-f',
      'hls',
      '-hls_time',
      String(SEGMENT_SECONDS),
      '-hls_playlist_type',
      'vod',
      '-hls_list_size',
      '0',
      '-hls_segment_filename',
      path.join(dir, 'seg%03d.ts'),
      path.join(dir, 'index.m3u8'),
    );
  });
  return args;
}

export function masterPlaylist(renditions: RenditionFile[], durationSeconds: number): string {
  const lines = ['#EXTM3U', '#EXT-X-VERSION:3'];
  for (const rendition of renditions) {
    // Peak is above the average; 1.5x keeps players from picking a level they cannot sustain.
    const bandwidth = Math.ceil(((rendition.bytes * 8) / Math.max(durationSeconds, 0.1)) * 1.5);
    lines.push(`#EXT-X-STREAM-INF:BANDWIDTH=${bandwidth},RESOLUTION=${rendition.width}x${rendition.height}`, `${rendition.label}/index.m3u8`);
  }
  return `${lines.join('\n')}\n`;
}

async function frameAt(tools: FfmpegTools, file: string, seconds: number, signal?: AbortSignal): Promise<Buffer> {
  return runTool(
    tools.ffmpeg,
    ['-hide_banner', '-nostdin', '-v', 'error', '-ss', seconds.toFixed(3), '-i', file, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', 'pipe:1'],
    { signal },
  );
}

export async function transcodeVideo(options: TranscodeOptions): Promise<TranscodeOutput> {
  const { tools, probe, workDir, signal } = options;
  const duration = probe.durationSeconds;
  const report = (fraction: number) => options.onProgress?.(Math.min(1, Math.max(0, fraction)));
  await fs.mkdir(workDir, { recursive: true });
  const sizes = renditionSizes(probe.width, probe.height);

  // One decode feeds every rendition: the source is read once.
  await runTool(tools.ffmpeg, encodeArgs(options, sizes), {
    signal,
    onStdoutLine(line) {
      // ffmpeg 4.x names it out_time_ms but the unit is microseconds.
      const match = /^out_time_(?:ms|us)=(\d+)/.exec(line);
      if (match) report((Number(match[1]) / 1e6 / duration) * 0.85);
    },
  });
  const renditions: RenditionFile[] = [];
  for (const size of sizes) {
    const file = path.join(workDir, `${size.label}.mp4`);
    renditions.push({ ...size, file, bytes: (await fs.stat(file)).size });
  }
  report(0.85);

  const hlsDir = path.join(workDir, 'hls');
  await fs.rm(hlsDir, { recursive: true, force: true });
  for (const rendition of renditions) await fs.mkdir(path.join(hlsDir, String(rendition.label)), { recursive: true });
  await runTool(tools.ffmpeg, hlsArgs(renditions, hlsDir), { signal });
  await fs.writeFile(path.join(hlsDir, 'master.m3u8'), masterPlaylist(renditions, duration));
  report(0.92);

  // Stills come from the largest rendition up to 720p: faster to decode than the source, already upright.
  const still = [...renditions].reverse().find((rendition) => rendition.label <= 720) ?? renditions[0]!;
  const poster = await frameAt(tools, still.file, Math.min(1, duration * 0.25), signal);
  const previews: Buffer[] = [];
  for (let i = 0; i < PREVIEW_COUNT; i += 1) {
    previews.push(await frameAt(tools, still.file, (duration * (2 * i + 1)) / (2 * PREVIEW_COUNT), signal));
  }
  report(0.97);
  return { renditions, hlsDir, poster, previews };
}
