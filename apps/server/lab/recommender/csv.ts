import fs from 'node:fs';
import { buildDataset, type Dataset, type RawInteraction, type RawItem } from './dataset.js';

// The evaluation's input files (CSV with a header):
//   interactions: user_id,item_id,timestamp[,weight]
//   items:        item_id,creator_id,created_at,title,tags   (tags separated by |)
// Fields may be quoted ("a, b" and "" for a quote), as spreadsheets write them.

/** Rows of a CSV text, quotes handled; blank lines skipped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRow = () => {
    row.push(field);
    if (row.length > 1 || row[0] !== '') rows.push(row);
    row = [];
    field = '';
  };
  for (; i < text.length; i += 1) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"' && field === '') quoted = true;
    else if (char === ',') {
      row.push(field);
      field = '';
    } else if (char === '\n') endRow();
    else if (char !== '\r') field += char;
  }
  if (field !== '' || row.length) endRow();
  return rows;
}

function columns(header: string[], required: string[], optional: string[], file: string): Map<string, number> {
  const names = header.map((name) => name.trim().toLowerCase());
  const found = new Map<string, number>();
  for (const name of [...required, ...optional]) {
    const index = names.indexOf(name);
    if (index >= 0) found.set(name, index);
    else if (required.includes(name)) throw new Error(`${file}: the header has no "${name}" column (expected ${required.join(',')})`);
  }
  return found;
}

/**
 * A timestamp as Unix seconds (what MovieLens and most exports use), Unix
 * milliseconds (13+ digits), or an ISO 8601 date.
 */
export function parseTimestamp(value: string, where: string): number {
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) {
    const number = Number(trimmed);
    return trimmed.split('.')[0]!.length >= 13 ? number : number * 1000;
  }
  const parsed = Date.parse(trimmed);
  if (Number.isNaN(parsed)) throw new Error(`${where}: "${value}" is not a timestamp`);
  return parsed;
}

export function parseInteractionsCsv(text: string, file = 'interactions'): RawInteraction[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`${file} is empty`);
  const col = columns(header, ['user_id', 'item_id', 'timestamp'], ['weight'], file);
  return rows.map((row, index) => {
    const where = `${file} line ${index + 2}`;
    const user = row[col.get('user_id')!]?.trim() ?? '';
    const item = row[col.get('item_id')!]?.trim() ?? '';
    if (!user || !item) throw new Error(`${where}: user_id and item_id are required`);
    const weightText = col.has('weight') ? (row[col.get('weight')!]?.trim() ?? '') : '';
    const weight = weightText === '' ? 1 : Number(weightText);
    if (!Number.isFinite(weight)) throw new Error(`${where}: weight "${weightText}" is not a number`);
    return { user, item, at: parseTimestamp(row[col.get('timestamp')!] ?? '', where), weight };
  });
}

export function parseItemsCsv(text: string, file = 'items'): RawItem[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new Error(`${file} is empty`);
  const col = columns(header, ['item_id', 'creator_id', 'created_at', 'title', 'tags'], [], file);
  return rows.map((row, index) => {
    const where = `${file} line ${index + 2}`;
    const cell = (name: string) => row[col.get(name)!]?.trim() ?? '';
    const key = cell('item_id');
    if (!key) throw new Error(`${where}: item_id is required`);
    const createdAt = cell('created_at');
    return {
      key,
      creator: cell('creator_id') || null,
      createdAt: createdAt ? parseTimestamp(createdAt, where) : null,
      title: cell('title') || key,
      tags: cell('tags')
        .split('|')
        .map((tag) => tag.trim())
        .filter(Boolean),
    };
  });
}

export function loadCsvDataset(interactionsFile: string, itemsFile: string): Dataset {
  const items = parseItemsCsv(fs.readFileSync(itemsFile, 'utf8'), itemsFile);
  const interactions = parseInteractionsCsv(fs.readFileSync(interactionsFile, 'utf8'), interactionsFile);
  return buildDataset(items, interactions);
}
