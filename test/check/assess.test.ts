import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js';
import { assess, defaultRules, mergeRules } from '../../src/stages/check/index.js';
import { changeCharacters, furniture, goldBodies, readAsGbk, readAsLatin1, readAsWindows1252 } from './corpus.js';

const rules = defaultRules();
const golds = goldBodies();

/** Names of gold bodies whose damaged copy does not fail `rule`, with what it failed instead. */
function missed(damage: (text: string) => string, rule: string): string[] {
  return golds.flatMap(({ name, text }) => {
    const { failed } = assess({ text: damage(text) }, rules);
    return failed.includes(rule) ? [] : [`${name}: ${failed.join(', ') || 'passed'}`];
  });
}

describe('default rules on real clean text', () => {
  it('has the 5 seed bodies and the 69 dev bodies to test on', () => {
    expect(golds).toHaveLength(74);
  });

  it('passes every gold body', () => {
    const failing = golds.flatMap(({ name, text }) => {
      const { failed } = assess({ text }, rules);
      return failed.length > 0 ? [`${name}: ${failed.join(', ')}`] : [];
    });
    expect(failing).toEqual([]);
  });

  it('passes gold bodies that carry a title in their metadata', () => {
    const { failed, signals } = assess({ text: golds[0]!.text, metadata: { title: '南开大学与天津武清区签署框架合作协议' } }, rules);
    expect(failed).toEqual([]);
    expect(signals.missing_title).toBe(0);
    expect(signals.missing_published).toBe(1);
  });
});

describe('the same bodies damaged fail, each for the right rule', () => {
  it('UTF-8 read as GBK, replacement characters removed: mojibake-gbk', () => {
    expect(readAsGbk(golds[0]!.text)).not.toContain('\ufffd');
    expect(missed(readAsGbk, 'mojibake-gbk')).toEqual([]);
  });

  it('UTF-8 read as Latin-1 or windows-1252: mojibake-latin1', () => {
    expect(missed(readAsLatin1, 'mojibake-latin1')).toEqual([]);
    expect(missed(readAsWindows1252, 'mojibake-latin1')).toEqual([]);
  });

  it('a real site footer appended: boilerplate', () => {
    for (const footer of [furniture.nankaiFooter, furniture.wechatFooter, furniture.cmsFooter]) {
      expect(missed((text) => `${text}\n${footer}`, 'boilerplate')).toEqual([]);
    }
  });

  it('a footer alone fails boilerplate and nothing else', () => {
    const { failed } = assess({ text: `${golds[3]!.text}\n${furniture.nankaiFooter}` }, rules);
    expect(failed).toEqual(['boilerplate']);
  });

  it('a real SEO spam block appended: keyword-stuffing', () => {
    expect(missed((text) => `${text}\n${furniture.seoBlock}`, 'keyword-stuffing')).toEqual([]);
  });

  it('a real link farm appended: link-farm', () => {
    expect(missed((text) => `${text}\n${furniture.linkFarm}`, 'link-farm')).toEqual([]);
  });

  it('empty text and a four-character stub: too-short', () => {
    expect(missed(() => '', 'too-short')).toEqual([]);
    expect(missed((text) => Array.from(text.trim()).slice(0, 4).join(''), 'too-short')).toEqual([]);
  });

  it('an empty text fails too-short alone: share signals are left out', () => {
    const { failed, signals } = assess({ text: ' \n ' }, rules);
    expect(failed).toEqual(['too-short']);
    expect(signals).toEqual({ length: 0 });
  });

  it('a body pasted twice: dup-line-chars', () => {
    expect(missed((text) => `${text}\n${text}`, 'dup-line-chars')).toEqual([]);
  });

  it('a body with a changed character still passes (near duplicates are a matter between records)', () => {
    expect(assess({ text: changeCharacters(golds[1]!.text, 4) }, rules).failed).toEqual([]);
  });
});

describe('single signals on real text', () => {
  const body = golds[0]!.text;

  it('counts U+FFFD, as left by a decoder on broken bytes', () => {
    const broken = body.slice(0, 100) + '\ufffd\ufffd' + body.slice(100);
    const { signals, failed } = assess({ text: broken }, rules);
    expect(signals.replacement_chars).toBe(2);
    expect(failed).toEqual(['replacement-chars']);
  });

  it('finds 锟斤拷: UTF-8 replacement-character bytes inside a GBK page, read as GBK', () => {
    const bytes = Buffer.concat([
      iconv.encode(body.slice(0, 50), 'gbk'),
      Buffer.from('\ufffd\ufffd', 'utf8'),
      iconv.encode(body.slice(50), 'gbk'),
    ]);
    const text = iconv.decode(bytes, 'gbk');
    expect(text).toContain('锟斤拷');
    const { signals, failed } = assess({ text }, rules);
    expect(signals.garbage_words).toBe(1);
    expect(failed).toEqual(['garbage-words']);
  });

  it('counts control characters', () => {
    const { signals, failed } = assess({ text: `${body.slice(0, 30)}\u0000\u0008${body.slice(30)}` }, rules);
    expect(signals.control_chars).toBe(2);
    expect(failed).toEqual(['control-chars']);
  });

  it('measures the mix of traditional and simplified characters', () => {
    const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });
    const paragraphs = body.split('\n');
    const half = paragraphs.map((p, i) => (i % 2 === 0 ? toTraditional(p) : p)).join('\n');
    const all = toTraditional(body);
    expect(assess({ text: body }, rules).signals.trad_simp_mix).toBe(0);
    expect(assess({ text: all }, rules).failed).toEqual([]);
    const mixed = assess({ text: half }, rules);
    expect(mixed.signals.trad_simp_mix).toBeGreaterThan(0.3);
    expect(mixed.failed).toEqual(['trad-simp-mix']);
  });

  it('measures a missing title only for records with metadata, and fails it when asked to', () => {
    expect(assess({ text: body }, rules).signals.missing_title).toBeUndefined();
    const record = { text: body, metadata: { published: '2023-01-28T11:22' } };
    const { failed, signals } = assess(record, rules);
    expect(signals.missing_title).toBe(1);
    expect(signals.missing_published).toBe(0);
    expect(failed).toEqual([]);
    const strict = mergeRules(rules, { 'missing-title': { enabled: true }, 'missing-published': { enabled: true } }, 'strict.json');
    expect(assess(record, strict).failed).toEqual(['missing-title']);
    expect(assess({ text: body, metadata: {} }, strict).failed).toEqual(['missing-title', 'missing-published']);
  });

  it('does not take a URL inside a sentence for a link line', () => {
    const blog = golds.find((g) => g.text.includes('http://blog.dreambrook.com'))!;
    expect(assess({ text: blog.text }, rules).signals.link_lines).toBe(0);
  });

  it('defines every signal it reports', async () => {
    const { SIGNALS } = await import('../../src/stages/check/signals.js');
    const { signals } = assess({ text: `${body}\n${furniture.seoBlock}`, metadata: {} }, rules);
    for (const name of Object.keys(signals)) expect(SIGNALS).toHaveProperty(name);
  });
});

describe('adversarial input finishes (linear-time scans)', () => {
  const cases: Record<string, string> = {
    punctuation: '，'.repeat(200_000),
    'ASCII punctuation': '!'.repeat(200_000),
    digits: '1'.repeat(200_000),
    'one character': '啊'.repeat(200_000),
    'navigation marker': '当前位置：'.repeat(20_000),
    'URL-like': 'http://'.repeat(30_000),
    'one long line of letters': 'a'.repeat(200_000),
  };
  for (const [name, text] of Object.entries(cases)) {
    it(name, () => {
      const { signals } = assess({ text }, rules);
      expect(signals.length).toBe(Array.from(text).length);
    });
  }

  it('a single repeated character is all repetition', () => {
    const { signals, failed } = assess({ text: '啊'.repeat(200_000) }, rules);
    expect(signals.top_2gram_share).toBe(1);
    expect(failed).toContain('keyword-stuffing');
  });
});
