/**
 * A character trie over UTF-16 units for the word lists of this stage.
 * Words go into nested maps while the lists load; the first lookup flattens
 * them into typed arrays (a table for the first unit, sorted child lists
 * below it), so that walking the trie along a text costs no hashing and no
 * allocation.
 */

interface BuildNode<T> {
  next: Map<number, BuildNode<T>>;
  values: T[];
}

/** The node no step leads to (the root, which is no one's child). */
export const NO_NODE = 0;

export class CharTrie<T> {
  private building: BuildNode<T> | undefined = { next: new Map(), values: [] };
  /** The node reached from the root by a unit, or NO_NODE. */
  private rootNext = new Int32Array(0);
  /**
   * Nodes are numbered breadth first with each node's children in order of their unit, so the
   * children of node k are the nodes childStart[k] + 1 .. childStart[k + 1] and childCodes[j] is the
   * unit that leads to node j + 1.
   */
  private childStart = new Int32Array(0);
  private childCodes = new Uint16Array(0);
  /** Values of node k: values[valueStarts[k] .. valueStarts[k + 1]), in the order they were added. */
  private valueStarts = new Int32Array(0);
  private values: T[] = [];

  add(word: string, value: T): void {
    if (!this.building) throw new Error('words cannot be added to a trie in use');
    let node = this.building;
    for (let i = 0; i < word.length; i++) {
      const c = word.charCodeAt(i);
      let child = node.next.get(c);
      if (!child) {
        child = { next: new Map(), values: [] };
        node.next.set(c, child);
      }
      node = child;
    }
    node.values.push(value);
  }

  /** The node reached from the root by the unit `c`, or NO_NODE. */
  first(c: number): number {
    if (this.building) this.flatten(this.building);
    return this.rootNext[c]!;
  }

  /** The node reached from `node` (not the root) by the unit `c`, or NO_NODE. */
  next(node: number, c: number): number {
    let lo = this.childStart[node]!;
    let hi = this.childStart[node + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const code = this.childCodes[mid]!;
      if (code === c) return mid + 1;
      if (code < c) lo = mid + 1;
      else hi = mid - 1;
    }
    return NO_NODE;
  }

  /** Values of the words ending at `node`: indexes valueStart(node) .. valueStart(node + 1) into value(). */
  valueStart(node: number): number {
    return this.valueStarts[node]!;
  }

  value(k: number): T {
    return this.values[k]!;
  }

  /** End of the longest listed word starting at offset `i` of `text`, or `i` when none starts there. */
  longestAt(text: string, i: number): number {
    let end = i;
    let node = i < text.length ? this.first(text.charCodeAt(i)) : NO_NODE;
    for (let j = i + 1; node !== NO_NODE; j++) {
      if (this.valueStarts[node + 1]! > this.valueStarts[node]!) end = j;
      if (j >= text.length) break;
      node = this.next(node, text.charCodeAt(j));
    }
    return end;
  }

  /** Numbers the nodes breadth first and lays them out in flat arrays. */
  private flatten(root: BuildNode<T>): void {
    const order: BuildNode<T>[] = [root];
    const codes: number[] = [];
    const childStart: number[] = [];
    const valueStarts: number[] = [];
    for (let k = 0; k < order.length; k++) {
      const node = order[k]!;
      childStart.push(codes.length);
      valueStarts.push(this.values.length);
      for (const value of node.values) this.values.push(value);
      // Most nodes have one child; the others' children go in order of their unit.
      const children = node.next.size === 1 ? node.next : [...node.next].sort((a, b) => a[0] - b[0]);
      for (const [c, child] of children) {
        codes.push(c);
        order.push(child);
      }
    }
    childStart.push(codes.length);
    valueStarts.push(this.values.length);
    this.rootNext = new Int32Array(0x10000);
    // The root's values (an empty word) are never reported: a walk starts at its children.
    for (let j = 0; j < childStart[1]!; j++) this.rootNext[codes[j]!] = j + 1;
    this.childStart = Int32Array.from(childStart);
    this.childCodes = Uint16Array.from(codes);
    this.valueStarts = Int32Array.from(valueStarts);
    this.building = undefined;
  }
}
