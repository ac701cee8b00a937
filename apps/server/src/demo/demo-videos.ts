import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../db/database.js';
import type { NotesService } from '../modules/notes/notes-service.js';
import { type FfmpegTools, runTool } from '../modules/video/ffmpeg-tools.js';
import type { VideoUploads } from '../modules/video/video-uploads.js';

// A few short videos for the demo world, so the Video tab is alive on first
// start. They are made with ffmpeg's own test sources and go through the real
// pipeline: an upload finishing, the transcode job, then a note.

const CLIPS = [
  { source: 'testsrc2=size=540x960:rate=25', tone: 440, title: 'Colour bars dance 🌈', body: 'My first short video here! #TikTokRefugee #hello' },
  {
    source: 'life=size=540x960:rate=25:mold=10:ratio=0.1:death_color=#ff2442:life_color=#ffd6dc',
    tone: 523,
    title: '生命游戏',
    body: '看着细胞一代代变化，很治愈。#交猫税 #TikTokRefugee',
  },
  { source: 'cellauto=size=540x960:rate=25:rule=110', tone: 587, title: 'Rule 110, live', body: 'A tiny universe computing itself. #learnChinese #hello' },
  { source: 'smptebars=size=540x960:rate=25', tone: 659, title: '老电视的彩条', body: '还记得深夜电视节目结束后的画面吗？#旅行' },
  { source: 'rgbtestsrc=size=540x960:rate=25', tone: 698, title: 'Pure colours', body: 'Red, green, blue. That is all. #OOTD' },
];

export interface DemoVideoDeps {
  db: Db;
  uploads: VideoUploads;
  notes: NotesService;
  tools: FfmpegTools;
  uploadsDir: string;
  log: (line: string) => void;
}

export async function seedDemoVideos(deps: DemoVideoDeps, now: Date): Promise<number> {
  // Demo people are the accounts without a phone number.
  const authors = await deps.db.selectFrom('users').selectAll().where('phone_index', 'is', null).orderBy('id').limit(CLIPS.length).execute();
  await fs.mkdir(deps.uploadsDir, { recursive: true });
  let made = 0;
  for (const [i, clip] of CLIPS.entries()) {
    const author = authors[i % Math.max(authors.length, 1)];
    if (!author) break;
    const videoId = randomUUID();
    const file = path.join(deps.uploadsDir, videoId);
    await runTool(deps.tools.ffmpeg, [
      '-y',
      '-f',
      'lavfi',
      '-i',
      clip.source,
      '-f',
      'lavfi',
      '-i',
      `sine=frequency=${clip.tone}`,
      '-t',
      '6',
      '-c:v',
      'libx264',
      '-preset',
      'ultrafast',
      '-pix_fmt',
      'yuv420p',
      '-c:a',
      'aac',
      '-f',
      'mp4',
      file,
    ]);
    const { size } = await fs.stat(file);
    await deps.uploads.finished(videoId, author.id, `demo-${i}.mp4`, size);
    await deps.notes.create(author, { title: clip.title, body: clip.body, videoId, coverFrame: 1 }, now);
    made += 1;
  }
  deps.log(`demo: ${made} videos queued for transcoding`);
  return made;
}
