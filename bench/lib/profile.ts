import fs from 'node:fs';
import path from 'node:path';

export interface CpuProfile {
  nodes: Array<{ id: number; hitCount?: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
}

export interface Frame {
  frame: string;
  selfShare: number;
}

/** The frames where a CPU profile's samples fell, by self time (the flame, as text). */
export function topFrames(profile: CpuProfile, count = 25): Frame[] {
  const self = new Map<string, number>();
  let total = 0;
  for (const node of profile.nodes) {
    const hits = node.hitCount ?? 0;
    total += hits;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url ? `${url.split('/').slice(-2).join('/')}:${lineNumber + 1}` : '';
    const key = `${functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + hits);
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([frame, hits]) => ({ frame, selfShare: Math.round((hits / Math.max(total, 1)) * 1000) / 1000 }));
}

/** The server's profile from its `--cpu-prof` directory (the largest, should a helper process have written one too). */
export function serverProfile(dir: string): { file: string; flame: Frame[] } | null {
  const files = fs
    .readdirSync(dir)
    .filter((name) => name.endsWith('.cpuprofile'))
    .map((name) => path.join(dir, name));
  if (files.length === 0) return null;
  const file = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  return { file, flame: topFrames(JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile) };
}
