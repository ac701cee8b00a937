import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

// The system's ffmpeg when there is one (Debian's is current and fast), else the
// binaries bundled by @ffmpeg-installer so `npm start` needs no extra install.
// The bundled ffmpeg is 4.1: every option used here exists there.

export interface FfmpegTools {
  ffmpeg: string;
  ffprobe: string;
}

const require = createRequire(import.meta.url);

function onPath(name: string): boolean {
  return spawnSync(name, ['-version'], { stdio: 'ignore' }).status === 0;
}

export function resolveFfmpegTools(explicit: { ffmpegPath: string | null; ffprobePath: string | null }): FfmpegTools {
  const bundled = (pkg: string) => (require(pkg) as { path: string }).path;
  return {
    ffmpeg: explicit.ffmpegPath ?? (onPath('ffmpeg') ? 'ffmpeg' : bundled('@ffmpeg-installer/ffmpeg')),
    ffprobe: explicit.ffprobePath ?? (onPath('ffprobe') ? 'ffprobe' : bundled('@ffprobe-installer/ffprobe')),
  };
}

export class ToolError extends Error {
  constructor(
    message: string,
    readonly exitCode: number | null,
    readonly stderr: string,
  ) {
    super(message);
  }
}

/**
 * Runs a tool to completion; stdout is returned whole unless `onStdoutLine` takes it.
 * The abort signal kills the process (a job stopped at shutdown).
 */
export function runTool(
  command: string,
  args: string[],
  options: { signal?: AbortSignal; onStdoutLine?: (line: string) => void; maxStdoutBytes?: number } = {},
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], signal: options.signal });
    const chunks: Buffer[] = [];
    let partial = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      if (!options.onStdoutLine) {
        chunks.push(chunk);
        return;
      }
      partial += chunk.toString('utf8');
      const lines = partial.split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) options.onStdoutLine(line.trim());
    });
    // Only the tail matters for a diagnosis; a long encode prints a lot.
    child.stderr.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    let failure: Error | null = null;
    child.on('error', (error) => {
      // Not started at all: no 'close' follows. Aborted: wait for the exit, so no file is still being written.
      if (child.pid === undefined) reject(error);
      else failure = error;
    });
    child.on('close', (code) => {
      if (failure) reject(failure);
      else if (code === 0) resolve(Buffer.concat(chunks));
      else reject(new ToolError(`${command.split('/').at(-1)} exited with ${code}: ${stderr.trim().split('\n').at(-1) ?? ''}`, code, stderr));
    });
  });
}
