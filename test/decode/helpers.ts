/** Shared paths and checks for the decode tests. */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as cheerio from 'cheerio';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEV_DIR = `${ROOT}fixtures/web-extraction/original/`;
export const CLEANED_DIR = `${ROOT}fixtures/web-extraction/cleaned/`;
export const SEED_DIR = `${ROOT}fixtures/seeds/`;
export const ENCODINGS_DIR = `${ROOT}fixtures/encodings/`;

export const devPages = readdirSync(DEV_DIR).filter((f) => f.endsWith('.html')).sort();

export function readBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(path));
}

/** Whether the bytes are well-formed UTF-8, by Node's own decoder: an oracle independent of decode. */
export function isWellFormedUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

const withoutWhitespace = (s: string) => s.replace(/\s+/g, '');

/**
 * How many lines of a page's hand-copied gold text occur in the decoded page.
 * The page's tags are stripped and its entities decoded (cheerio), and all
 * whitespace is removed on both sides, because the gold was copied from the
 * rendered page and rewrapped by hand.
 */
export function goldLinesFound(decodedHtml: string, goldText: string): { found: number; total: number } {
  const page = withoutWhitespace(cheerio.load(decodedHtml).text());
  const lines = goldText.split('\n').map(withoutWhitespace).filter(Boolean);
  return { found: lines.filter((line) => page.includes(line)).length, total: lines.length };
}

export function goldFor(page: string): string {
  return readFileSync(`${CLEANED_DIR}${page.replace(/\.html$/, '.txt')}`, 'utf8');
}

/** Byte-for-byte removal of every charset label from a page's declarations (`charset=gb2312` -> `charset=`). */
export function stripCharsetDeclarations(bytes: Uint8Array): Uint8Array {
  const latin1 = Buffer.from(bytes).toString('latin1');
  const stripped = latin1.replace(/(charset|encoding)([ \t]{0,8}=[ \t]{0,8}["']?)[A-Za-z0-9_-]{1,40}/gi, '$1$2');
  return new Uint8Array(Buffer.from(stripped, 'latin1'));
}
