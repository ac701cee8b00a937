// An interaction data set in memory, as the offline evaluation sees it: users
// and items numbered densely (in order of first appearance / listing), so
// splits, baselines and metrics work on arrays instead of maps.

export interface RawInteraction {
  user: string;
  item: string;
  /** Milliseconds since the epoch. */
  at: number;
  weight: number;
}

export interface RawItem {
  key: string;
  /** Null: the item is its own creator (MovieLens, or an empty creator_id). */
  creator: string | null;
  /** Null: the time of its first interaction. */
  createdAt: number | null;
  title: string;
  tags: string[];
}

export interface Interaction {
  user: number;
  item: number;
  at: number;
  weight: number;
  /** Position in the input, so ties in time keep the input's order. */
  order: number;
}

export interface Item {
  key: string;
  /** Index into Dataset.creators. */
  creator: number;
  createdAt: number;
  title: string;
  tags: string[];
}

export interface Creator {
  /** A user key when the creator is also a user of the data set, else the item's own key. */
  key: string;
  /** The user index when the creator is one of the interacting users. */
  user: number | null;
}

export interface Dataset {
  users: string[];
  items: Item[];
  creators: Creator[];
  /** One per (user, item): a repeated pair keeps its first occurrence. */
  interactions: Interaction[];
}

/**
 * Numbers users and items and fills the gaps the formats allow: items only
 * seen in interactions are added, an empty creator makes the item its own
 * creator, an empty created_at becomes the item's first interaction.
 */
export function buildDataset(rawItems: RawItem[], rawInteractions: RawInteraction[]): Dataset {
  const userIndex = new Map<string, number>();
  const users: string[] = [];
  const itemIndex = new Map<string, number>();
  const pending: RawItem[] = [];
  for (const item of rawItems) {
    if (itemIndex.has(item.key)) throw new Error(`item ${item.key} is listed twice`);
    itemIndex.set(item.key, pending.length);
    pending.push(item);
  }

  const interactions: Interaction[] = [];
  const seenPairs = new Set<string>();
  const firstAt: number[] = [];
  for (const raw of rawInteractions) {
    let user = userIndex.get(raw.user);
    if (user === undefined) {
      user = users.length;
      userIndex.set(raw.user, user);
      users.push(raw.user);
    }
    let item = itemIndex.get(raw.item);
    if (item === undefined) {
      item = pending.length;
      itemIndex.set(raw.item, item);
      pending.push({ key: raw.item, creator: null, createdAt: null, title: raw.item, tags: [] });
    }
    firstAt[item] = Math.min(firstAt[item] ?? Infinity, raw.at);
    const pair = `${user}\u0000${item}`;
    if (seenPairs.has(pair)) continue;
    seenPairs.add(pair);
    interactions.push({ user, item, at: raw.at, weight: raw.weight, order: interactions.length });
  }

  const creators: Creator[] = [];
  const creatorIndex = new Map<string, number>();
  const creatorOf = (key: string, user: number | null) => {
    const id = `${user === null ? 'item' : 'user'}\u0000${key}`;
    let index = creatorIndex.get(id);
    if (index === undefined) {
      index = creators.length;
      creatorIndex.set(id, index);
      creators.push({ key, user });
    }
    return index;
  };
  const earliest = rawInteractions.reduce((min, raw) => Math.min(min, raw.at), Infinity);
  const items: Item[] = pending.map((raw, index) => ({
    key: raw.key,
    // A creator id that is also a user id is that person (authors are users on Qiao).
    creator: raw.creator === null ? creatorOf(`item:${raw.key}`, null) : creatorOf(raw.creator, userIndex.get(raw.creator) ?? null),
    createdAt: raw.createdAt ?? firstAt[index] ?? (Number.isFinite(earliest) ? earliest : 0),
    title: raw.title,
    tags: raw.tags,
  }));
  return { users, items, creators, interactions };
}
