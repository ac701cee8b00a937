import fs from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../src/config/repo-root.js';
import { ACTORS, type Actor } from './world.js';

// The expected status of every route for every actor lives in one Markdown
// table a person can read (docs/authorization-matrix.md); this reads it back
// and writes it anew when asked to.

export const MATRIX_FILE = path.join(repoRoot, 'docs', 'authorization-matrix.md');
export type Row = Record<Actor, number>;

const ROW = /^\|\s*`([A-Z]+ \/[^`]*)`\s*\|(.*)\|\s*$/;

export function readMatrix(file = MATRIX_FILE): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const match = ROW.exec(line.trim());
    if (!match?.[1] || match[2] === undefined) continue;
    const route = match[1];
    const cells = match[2].split('|').map((cell) => Number(cell.trim()));
    if (cells.length < ACTORS.length || cells.slice(0, ACTORS.length).some((cell) => !Number.isInteger(cell))) {
      throw new Error(`${path.basename(file)}: the row for ${route} needs ${ACTORS.length} statuses`);
    }
    if (rows.has(route)) throw new Error(`${path.basename(file)}: ${route} has two rows`);
    rows.set(route, Object.fromEntries(ACTORS.map((actor, i) => [actor, cells[i]])) as Row);
  }
  return rows;
}

export function formatRow(route: string, row: Row): string {
  return `| \`${route}\` | ${ACTORS.map((actor) => row[actor]).join(' | ')} |`;
}

/** Replaces the table between its markers with these rows, keeping the prose around it. */
export function writeMatrix(rows: Map<string, Row>, file = MATRIX_FILE): void {
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- matrix:start -->');
  const end = text.indexOf('<!-- matrix:end -->');
  if (start < 0 || end < 0) throw new Error(`${path.basename(file)} lost its matrix markers`);
  const header = `| route | ${ACTORS.join(' | ')} |\n| --- | ${ACTORS.map(() => '---').join(' | ')} |`;
  const body = [...rows].map(([route, row]) => formatRow(route, row)).join('\n');
  fs.writeFileSync(file, `${text.slice(0, start)}<!-- matrix:start -->\n${header}\n${body}\n${text.slice(end)}`);
}
