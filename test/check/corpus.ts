/**
 * Real text for the check tests: the hand-made gold bodies of the seeds and of
 * the 69 dev pages, real page furniture cut from the raw seeds, and the
 * damage a crawl really does to text (wrong decoding, appended footers and
 * spam, copies).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';

const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

export interface Sample {
  name: string;
  text: string;
}

/** fixtures/gold/*.json `body` joined with `\n`, then fixtures/web-extraction/cleaned/*.txt. */
export function goldBodies(): Sample[] {
  const samples: Sample[] = [];
  for (const file of readdirSync(path.join(FIXTURES, 'gold')).sort()) {
    const gold = JSON.parse(readFileSync(path.join(FIXTURES, 'gold', file), 'utf8')) as { body: string[] };
    samples.push({ name: `gold/${file}`, text: gold.body.join('\n') });
  }
  for (const file of readdirSync(path.join(FIXTURES, 'web-extraction/cleaned')).sort()) {
    samples.push({ name: `cleaned/${file}`, text: readFileSync(path.join(FIXTURES, 'web-extraction/cleaned', file), 'utf8') });
  }
  return samples;
}

function seed(prefix: string): string {
  const file = readdirSync(path.join(FIXTURES, 'seeds')).find((f) => f.startsWith(prefix));
  if (!file) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(FIXTURES, 'seeds', file), 'utf8');
}

/** Text of `raw` from the first `from` (inclusive) to the next `to` (exclusive) or the end. */
function cut(raw: string, from: string, to?: string): string {
  const start = raw.indexOf(from);
  if (start < 0) throw new Error(`marker ${from} not found`);
  const end = to === undefined ? raw.length : raw.indexOf(to, start);
  return raw.slice(start, end < 0 ? raw.length : end).trim();
}

/** Real furniture from the raw seed pages, as the crawler left it after the article. */
export const furniture = {
  /** Seed 000: credits, related links, hotline, mailbox, ICP number and copyright on one line. */
  nankaiFooter: cut(seed('000'), '编辑：韦承金'),
  /** Seed 002: a WeChat article's footer (recommendations, credits, share/like/在看 buttons). */
  wechatFooter: cut(seed('002'), '工小V推荐', '友情链接'),
  /** Seed 003: a CMS footer (credits, 【关闭】, related-article placeholders). */
  cmsFooter: cut(seed('003'), '文字:党委宣传部', '相关内容推荐'),
  /** Seed 003: the keyword-stuffed SEO block (网络公司 × 100+) under 相关内容推荐. */
  seoBlock: cut(seed('003'), '厦门网络公司注册资金', '\n'),
  /** Seed 002: its link farm: 友情链接 and URL lines. */
  linkFarm: cut(seed('002'), '友情链接'),
};

/** UTF-8 bytes read as GBK, with the replacement characters removed (no U+FFFD left to see). */
export function readAsGbk(text: string): string {
  return iconv.decode(Buffer.from(text, 'utf8'), 'gbk').replace(/\ufffd/g, '');
}

/** UTF-8 bytes read as Latin-1. */
export function readAsLatin1(text: string): string {
  return iconv.decode(Buffer.from(text, 'utf8'), 'latin1');
}

/** UTF-8 bytes read as windows-1252, undecodable bytes dropped. */
export function readAsWindows1252(text: string): string {
  return iconv.decode(Buffer.from(text, 'utf8'), 'windows-1252').replace(/\ufffd/g, '');
}

/** `text` with `count` Han characters, spread evenly, replaced by other Han characters. */
export function changeCharacters(text: string, count: number): string {
  const chars = Array.from(text);
  const han = chars.flatMap((c, i) => (/\p{Script=Han}/u.test(c) ? [i] : []));
  for (let k = 1; k <= count; k++) {
    const at = han[Math.floor((han.length * k) / (count + 1))] as number;
    const cp = (chars[at] as string).codePointAt(0) as number;
    chars[at] = String.fromCodePoint(cp === 0x4e00 ? 0x4e01 : cp - 1);
  }
  return chars.join('');
}
