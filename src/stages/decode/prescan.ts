/**
 * Finds the encoding a page declares: `<meta charset>`, `<meta http-equiv=
 * "Content-Type" content="...; charset=...">`, or an XML declaration
 * `<?xml ... encoding="..."?>`.
 *
 * The meta part is the WHATWG "prescan a byte stream to determine its
 * encoding" algorithm (https://html.spec.whatwg.org/multipage/parsing.html#prescan-a-byte-stream-to-determine-its-encoding),
 * which looks at the first 1024 bytes. Browsers also honour a later
 * declaration in the head (Firefox re-parses, Chromium keeps scanning the
 * head), and scraped pages often carry a long comment or wrapper before it, so
 * when the first 1024 bytes declare nothing the same scan goes on up to the
 * first `<body` or PRESCAN_LIMIT bytes. The XML declaration is used only when
 * no meta declaration is found, as an HTML parser would.
 */
import { encodingForLabel, isAsciiWhitespace } from './labels.js';

export interface Declaration {
  /** The label as written in the page, lowercased, e.g. `gb2312`. */
  label: string;
  /** Its WHATWG encoding name, e.g. `gbk`. */
  encoding: string;
}

const WHATWG_PRESCAN_BYTES = 1024;
const PRESCAN_LIMIT = 16384;

export function findDeclaration(bytes: Uint8Array): Declaration | undefined {
  return prescanMeta(bytes) ?? xmlDeclaration(bytes);
}

interface Attribute {
  name: string;
  value: string;
}

/** One step of the byte scanner: the position after the attribute, and the attribute if any. */
interface AttributeStep {
  end: number;
  attribute?: Attribute;
}

function lower(byte: number): number {
  return byte >= 0x41 && byte <= 0x5a ? byte + 0x20 : byte;
}

function startsWithAsciiCaseless(bytes: Uint8Array, at: number, lowercase: string): boolean {
  if (at + lowercase.length > bytes.length) return false;
  for (let i = 0; i < lowercase.length; i++) {
    if (lower(bytes[at + i]!) !== lowercase.charCodeAt(i)) return false;
  }
  return true;
}

function isAsciiLetter(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a));
}

function prescanMeta(bytes: Uint8Array): Declaration | undefined {
  const limit = Math.min(bytes.length, PRESCAN_LIMIT);
  let position = 0;
  while (position < limit) {
    if (bytes[position] !== 0x3c) {
      position++;
      continue;
    }
    if (position >= WHATWG_PRESCAN_BYTES && startsWithAsciiCaseless(bytes, position + 1, 'body')) return undefined;
    if (startsWithAsciiCaseless(bytes, position, '<!--')) {
      position = skipComment(bytes, position + 2, limit);
    } else if (
      startsWithAsciiCaseless(bytes, position, '<meta') &&
      (isAsciiWhitespace(bytes[position + 5]) || bytes[position + 5] === 0x2f)
    ) {
      const { declaration, end } = metaDeclaration(bytes, position + 6, limit);
      if (declaration) return declaration;
      position = end;
    } else if (isAsciiLetter(bytes[position + 1]) || (bytes[position + 1] === 0x2f && isAsciiLetter(bytes[position + 2]))) {
      position = skipTag(bytes, position + 1, limit);
    } else if (bytes[position + 1] === 0x21 || bytes[position + 1] === 0x2f || bytes[position + 1] === 0x3f) {
      const close = bytes.indexOf(0x3e, position + 2);
      position = close === -1 || close >= limit ? limit : close + 1;
    } else {
      position++;
    }
  }
  return undefined;
}

/** Position after the `-->` that ends a comment whose `<!` is at `from - 2`. */
function skipComment(bytes: Uint8Array, from: number, limit: number): number {
  // The two dashes of `<!--` may also be the two of `-->`, as in `<!-->`.
  for (let i = from + 2; i < limit; i++) {
    if (bytes[i] === 0x3e && bytes[i - 1] === 0x2d && bytes[i - 2] === 0x2d) return i + 1;
  }
  return limit;
}

/** Skips a start or end tag's name and attributes; returns the position after them. */
function skipTag(bytes: Uint8Array, from: number, limit: number): number {
  let position = from;
  while (position < limit && !isAsciiWhitespace(bytes[position]) && bytes[position] !== 0x3e) position++;
  for (;;) {
    const step = getAttribute(bytes, position, limit);
    position = step.end;
    if (!step.attribute) return position + 1;
  }
}

function metaDeclaration(bytes: Uint8Array, from: number, limit: number): { declaration?: Declaration; end: number } {
  const seen = new Set<string>();
  let gotPragma = false;
  let needPragma: boolean | undefined;
  let found: Declaration | 'failure' | undefined;
  let position = from;
  for (;;) {
    const step = getAttribute(bytes, position, limit);
    position = step.end;
    const attribute = step.attribute;
    if (!attribute) break;
    if (seen.has(attribute.name)) continue;
    seen.add(attribute.name);
    if (attribute.name === 'http-equiv') {
      if (attribute.value === 'content-type') gotPragma = true;
    } else if (attribute.name === 'content') {
      const label = charsetFromContentType(attribute.value);
      const declaration = label === undefined ? 'failure' : declarationFor(label);
      if (declaration !== 'failure' && found === undefined) {
        found = declaration;
        needPragma = true;
      }
    } else if (attribute.name === 'charset') {
      found = declarationFor(attribute.value);
      needPragma = false;
    }
  }
  const end = position + 1;
  if (needPragma === undefined || (needPragma && !gotPragma) || found === undefined || found === 'failure') return { end };
  // WHATWG: a page cannot be UTF-16 if its ASCII bytes were readable to find this.
  if (found.encoding === 'utf-16le' || found.encoding === 'utf-16be') found = { ...found, encoding: 'utf-8' };
  return { declaration: found, end };
}

function declarationFor(label: string): Declaration | 'failure' {
  const encoding = encodingForLabel(label);
  return encoding ? { label: label.trim(), encoding } : 'failure';
}

/** The WHATWG "get an attribute" algorithm over bytes; names and values come out lowercased. */
function getAttribute(bytes: Uint8Array, from: number, limit: number): AttributeStep {
  let position = from;
  while (position < limit && (isAsciiWhitespace(bytes[position]) || bytes[position] === 0x2f)) position++;
  if (position >= limit || bytes[position] === 0x3e) return { end: position };
  let name = '';
  let value = '';
  for (;;) {
    if (position >= limit) return { end: limit };
    const byte = bytes[position]!;
    if (byte === 0x3d && name !== '') {
      position++;
      break;
    }
    if (isAsciiWhitespace(byte)) {
      while (position < limit && isAsciiWhitespace(bytes[position])) position++;
      if (bytes[position] !== 0x3d) return { end: position, attribute: { name, value } };
      position++;
      break;
    }
    if (byte === 0x2f || byte === 0x3e) return { end: position, attribute: { name, value } };
    name += String.fromCharCode(lower(byte));
    position++;
  }
  while (position < limit && isAsciiWhitespace(bytes[position])) position++;
  if (position >= limit) return { end: limit };
  const first = bytes[position]!;
  if (first === 0x22 || first === 0x27) {
    for (position++; position < limit; position++) {
      if (bytes[position] === first) return { end: position + 1, attribute: { name, value } };
      value += String.fromCharCode(lower(bytes[position]!));
    }
    return { end: limit };
  }
  if (first === 0x3e) return { end: position, attribute: { name, value } };
  for (; position < limit; position++) {
    const byte = bytes[position]!;
    if (isAsciiWhitespace(byte) || byte === 0x3e) return { end: position, attribute: { name, value } };
    value += String.fromCharCode(lower(byte));
  }
  return { end: limit };
}

/**
 * WHATWG "extract a character encoding from a meta element": the label after
 * `charset=` in a Content-Type value such as `text/html; charset=gb2312`.
 */
export function charsetFromContentType(content: string): string | undefined {
  const lowered = content.toLowerCase();
  let position = 0;
  for (;;) {
    const found = lowered.indexOf('charset', position);
    if (found === -1) return undefined;
    position = found + 'charset'.length;
    while (isAsciiWhitespace(lowered.charCodeAt(position))) position++;
    if (lowered[position] === '=') break;
  }
  position++;
  while (isAsciiWhitespace(lowered.charCodeAt(position))) position++;
  const quote = content[position];
  if (quote === '"' || quote === "'") {
    const close = content.indexOf(quote, position + 1);
    return close === -1 ? undefined : content.slice(position + 1, close);
  }
  let end = position;
  while (end < content.length && !isAsciiWhitespace(content.charCodeAt(end)) && content[end] !== ';') end++;
  return end > position ? content.slice(position, end) : undefined;
}

/** `<?xml version="1.0" encoding="gb2312"?>` at the start of the document (after any whitespace). */
function xmlDeclaration(bytes: Uint8Array): Declaration | undefined {
  let position = 0;
  while (position < bytes.length && isAsciiWhitespace(bytes[position])) position++;
  if (!startsWithAsciiCaseless(bytes, position, '<?xml') || !isAsciiWhitespace(bytes[position + 5])) return undefined;
  const close = bytes.indexOf(0x3e, position);
  const end = close === -1 ? Math.min(bytes.length, WHATWG_PRESCAN_BYTES) : close;
  const declaration = String.fromCharCode(...bytes.subarray(position, Math.min(end, position + WHATWG_PRESCAN_BYTES)));
  const match = /\sencoding\s*=\s*(["'])([^"']*)\1/.exec(declaration);
  if (!match) return undefined;
  const found = declarationFor(match[2]!);
  return found === 'failure' ? undefined : found;
}
