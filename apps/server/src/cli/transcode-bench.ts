import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { resolveFfmpegTools, runTool } from '../modules/video/ffmpeg-tools.js';
import { encodeFrame } from '../modules/video/video-frames.js';
import { probeVideo } from '../modules/video/video-probe.js';
import { transcodeVideo } from '../modules/video/video-transcode.js';

// Times the transcode job's own code (probe, every rendition, HLS, poster and
// previews) on a generated clip, without a database or a server. Used by
// `npm run bench -- transcode`; prints one JSON line.
//   tsx src/cli/transcode-bench.ts [--width 1080 --height 1920 --seconds 30]

const { values } = parseArgs({
  options: { width: { type: 'string', default: '1080' }, height: { type: 'string', default: '1920' }, seconds: { type: 'string', default: '30' } },
});
const width = Number(values.width);
const height = Number(values.height);
const seconds = Number(values.seconds);
const config = loadConfig();
const tools = resolveFfmpegTools(config.video);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiao-transcode-bench-'));
try {
  const source = path.join(dir, 'source.mp4');
  await runTool(tools.ffmpeg, [
    '-v',
    'error',
    '-y',
    '-f',
    'lavfi',
    '-i',
    `testsrc=size=${width}x${height}:rate=30`,
    '-f',
    'lavfi',
    '-i',
    'sine=frequency=440:sample_rate=44100',
    '-t',
    String(seconds),
    '-c:v',
    'libx264',
    '-preset',
    'ultrafast',
    '-crf',
    '18',
    '-pix_fmt',
    'yuv420p',
    '-c:a',
    'aac',
    source,
  ]);
  const started = process.hrtime.bigint();
  const probe = await probeVideo(tools, source, config.video.maxDurationSeconds);
  const output = await transcodeVideo({ tools, source, probe, workDir: path.join(dir, 'work'), threads: config.video.ffmpegThreads });
  for (const frame of [output.poster, ...output.previews]) await encodeFrame(frame);
  const elapsed = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(
    `${JSON.stringify({
      ffmpeg: tools.ffmpeg,
      clip: { width, height, seconds },
      renditions: output.renditions.map((rendition) => `${rendition.width}x${rendition.height}`),
      seconds: Math.round(elapsed * 100) / 100,
      ratioToClip: Math.round((elapsed / seconds) * 1000) / 1000,
      cpus: os.cpus().length,
    })}\n`,
  );
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
