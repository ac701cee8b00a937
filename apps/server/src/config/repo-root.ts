import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root: relative paths in the environment and on command lines are read from here. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
