// A small Aho-Corasick automaton over code points: every pattern occurrence in
// one pass over the text, however many patterns. Used for CJK terms, which are
// matched as substrings because those scripts do not put spaces between words.

export interface Occurrence {
  pattern: number;
  /** Code-point index of the first character and one past the last. */
  start: number;
  end: number;
}

export class AhoCorasick {
  private readonly next: Map<string, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  private readonly output: number[][] = [[]];
  private readonly lengths: number[] = [];
  private built = false;

  /** Adds a pattern (as code points) and returns its id. */
  add(pattern: readonly string[]): number {
    if (this.built) throw new Error('AhoCorasick: add() after search()');
    let node = 0;
    for (const char of pattern) {
      let child = this.next[node]!.get(char);
      if (child === undefined) {
        child = this.next.length;
        this.next.push(new Map());
        this.fail.push(0);
        this.output.push([]);
        this.next[node]!.set(char, child);
      }
      node = child;
    }
    const id = this.lengths.length;
    this.lengths.push(pattern.length);
    this.output[node]!.push(id);
    return id;
  }

  private build() {
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head += 1) {
      const node = queue[head]!;
      for (const [char, child] of this.next[node]!) {
        let fallback = this.fail[node]!;
        while (fallback !== 0 && !this.next[fallback]!.has(char)) fallback = this.fail[fallback]!;
        const target = this.next[fallback]!.get(char);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        this.output[child]!.push(...this.output[this.fail[child]!]!);
        queue.push(child);
      }
    }
    this.built = true;
  }

  get size(): number {
    return this.lengths.length;
  }

  search(text: readonly string[]): Occurrence[] {
    if (!this.built) this.build();
    const found: Occurrence[] = [];
    if (this.lengths.length === 0) return found;
    let node = 0;
    for (let index = 0; index < text.length; index += 1) {
      const char = text[index]!;
      while (node !== 0 && !this.next[node]!.has(char)) node = this.fail[node]!;
      node = this.next[node]!.get(char) ?? 0;
      for (const pattern of this.output[node]!) {
        found.push({ pattern, start: index + 1 - this.lengths[pattern]!, end: index + 1 });
      }
    }
    return found;
  }
}
