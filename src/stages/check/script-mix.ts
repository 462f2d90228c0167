/**
 * Traditional / simplified mix. A character is "simplified-only" when OpenCC
 * maps it to a different traditional form and never to itself (国 → 國), and
 * "traditional-only" the other way round (國 → 国); characters shared by both
 * scripts (中, 游, 于 in many uses) count for neither.
 */
import simplifiedToTraditional from 'opencc-js/dict/STCharacters';
import traditionalToSimplified from 'opencc-js/dict/TSCharacters';

export const SIMPLIFIED_ONLY = 1;
export const TRADITIONAL_ONLY = 2;

/** Han characters live below U+32400 (CJK Extension H ends at U+323AF). */
const TABLE_SIZE = 0x32400;

let table: Uint8Array | undefined;

/** The single characters of an OpenCC table (`from to…|…`) whose conversions never include themselves. */
function changingCharacters(dictionary: string): number[] {
  const characters: number[] = [];
  for (const entry of dictionary.split('|')) {
    const [from, ...targets] = entry.split(' ');
    if (from && Array.from(from).length === 1 && !targets.includes(from)) characters.push(from.codePointAt(0) as number);
  }
  return characters;
}

/**
 * The kind of every code point below U+32400: SIMPLIFIED_ONLY,
 * TRADITIONAL_ONLY, or 0. Callers count them in their own pass over a text.
 */
export function scriptKinds(): Uint8Array {
  if (table) return table;
  const built = new Uint8Array(TABLE_SIZE);
  for (const cp of changingCharacters(simplifiedToTraditional)) built[cp] = SIMPLIFIED_ONLY;
  // A character that changes in both directions is ambiguous; it counts for neither.
  for (const cp of changingCharacters(traditionalToSimplified)) built[cp] = built[cp] === SIMPLIFIED_ONLY ? 0 : TRADITIONAL_ONLY;
  table = built;
  return built;
}
