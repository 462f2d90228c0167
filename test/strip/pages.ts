/**
 * The real inputs strip is measured on, shared by the tests and the eval:
 * the seed pages with their gold answers, and the web-extraction dev pages
 * (raw bytes, many GB2312/GBK, some undeclared) with hand-made body, date and
 * author.
 *
 * Dev pages are decoded with decode's `decodeBytes` when that stage exists;
 * until then with a small fallback: the declared charset (gb2312/gbk read as
 * gb18030), else strict UTF-8, else gb18030, plus the repair of UTF-8 text
 * that was once mis-read as GBK and saved again (one dev page is such
 * mojibake).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import type { Format } from '../../src/core/record.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = path.join(ROOT, 'fixtures');

export interface SeedPage {
  id: string;
  text: string;
  gold: {
    title: string;
    published: string | null;
    body: string[];
    source?: string;
    site?: string;
    section?: string;
    editor?: string[];
    photographer?: string[];
    source_url?: string;
    tags?: string[];
  };
}

export interface DevPage {
  id: string;
  bytes: Uint8Array;
  html: string;
  format: Format;
  gold: string;
  /** `YYYY-MM-DD HH:MM:SS` at whatever precision the page shows; undefined when unknown. */
  date?: string;
  /** Author names; undefined when unknown. */
  authors?: string[];
}

export function loadSeeds(): SeedPage[] {
  const dir = path.join(FIXTURES, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => {
      const id = f.replace(/\.txt$/, '');
      return {
        id,
        text: readFileSync(path.join(dir, f), 'utf8'),
        gold: JSON.parse(readFileSync(path.join(FIXTURES, 'gold', `${id}.json`), 'utf8')) as SeedPage['gold'],
      };
    });
}

type DecodeBytes = (bytes: Uint8Array, options?: { fileName?: string }) => { text: string; format?: Format };

let decodeBytes: DecodeBytes | undefined;
let triedDecodeStage = false;

/** decode's decodeBytes, when the decode stage has landed. */
async function decodeStage(): Promise<DecodeBytes | undefined> {
  if (triedDecodeStage) return decodeBytes;
  triedDecodeStage = true;
  const file = path.join(ROOT, 'src/stages/decode/index.ts');
  if (!existsSync(file)) return undefined;
  try {
    const mod = (await import('../../src/stages/decode/index.js')) as { decodeBytes?: DecodeBytes };
    decodeBytes = typeof mod.decodeBytes === 'function' ? mod.decodeBytes : undefined;
  } catch {
    decodeBytes = undefined;
  }
  return decodeBytes;
}

function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /(?:charset|encoding)\s*=\s*["']?([\w-]+)/i.exec(head);
  return m?.[1]?.toLowerCase();
}

function hanCount(s: string): number {
  let n = 0;
  for (const ch of s) if (/\p{Script=Han}/u.test(ch)) n++;
  return n;
}

/** UTF-8 text that was decoded as GBK and saved as UTF-8 again, turned back. */
function repairMojibake(text: string): string {
  if (hanCount(text.slice(0, 20000)) < 100) return text;
  const back = iconv.decode(iconv.encode(text, 'gb18030'), 'utf-8');
  const bad = (back.match(/\ufffd/g) ?? []).length;
  return bad * 100 < hanCount(back) ? back : text;
}

export function fallbackDecode(bytes: Uint8Array): string {
  const declared = declaredCharset(bytes);
  if (declared && /gb|2312|936/.test(declared)) return iconv.decode(Buffer.from(bytes), 'gb18030');
  if (declared && declared !== 'utf-8' && declared !== 'utf8' && iconv.encodingExists(declared)) {
    return iconv.decode(Buffer.from(bytes), declared);
  }
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return repairMojibake(text);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'gb18030');
  }
}

export async function loadDevPages(): Promise<DevPage[]> {
  const dir = path.join(FIXTURES, 'web-extraction');
  const decode = await decodeStage();
  const pages: DevPage[] = [];
  for (const f of readdirSync(path.join(dir, 'original')).sort()) {
    if (!f.endsWith('.html')) continue;
    const id = f.replace(/\.html$/, '');
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'original', f)));
    const decoded = decode ? decode(bytes, { fileName: f }) : { text: fallbackDecode(bytes), format: 'html' as Format };
    const date = readFileSync(path.join(dir, 'date', `${id}.txt`), 'utf8').trim();
    const author = readFileSync(path.join(dir, 'author', `${id}.txt`), 'utf8').trim();
    pages.push({
      id,
      bytes,
      html: decoded.text,
      format: decoded.format ?? 'html',
      gold: readFileSync(path.join(dir, 'cleaned', `${id}.txt`), 'utf8'),
      date: /^\d{4}/.test(date) ? date : undefined,
      authors: author === '' || /^UNKNO?W?N$/i.test(author) ? undefined : author.split(/[\s、]+/).filter((a) => a !== ''),
    });
  }
  return pages;
}
