/**
 * Recognises binary files (PDF, images, archives, executables, ...) so they
 * are rejected instead of decoded into garbage: first by their signature
 * (data/magic.txt), then by the share of control bytes, which text does not
 * have. UTF-16 text has many NUL bytes; the caller checks for it in between.
 */
import { readTable } from '../../core/wordlist.js';
import { decodeWith } from './labels.js';
import { param } from './params.js';

interface Signature {
  description: string;
  parts: { offset: number; bytes: Uint8Array }[];
}

const SIGNATURES: Signature[] = readTable('stages/decode/data/magic.txt').map(([description, parts]) => ({
  description: description!,
  parts: parts!.split(' ').map((part) => {
    const [offset, hex] = part.split(':');
    return { offset: Number(offset), bytes: Uint8Array.from(Buffer.from(hex!, 'hex')) };
  }),
}));

function matches(bytes: Uint8Array, signature: Signature): boolean {
  return signature.parts.every(({ offset, bytes: expected }) => {
    if (offset + expected.length > bytes.length) return false;
    for (let i = 0; i < expected.length; i++) if (bytes[offset + i] !== expected[i]) return false;
    return true;
  });
}

/** Bytes no text file holds: C0 controls other than tab, line feed, form feed, carriage return and escape. */
function isControlByte(byte: number): boolean {
  return byte <= 0x08 || byte === 0x0b || (byte >= 0x0e && byte <= 0x1a) || (byte >= 0x1c && byte <= 0x1f);
}

/** The binary format whose signature the bytes start with (`PDF document`), if any. */
export function signatureKind(bytes: Uint8Array): string | undefined {
  return SIGNATURES.find((signature) => matches(bytes, signature))?.description;
}

/** Whether the bytes hold too many control bytes to be text. */
export function looksBinary(bytes: Uint8Array): boolean {
  const window = Math.min(bytes.length, param('binary-window'));
  let controls = 0;
  for (let i = 0; i < window; i++) if (isControlByte(bytes[i]!)) controls++;
  return controls >= param('binary-min-controls') && controls / window > param('binary-control-share');
}

/**
 * UTF-16 without a byte order mark: many NUL bytes, nearly all at odd (LE) or
 * even (BE) offsets, and, read that way, text: no more control characters or
 * unpaired surrogates than `binary-control-share` allows (16-bit audio or
 * tables of integers have the NULs but not the text).
 */
export function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const window = Math.min(bytes.length, param('binary-window')) & ~1;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < window; i += 2) {
    if (bytes[i] === 0) even++;
    if (bytes[i + 1] === 0) odd++;
  }
  const nuls = even + odd;
  if (nuls < param('utf16-min-nuls') || nuls / window < param('utf16-nul-share')) return undefined;
  const encoding = odd / nuls >= param('utf16-parity') ? 'utf-16le' : even / nuls >= param('utf16-parity') ? 'utf-16be' : undefined;
  if (!encoding) return undefined;
  const text = decodeWith(bytes.subarray(0, window), encoding);
  let bad = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d && c !== 0x1b) || c === 0xfffd) bad++;
  }
  return bad / Math.max(1, text.length) > param('binary-control-share') ? undefined : encoding;
}
