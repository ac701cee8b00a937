import fs from 'node:fs';
import path from 'node:path';
import { buildDataset, type Dataset, type RawInteraction, type RawItem } from './dataset.js';

// MovieLens-100k in its own format: u.data (user \t item \t rating \t unix
// seconds), u.item (id|title|release|video release|url|19 genre flags) and
// u.genre (name|index). Genres become tags; a film has no creator, so each
// film is its own creator. The rating is the interaction's weight.

export function loadMovieLens(dir: string): Dataset {
  const read = (name: string, encoding: BufferEncoding = 'utf8') => {
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) throw new Error(`${file} not found: --movielens expects the ml-100k directory (u.data, u.item, u.genre)`);
    return fs.readFileSync(file, encoding);
  };
  const genres: string[] = [];
  for (const line of read('u.genre').split('\n')) {
    const [name, index] = line.trim().split('|');
    if (name && index !== undefined) genres[Number(index)] = name;
  }
  // u.item is Latin-1 (accented titles).
  const items: RawItem[] = read('u.item', 'latin1')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const fields = line.split('|');
      const flags = fields.slice(5);
      return {
        key: fields[0]!,
        creator: null,
        createdAt: null,
        title: fields[1] ?? fields[0]!,
        tags: flags.flatMap((flag, index) => (flag.trim() === '1' && genres[index] && genres[index] !== 'unknown' ? [genres[index]!] : [])),
      };
    });
  const interactions: RawInteraction[] = read('u.data')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => {
      const [user, item, rating, seconds] = line.split('\t');
      return { user: user!, item: item!, at: Number(seconds) * 1000, weight: Number(rating) };
    });
  return buildDataset(items, interactions);
}
