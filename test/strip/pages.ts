/**
 * The real inputs strip is measured on, shared by the tests and the eval:
 * the seed pages with their gold answers, and the web-extraction dev pages
 * (raw bytes, many GB2312/GBK, some undeclared, decoded by the decode stage)
 * with hand-made body, date and author.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Format } from '../../src/core/record.js';
import { decodeBytes } from '../../src/stages/decode/index.js';

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

export function loadDevPages(): DevPage[] {
  const dir = path.join(FIXTURES, 'web-extraction');
  const pages: DevPage[] = [];
  for (const f of readdirSync(path.join(dir, 'original')).sort()) {
    if (!f.endsWith('.html')) continue;
    const id = f.replace(/\.html$/, '');
    const bytes = new Uint8Array(readFileSync(path.join(dir, 'original', f)));
    const decoded = decodeBytes(bytes, { fileName: f });
    const date = readFileSync(path.join(dir, 'date', `${id}.txt`), 'utf8').trim();
    const author = readFileSync(path.join(dir, 'author', `${id}.txt`), 'utf8').trim();
    pages.push({
      id,
      bytes,
      html: decoded.text,
      format: decoded.format,
      gold: readFileSync(path.join(dir, 'cleaned', `${id}.txt`), 'utf8'),
      date: /^\d{4}/.test(date) ? date : undefined,
      authors: author === '' || /^UNKNO?W?N$/i.test(author) ? undefined : author.split(/[\s、]+/).filter((a) => a !== ''),
    });
  }
  return pages;
}
