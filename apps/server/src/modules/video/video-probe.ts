import { type FfmpegTools, runTool } from './ffmpeg-tools.js';
import { VideoRejected } from './video-errors.js';

export interface ProbedVideo {
  durationSeconds: number;
  /** Display size: a phone's rotation flag is already applied. */
  width: number;
  height: number;
  hasAudio: boolean;
}

interface FfprobeOutput {
  streams?: Array<{
    codec_type?: string;
    codec_name?: string;
    width?: number;
    height?: number;
    duration?: string;
    tags?: Record<string, string>;
    side_data_list?: Array<{ rotation?: number }>;
  }>;
  format?: { format_name?: string; duration?: string };
}

// Still images and image sequences probe as "video" with one frame: not a video to us.
const IMAGE_FORMATS = /(^|,)(image2|png_pipe|jpeg_pipe|webp_pipe|gif|bmp_pipe|tiff_pipe|apng)(,|$)/;

export async function probeVideo(tools: FfmpegTools, file: string, maxDurationSeconds: number): Promise<ProbedVideo> {
  let output: FfprobeOutput;
  try {
    const raw = await runTool(tools.ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', file]);
    output = JSON.parse(raw.toString('utf8')) as FfprobeOutput;
  } catch {
    throw new VideoRejected('video_unreadable', 'This file is not a video we can read: it may be damaged, incomplete or another kind of file.');
  }
  const streams = output.streams ?? [];
  const video = streams.find((stream) => stream.codec_type === 'video' && stream.codec_name !== 'mjpeg' && stream.codec_name !== 'png');
  if (!video?.width || !video.height) {
    if (streams.some((stream) => stream.codec_type === 'audio')) {
      throw new VideoRejected('video_no_video_stream', 'This file has sound but no picture. Upload a video.');
    }
    throw new VideoRejected('video_unreadable', 'This file is not a video we can read: it may be damaged, incomplete or another kind of file.');
  }
  const duration = Number(output.format?.duration ?? video.duration);
  if (IMAGE_FORMATS.test(output.format?.format_name ?? '') || !Number.isFinite(duration) || duration <= 0) {
    throw new VideoRejected('video_unreadable', 'This file is not a video we can read: it may be damaged, incomplete or another kind of file.');
  }
  if (duration > maxDurationSeconds + 0.5) {
    throw new VideoRejected('video_too_long', `Videos can be at most ${Math.round(maxDurationSeconds / 60)} minutes long.`);
  }
  const rotation = Math.abs(Number(video.tags?.rotate ?? video.side_data_list?.find((side) => side.rotation !== undefined)?.rotation ?? 0)) % 180;
  const [width, height] = rotation === 90 ? [video.height, video.width] : [video.width, video.height];
  return { durationSeconds: duration, width, height, hasAudio: streams.some((stream) => stream.codec_type === 'audio') };
}
