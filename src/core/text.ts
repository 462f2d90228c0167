/**
 * Code-point helpers. The contract counts entity offsets in Unicode code points,
 * while JavaScript strings index UTF-16 units; characters outside the BMP
 * (CJK Extension B and later, emoji) take two units.
 */

/** Number of code points in `s`. */
export function codePointLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/**
 * Maps UTF-16 offsets of `s` to code-point offsets. Returns a function that
 * converts one offset; it is O(1) when `s` has no surrogate pairs.
 */
export function utf16ToCodePoint(s: string): (utf16Offset: number) => number {
  if (!/[\ud800-\udbff]/.test(s)) return (o) => o;
  const table = new Uint32Array(s.length + 1);
  let cp = 0;
  for (let i = 0; i < s.length; i++) {
    table[i] = cp;
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        table[i + 1] = cp;
        i++;
      }
    }
    cp++;
  }
  table[s.length] = cp;
  return (o) => table[o] ?? cp;
}

/** Slice of `s` by code-point offsets, end exclusive. */
export function codePointSlice(s: string, start: number, end: number): string {
  return Array.from(s).slice(start, end).join('');
}

/** Maps code-point offsets of `s` to UTF-16 offsets; O(1) when `s` has no surrogate pairs. */
export function codePointToUtf16(s: string): (codePointOffset: number) => number {
  if (!/[\ud800-\udbff]/.test(s)) return (o) => o;
  const table: number[] = [];
  for (let i = 0; i < s.length; i++) {
    table.push(i);
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) i++;
  }
  table.push(s.length);
  return (o) => table[o] ?? s.length;
}
