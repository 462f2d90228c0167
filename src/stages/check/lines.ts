/**
 * The lines of a text without cutting it into strings: each non-empty
 * line's trimmed range, a hash of its content, and whether a blank line
 * comes before it (a new paragraph). Most signals need only these numbers;
 * the few lines that are needed as text are sliced on demand.
 */
import { CLASS, SPACE } from './chars.js';

export interface Lines {
  /** Number of non-empty lines. */
  count: number;
  /** Trimmed start and end (exclusive) of each non-empty line in the text. */
  starts: Int32Array;
  ends: Int32Array;
  /** 32-bit FNV-1a hash of each trimmed line. */
  hashes: Int32Array;
  /** 1 when the line starts a paragraph: it is the first, or a blank line comes before it. */
  paragraphStarts: Uint8Array;
}

let buffers = { starts: new Int32Array(0), ends: new Int32Array(0), hashes: new Int32Array(0), paragraphStarts: new Uint8Array(0) };

/** The non-empty lines of `text`. The arrays are reused: they are valid until the next call. */
export function scanLines(text: string): Lines {
  let capacity = buffers.starts.length;
  let count = 0;
  let blankBefore = true;
  for (let from = 0; from <= text.length; ) {
    let end = text.indexOf('\n', from);
    if (end < 0) end = text.length;
    let a = from;
    let b = end;
    while (a < b && ((CLASS[text.charCodeAt(a)] as number) & SPACE) !== 0) a++;
    while (b > a && ((CLASS[text.charCodeAt(b - 1)] as number) & SPACE) !== 0) b--;
    if (a === b) {
      blankBefore = true;
    } else {
      if (count === capacity) {
        capacity = Math.max(64, capacity * 2);
        const grown = {
          starts: new Int32Array(capacity),
          ends: new Int32Array(capacity),
          hashes: new Int32Array(capacity),
          paragraphStarts: new Uint8Array(capacity),
        };
        grown.starts.set(buffers.starts.subarray(0, count));
        grown.ends.set(buffers.ends.subarray(0, count));
        grown.hashes.set(buffers.hashes.subarray(0, count));
        grown.paragraphStarts.set(buffers.paragraphStarts.subarray(0, count));
        buffers = grown;
      }
      let h = 0x811c9dc5;
      for (let i = a; i < b; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
      buffers.starts[count] = a;
      buffers.ends[count] = b;
      buffers.hashes[count] = h;
      buffers.paragraphStarts[count] = blankBefore ? 1 : 0;
      blankBefore = false;
      count++;
    }
    from = end + 1;
  }
  return { count, ...buffers };
}

/** The text of non-empty line `i`, trimmed. */
export function lineText(text: string, lines: Lines, i: number): string {
  return text.slice(lines.starts[i], lines.ends[i]);
}
