/**
 * decode: bytes of a scraped page in, text out, with the encoding it was
 * decoded from and how that was decided.
 *
 * Order of evidence: a forced `--encoding`; a byte order mark; the page's own
 * declaration (meta charset, http-equiv, XML declaration) checked against the
 * bytes; statistical detection (detect.ts). Binary files are rejected.
 *
 * Encoding names are WHATWG names. GB pages report "gbk" when they declare
 * gb2312/gbk (WHATWG's name for those labels) and "gb18030" when they declare
 * gb18030 or declare nothing: detection recognises the GB family, and
 * gb18030 is the decoder used for all of it (a superset of GBK). Big5 is
 * decoded with HKSCS and reported as "big5".
 *
 * Byte sequences that form no character in the chosen encoding (a stray lead
 * byte, a character cut by a truncated download) are dropped from `text`
 * instead of becoming U+FFFD, and counted in `invalid_sequences`.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { RecordError, UsageError, describeFsError } from '../../core/errors.js';
import type { Format, QRecord } from '../../core/record.js';
import type { Stage, StageContext } from '../../core/stage.js';
import { looksBinary, signatureKind, utf16WithoutBom } from './binary.js';
import { chooseEncoding } from './detect.js';
import { sniffFormat } from './format.js';
import { codecFor, decodeWith, encodingForLabel, canDecode } from './labels.js';
import { findDeclaration } from './prescan.js';

export { encodingForLabel } from './labels.js';

export interface DecodeOptions {
  /** Force this encoding label and skip detection (`--encoding`). */
  encoding?: string;
}

export type EncodingSource = 'bom' | 'declared' | 'detected' | 'forced';

export interface DecodedText {
  /** BOM removed; otherwise exactly the decoded characters, minus invalid sequences. */
  text: string;
  /** Sniffed from content (extension only as a hint). */
  format: Format;
  /** WHATWG name: 'utf-8', 'gb18030', 'gbk', 'big5', 'windows-1252', 'utf-16le', ... */
  encoding: string;
  encoding_source: EncodingSource;
  /** The label the page declared, when the bytes overruled it. */
  declared?: string;
  /** Byte sequences that formed no character in `encoding` and were dropped; absent when none. */
  invalid_sequences?: number;
}

const BOMS: { bytes: number[]; encoding: string }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];

function bomOf(bytes: Uint8Array): { length: number; encoding: string } | undefined {
  for (const bom of BOMS) {
    if (bom.bytes.every((b, i) => bytes[i] === b)) return { length: bom.bytes.length, encoding: bom.encoding };
  }
  return undefined;
}

/** The WHATWG encoding a `--encoding` label names; a usage error when there is none we can decode. */
export function forcedEncoding(label: string): string {
  const encoding = encodingForLabel(label);
  if (!encoding || !canDecode(encoding)) throw new UsageError(`unknown encoding "${label}" (use a WHATWG label such as utf-8, gbk, gb18030, big5)`);
  return encoding;
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions & { fileName?: string } = {}): DecodedText {
  const bom = bomOf(bytes);
  let encoding: string;
  let source: EncodingSource;
  let declared: string | undefined;
  let body = bytes;
  if (options.encoding !== undefined) {
    encoding = forcedEncoding(options.encoding);
    source = 'forced';
    if (bom?.encoding === encoding) body = bytes.subarray(bom.length);
  } else if (bom) {
    encoding = bom.encoding;
    source = 'bom';
    body = bytes.subarray(bom.length);
    // A byte order mark outranks the page's own declaration (WHATWG); say when they disagree.
    const declaration = encoding === 'utf-8' ? findDeclaration(body) : undefined;
    if (declaration && declaration.encoding !== encoding) declared = declaration.label;
  } else {
    const signature = signatureKind(bytes);
    if (signature) throw new RecordError('binary-file', `binary file (${signature}), not text`);
    const utf16 = utf16WithoutBom(bytes);
    if (!utf16 && looksBinary(bytes)) throw new RecordError('binary-file', 'binary file (unknown binary data), not text');
    if (utf16) {
      encoding = utf16;
      source = 'detected';
    } else {
      const verdict = chooseEncoding(bytes, findDeclaration(bytes));
      encoding = verdict.encoding;
      source = verdict.source;
      declared = verdict.overruled;
    }
  }
  const { text, invalid } = decodeDroppingInvalid(body, encoding);
  const result: DecodedText = { text, format: sniffFormat(text, options.fileName), encoding, encoding_source: source };
  if (declared !== undefined) result.declared = declared;
  if (invalid > 0) result.invalid_sequences = invalid;
  return result;
}

/**
 * Decodes once; the decoder turns each invalid sequence into U+FFFD, which is
 * then removed. When the bytes also encode U+FFFD itself (a page that was
 * already damaged before it was saved), the two cannot be told apart in the
 * output, so every U+FFFD stays and only the difference is counted.
 */
function decodeDroppingInvalid(bytes: Uint8Array, encoding: string): { text: string; invalid: number } {
  const decoded = decodeWith(bytes, encoding);
  let replacements = 0;
  for (let i = decoded.indexOf('\ufffd'); i !== -1; i = decoded.indexOf('\ufffd', i + 1)) replacements++;
  if (replacements === 0) return { text: decoded, invalid: 0 };
  const literal = literalReplacementCount(bytes, encoding);
  if (literal > 0) return { text: decoded, invalid: Math.max(0, replacements - literal) };
  return { text: decoded.replaceAll('\ufffd', ''), invalid: replacements };
}

/** How many times the bytes hold an encoded U+FFFD. */
function literalReplacementCount(bytes: Uint8Array, encoding: string): number {
  const codec = codecFor(encoding);
  const pattern = iconv.encode('\ufffd', codec);
  if (iconv.decode(pattern, codec) !== '\ufffd') return 0;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let count = 0;
  for (let i = buffer.indexOf(pattern); i !== -1; i = buffer.indexOf(pattern, i + pattern.length)) count++;
  return count;
}

/**
 * Reads a file, gunzipping names that end in `.gz`; failures become
 * RecordErrors in words (the runner names the file in front of them).
 */
export function readInput(file: string): Uint8Array {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new RecordError('unreadable-file', `cannot read file: ${describeFsError(error)}`);
  }
  if (!/\.gz$/i.test(file)) return bytes;
  try {
    return gunzipSync(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const truncated = /unexpected end/i.test(message);
    throw new RecordError(
      truncated ? 'truncated-gzip' : 'corrupt-gzip',
      truncated ? 'gzip data is truncated' : `not valid gzip data (${message})`,
    );
  }
}

export const decodeStage: Stage<DecodeOptions> = {
  name: 'decode',
  init(options) {
    if (options.encoding !== undefined) forcedEncoding(options.encoding);
  },
  process(record: QRecord, options: DecodeOptions, context: StageContext): QRecord {
    const file = typeof context.file === 'string' ? context.file : typeof record.path === 'string' ? record.path : undefined;
    if (file === undefined) throw new RecordError('missing-path', 'record has no "path" of a file to decode');
    const decoded = decodeBytes(readInput(file), { ...options, fileName: file });
    return { ...record, id: record.id ?? file, ...decoded };
  },
};
