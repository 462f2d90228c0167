/**
 * Encoding labels the WHATWG way: a page's `charset=GB2312` names the encoding
 * "gbk", `big5-hkscs` names "big5", `latin1` and `ascii` name "windows-1252".
 * The table is data/labels.txt; data/decoders.txt says which iconv-lite codec
 * decodes each encoding.
 */
import iconv from 'iconv-lite';
import { readTable } from '../../core/wordlist.js';

const LABELS = new Map(readTable('stages/decode/data/labels.txt').map(([label, name]) => [label!, name!]));
const DECODERS = new Map(readTable('stages/decode/data/decoders.txt').map(([name, codec]) => [name!, codec!]));

/** The WHATWG encoding name a label stands for, or undefined for an unknown label. */
export function encodingForLabel(label: string): string | undefined {
  return LABELS.get(trimAsciiWhitespace(label).toLowerCase());
}

export function isAsciiWhitespace(byte: number | undefined): boolean {
  return byte === 0x09 || byte === 0x0a || byte === 0x0c || byte === 0x0d || byte === 0x20;
}

function trimAsciiWhitespace(s: string): string {
  let start = 0;
  let end = s.length;
  while (start < end && isAsciiWhitespace(s.charCodeAt(start))) start++;
  while (end > start && isAsciiWhitespace(s.charCodeAt(end - 1))) end--;
  return s.slice(start, end);
}

/** The iconv-lite codec that decodes a WHATWG encoding. */
export function codecFor(encoding: string): string {
  return DECODERS.get(encoding) ?? encoding;
}

/** Decodes bytes with a WHATWG encoding; invalid sequences come out as U+FFFD. */
export function decodeWith(bytes: Uint8Array, encoding: string): string {
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), codecFor(encoding), {
    stripBOM: false,
  });
}

/** Whether iconv-lite can decode this WHATWG encoding. */
export function canDecode(encoding: string): boolean {
  return iconv.encodingExists(codecFor(encoding));
}
