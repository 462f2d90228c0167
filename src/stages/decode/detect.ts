/**
 * Decides the encoding of bytes that carry no byte order mark.
 *
 * 1. Only ASCII: any ASCII-compatible encoding reads them alike; the
 *    declaration if there is one, else UTF-8.
 * 2. Strictly valid UTF-8 (a character cut by the end of the file allowed)
 *    with at least `utf8-min-sequences` multibyte characters, or declared
 *    UTF-8: UTF-8. With fewer, a few GB characters can be valid UTF-8 by
 *    chance (菁菁校园 is), so step 3 decides, UTF-8 getting `utf8-prior`.
 * 3. Otherwise each candidate decoding of a sample (UTF-8, GB18030, Big5,
 *    windows-1252, and the declared encoding) is scored by its log-likelihood
 *    under a character model (score.ts). GB18030 and Big5 both decode almost
 *    any byte pairs without error, so validity alone cannot tell them apart;
 *    their character frequencies can. The best candidate wins; a declared
 *    encoding is kept unless the best beats it by `declared-margin`.
 *
 * A declared encoding the model does not cover (Shift_JIS, EUC-KR, KOI8-R,
 * ...) cannot be scored fairly against Chinese; it is kept unless the bytes are
 * clearly UTF-8 or mostly invalid in it.
 */
import type { Declaration } from './prescan.js';
import { decodeWith } from './labels.js';
import { param } from './params.js';
import { scoreText, type Score, type Script } from './score.js';

export interface Verdict {
  encoding: string;
  source: 'declared' | 'detected';
  /** The label the page declared, when the bytes overruled it. */
  overruled?: string;
}

/** Candidates the character model can judge, in order of preference on a tie. */
const MODELLED = ['utf-8', 'gb18030', 'big5', 'windows-1252'] as const;
/** The Han frequencies each candidate's text is read with. */
const SCRIPT_OF: Record<string, Script> = { gb18030: 'simplified', big5: 'traditional' };
/** Declared encodings that decode exactly like a modelled candidate. */
const SAME_DECODER: Record<string, string> = { gbk: 'gb18030' };

export function chooseEncoding(bytes: Uint8Array, declaration: Declaration | undefined): Verdict {
  const sample = takeSample(bytes);
  const declared = declaration?.encoding;
  const keep = (): Verdict => ({ encoding: declared!, source: 'declared' });
  const overrule = (encoding: string): Verdict =>
    declaration ? { encoding, source: 'detected', overruled: declaration.label } : { encoding, source: 'detected' };

  if (!sample.some((byte) => byte >= 0x80)) return declared ? keep() : { encoding: 'utf-8', source: 'detected' };

  const utf8 = utf8Validity(sample, sample.byteOffset + sample.length === bytes.byteOffset + bytes.length);
  const validUtf8 = utf8.invalid === 0;
  if (validUtf8) {
    if (declared === 'utf-8') return keep();
    if (utf8.sequences >= param('utf8-min-sequences')) return overrule('utf-8');
  }

  const scores = new Map<string, Score>();
  const scoreOf = (encoding: string): Score => {
    const decoder = SAME_DECODER[encoding] ?? encoding;
    let score = scores.get(decoder);
    if (!score) {
      score = scoreText(decodeWith(sample, decoder), SCRIPT_OF[decoder] ?? 'any');
      scores.set(decoder, score);
    }
    return score;
  };

  const isModelled = (encoding: string) => (MODELLED as readonly string[]).includes(SAME_DECODER[encoding] ?? encoding);
  if (declared && !isModelled(declared)) {
    const score = scoreOf(declared);
    if (score.invalid <= score.characters * param('unmodelled-max-invalid')) return keep();
  }

  // Strictly valid UTF-8 is evidence of its own, beyond the characters it decodes to.
  const utf8Prior = validUtf8 ? param('utf8-prior') : 0;
  const likelihood = (encoding: string) => scoreOf(encoding).logLikelihood + (encoding === 'utf-8' ? utf8Prior : 0);
  let best: string = MODELLED[0];
  for (const candidate of MODELLED) if (likelihood(candidate) > likelihood(best)) best = candidate;
  if (declared && isModelled(declared)) {
    if (likelihood(best) - likelihood(declared) <= param('declared-margin')) return keep();
  }
  return overrule(best);
}

/**
 * The bytes detection looks at: the first `sample-bytes`, extended while they
 * hold too few non-ASCII bytes, up to `sample-max-bytes`; when even those are
 * all ASCII (a huge inline script), the window starting at the first
 * non-ASCII byte. Ends after an ASCII byte so that no multibyte character is
 * cut, unless the file itself ends there.
 */
function takeSample(bytes: Uint8Array): Uint8Array {
  const step = param('sample-bytes');
  const maxEnd = Math.min(bytes.length, param('sample-max-bytes'));
  const wanted = param('sample-min-non-ascii');
  let start = 0;
  let end = 0;
  let nonAscii = 0;
  do {
    const next = Math.min(maxEnd, end + step);
    for (let i = end; i < next; i++) if (bytes[i]! >= 0x80) nonAscii++;
    end = next;
  } while (nonAscii < wanted && end < maxEnd);
  if (nonAscii === 0) {
    let firstHigh = end;
    while (firstHigh < bytes.length && bytes[firstHigh]! < 0x80) firstHigh++;
    if (firstHigh < bytes.length) {
      start = firstHigh;
      end = Math.min(bytes.length, start + param('sample-max-bytes'));
    }
  }
  if (end < bytes.length) {
    let cut = end;
    while (cut > start && bytes[cut - 1]! >= 0x80) cut--;
    if (cut > start) end = cut;
  }
  return bytes.subarray(start, end);
}

export interface Utf8Validity {
  /** Well-formed multibyte characters. */
  sequences: number;
  /** Ill-formed sequences, counted the way a WHATWG decoder emits U+FFFD. */
  invalid: number;
}

/**
 * Checks bytes against the UTF-8 byte patterns (Unicode table 3-7). With
 * `atEnd`, a character cut by the end of the data is not counted as invalid:
 * a truncated download is still UTF-8.
 */
export function utf8Validity(bytes: Uint8Array, atEnd: boolean): Utf8Validity {
  let sequences = 0;
  let invalid = 0;
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let needed = 0;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) needed = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      needed = 2;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      needed = 3;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      invalid++;
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < needed; k++, j++) {
      if (j >= bytes.length) break;
      const byte = bytes[j]!;
      const min = k === 0 ? low : 0x80;
      const max = k === 0 ? high : 0xbf;
      if (byte < min || byte > max) {
        ok = false;
        break;
      }
    }
    if (ok && j - i === needed + 1) sequences++;
    else if (!(ok && j >= bytes.length && atEnd)) invalid++;
    i = Math.max(j, i + 1);
  }
  return { sequences, invalid };
}
