// Who engaged with what, as compressed sparse rows both ways (people → items,
// items → people), numbered densely. The item models and the pool builder work
// on these arrays; a person's items are kept in their input order (newest first).

export interface Interactions {
  userCount: number;
  itemCount: number;
  /** userItems[userStart[u] .. userStart[u + 1]) are person u's items. */
  userStart: Int32Array;
  userItems: Int32Array;
  itemStart: Int32Array;
  itemUsers: Int32Array;
}

export function buildInteractions(lists: ReadonlyArray<ArrayLike<number>>, itemCount: number): Interactions {
  const userCount = lists.length;
  const userStart = new Int32Array(userCount + 1);
  for (let u = 0; u < userCount; u += 1) userStart[u + 1] = userStart[u]! + lists[u]!.length;
  const userItems = new Int32Array(userStart[userCount]!);
  const itemStart = new Int32Array(itemCount + 1);
  for (let u = 0; u < userCount; u += 1) {
    const list = lists[u]!;
    for (let k = 0; k < list.length; k += 1) {
      userItems[userStart[u]! + k] = list[k]!;
      itemStart[list[k]! + 1]! += 1;
    }
  }
  for (let i = 0; i < itemCount; i += 1) itemStart[i + 1]! += itemStart[i]!;
  const itemUsers = new Int32Array(userItems.length);
  const fill = itemStart.slice(0, itemCount);
  for (let u = 0; u < userCount; u += 1) {
    for (let k = userStart[u]!; k < userStart[u + 1]!; k += 1) itemUsers[fill[userItems[k]!]!++] = u;
  }
  return { userCount, itemCount, userStart, userItems, itemStart, itemUsers };
}

export function itemsOf(m: Interactions, user: number): Int32Array {
  return m.userItems.subarray(m.userStart[user]!, m.userStart[user + 1]!);
}

export function popularity(m: Interactions, item: number): number {
  return m.itemStart[item + 1]! - m.itemStart[item]!;
}
