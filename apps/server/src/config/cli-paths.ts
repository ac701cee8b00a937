import path from 'node:path';

/**
 * A path given on a command line, from the caller's directory: `npm run -w` starts
 * the script in the workspace's directory, and npm keeps the caller's in INIT_CWD.
 * (Read here: config is the one place that reads the environment.)
 */
export function resolveFromCaller(file: string, env: Record<string, string | undefined> = process.env): string {
  return path.resolve(env.INIT_CWD ?? process.cwd(), file);
}
