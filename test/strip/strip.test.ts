/**
 * The stage's contract: record in, record out; options; errors; and that odd
 * or hostile input (empty, only furniture, 200,000 repeated characters, deep
 * nesting) never throws and never takes quadratic time.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordError } from '../../src/core/errors.js';
import type { QRecord } from '../../src/core/record.js';
import { sniffFormat, strip, stripStage } from '../../src/stages/strip/index.js';
import { loadSeeds } from './pages.js';

const seed = (n: number): string => loadSeeds()[n]!.text;

function rejects(fn: () => unknown, reason: string): void {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(RecordError);
    expect((e as RecordError).reason).toBe(reason);
    return;
  }
  throw new Error(`expected RecordError(${reason})`);
}

describe('strip record contract', () => {
  it('rejects a record without string text', () => {
    rejects(() => strip({ id: 'x' } as QRecord), 'missing-text');
    rejects(() => strip({ id: 'x', text: 42 } as unknown as QRecord), 'missing-text');
  });

  it('replaces text and format, merges metadata, passes other fields through in order', () => {
    const input: QRecord = { id: 'seed3', path: 'a.txt', text: seed(3), encoding: 'utf-8', metadata: { title: '已有标题', custom: 1 }, extra: [1] };
    const out = strip(input);
    expect(Object.keys(out)).toEqual(['id', 'path', 'text', 'encoding', 'metadata', 'extra', 'format']);
    expect(out.format).toBe('text');
    expect(out.encoding).toBe('utf-8');
    expect(out.extra).toEqual([1]);
    expect(out.metadata).toMatchObject({ title: '已有标题', custom: 1, source: '交大新闻网', published: '2024-11-11T09:50' });
    expect(out.text).toContain('卢建军以“推动科技创新和产业创新深度融合');
    expect(out.removed).toBeUndefined();
    expect(out.raw).toBeUndefined();
  });

  it('keeps the original with keepRaw', () => {
    const text = seed(2);
    expect(strip({ text }, { keepRaw: true }).raw).toBe(text);
  });

  it('explains every removal with a reason', () => {
    const out = strip({ text: seed(0) }, { explain: true });
    expect(out.removed!.length).toBeGreaterThan(10);
    for (const r of out.removed!) {
      expect(typeof r.text).toBe('string');
      expect(r.reason).toMatch(/^[a-z-]+$/);
    }
  });

  it('rejects a body shorter than minChars as too-short', () => {
    rejects(() => strip({ text: '首页 | 新闻 | 关于我们' }, { minChars: 10 }), 'too-short');
    expect(strip({ text: seed(1) }, { minChars: 200 }).text!.length).toBeGreaterThan(200);
  });

  it('converts traditional to simplified only when asked', () => {
    const traditional = '距墨爾本西北約110公里處，是當年澳大利亞發現第一塊天然黃金的地方，現在是維多利亞州最受游客歡迎的觀光城市。';
    expect(strip({ text: traditional }).text).toBe(traditional);
    expect(strip({ text: traditional, metadata: { note: '維多利亞' } }, { toSimplified: true }).text).toBe(
      '距墨尔本西北约110公里处，是当年澳大利亚发现第一块天然黄金的地方，现在是维多利亚州最受游客欢迎的观光城市。',
    );
  });

  it('converts found metadata to simplified and keeps existing keys as they were', () => {
    const out = strip({ text: '標題：維多利亞的金礦\n\n距墨爾本西北約110公里處，是當年澳大利亞發現第一塊天然黃金的地方，現在是維多利亞州最受游客歡迎的觀光城市。', metadata: { note: '維多利亞' } }, { toSimplified: true });
    expect(out.metadata!.note).toBe('維多利亞');
    expect(out.metadata!.title).toBe('维多利亚的金矿');
  });

  it('is the stage', async () => {
    const record = { text: seed(4) };
    expect(await stripStage.process(record, {}, { source: '-', line: 1 })).toEqual(strip(record));
    expect(stripStage.name).toBe('strip');
  });

  it('sniffs the format when the record has none', () => {
    expect(sniffFormat('<!DOCTYPE html><html><body><p>正文</p></body></html>')).toBe('html');
    expect(sniffFormat(seed(4))).toBe('markdown');
    expect(sniffFormat(seed(0))).toBe('text');
    expect(sniffFormat('他说：“a < b 并且 c > d。”')).toBe('text');
  });

  it('honours the format a record states', () => {
    const out = strip({ text: '<p>这是一个段落，写着正文的内容，它足够长，也有标点符号。</p>', format: 'text' });
    expect(out.text).toContain('<p>');
  });
});

describe('furniture lines inside an article', () => {
  it('a hotline line in the middle of a text does not end the article', () => {
    const [p1, p2, p3] = loadSeeds()[1]!.gold.body;
    const text = [p1, p2, '咨询电话：029-88494000', p3].join('\n\n');
    const out = strip({ text, format: 'text' }, { explain: true });
    expect(out.text).toBe([p1, p2, p3].join('\n'));
    expect(out.removed).toEqual([{ text: '咨询电话：029-88494000', reason: 'contact' }]);
  });
});

describe('a related-links box inside an article', () => {
  it('removes the box and keeps the paragraphs after it', () => {
    const [p1, p2, p3] = loadSeeds()[1]!.gold.body;
    const text = [p1, p2, '延伸阅读', '西部985,去东北!', p3].join('\n\n');
    const out = strip({ text, format: 'text' }, { explain: true });
    expect(out.text).toBe([p1, p2, p3].join('\n'));
    expect(out.removed).toEqual([
      { text: '延伸阅读', reason: 'related-list' },
      { text: '西部985,去东北!', reason: 'related-list' },
    ]);
  });
});

describe('duplicated articles', () => {
  it('keeps one copy of a page that carries the article twice (desktop and mobile)', () => {
    const paragraphs =
      '<p>各位好，我是安东尼。欢迎收听法国报纸摘要。法国总统马克龙下星期访问莫斯科和基辅。法国星期天报说，马克龙星期一在莫斯科与俄罗斯总统普京会面。</p>' +
      '<p>几个月来，俄罗斯在与乌克兰交界处部署了成千上万名军人。基辅这边希望加入北约，同时担心俄罗斯入侵。</p>';
    const html = `<html><body><div class="wrap"><div class="pc-article">${paragraphs}</div><div class="m-article">${paragraphs}</div></div></body></html>`;
    const out = strip({ text: html, format: 'html' }, { explain: true });
    expect(out.text!.split('\n')).toHaveLength(2);
    expect(out.removed!.filter((r) => r.reason === 'duplicate')).toHaveLength(2);
  });
});

describe('odd input never throws', () => {
  const cases: [string, string][] = [
    ['empty', ''],
    ['whitespace', ' \n\t\u3000\u00a0\n'],
    ['only furniture', '首页 | 新闻 | 关于我们\n当前位置：首页>新闻\nCopyright © 2024 版权所有\n津ICP备12003308号-1'],
    ['only a title', '落实市党代会精神!北工大与朝阳区签署全面战略合作协议'],
    ['unclosed front matter', '---\ntitle: 无结尾\n正文'],
    ['html without body', '<html><head><title>标题</title></head></html>'],
    ['lone tags', '<div><p><span>'],
  ];
  it.each(cases)('%s', (_name, text) => {
    for (const format of ['text', 'markdown', 'html', undefined] as const) {
      const out = strip({ text, format }, { explain: true });
      expect(typeof out.text).toBe('string');
      expect(out.format).toBe('text');
    }
  });

  it('holds for arbitrary strings of page-like characters', () => {
    const alphabet = fc.constantFrom(...'首页当前位置来源：编辑。，！？…“”《》【】<>/="\'-_|#*![]()\n\u3000 abc123ICP'.split(''));
    fc.assert(
      fc.property(fc.array(alphabet, { maxLength: 300 }).map((a) => a.join('')), fc.constantFrom('text', 'markdown', 'html'), (text, format) => {
        const out = strip({ text, format: format as 'text' | 'markdown' | 'html' }, { explain: true });
        return typeof out.text === 'string';
      }),
      { numRuns: 300 },
    );
  });
});

describe('long repetitive input finishes (linear-time matching)', () => {
  const N = 200_000;
  const inputs: [string, string][] = [
    ['full-width punctuation', '。'.repeat(N)],
    ['ascii punctuation', '.'.repeat(N)],
    ['ellipses', '...'.repeat(N / 3)],
    ['digits', '1'.repeat(N)],
    ['one character', '网'.repeat(N)],
    ['colons', '：'.repeat(N)],
    ['breadcrumb labels', '当前位置：'.repeat(20_000)],
    ['header labels', '来源：发布时间：编辑：'.repeat(20_000)],
    ['dates', '2023-01-28'.repeat(20_000)],
    ['ideographic spaces', '\u3000'.repeat(N)],
    ['spaces and letters', 'a '.repeat(N / 2)],
    ['markdown brackets', '!['.repeat(N / 2)],
    ['link syntax', '[a]('.repeat(N / 4)],
    ['comment openers', '<!--'.repeat(N / 4)],
    ['emphasis', '**'.repeat(N / 2)],
    ['angle brackets', '<'.repeat(N)],
    ['parentheses', '（'.repeat(N)],
    // Every line continues the one before: one paragraph built from 10,000 lines.
    ['lines to join', '这是一个很长的句子，没有结束，还在继续写下去\n'.repeat(10_000)],
    ['lines to join inside a bracket', '（这是一个很长的句子，没有结束，还在继续写下去\n'.repeat(10_000)],
  ];
  it.each(inputs)('%s', (_name, text) => {
    for (const format of ['text', 'markdown'] as const) expect(typeof strip({ text, format }).text).toBe('string');
  });
  it.each([
    // htmlparser2 keeps its open-element stack with unshift, so nesting depth costs it quadratic time;
    // 20,000 levels (100,000 characters) is already far beyond real pages.
    ['deep nesting', '<div>'.repeat(20_000) + '正文内容。'],
    ['many paragraphs', '<p>这是一个段落，写着正文。</p>'.repeat(10_000)],
    ['lines to join', '<p>' + '这是一个很长的句子，没有结束，还在继续写下去<br>'.repeat(10_000) + '</p>'],
    ['paragraph marks between links', '<p>' + '<a href="#">正文</a>内容。\u3000\u3000'.repeat(20_000) + '</p>'],
    ['nested section headers', '<div>相关新闻'.repeat(20_000)],
    ['hidden elements', '<div style="display:none"><p>隐藏</p></div>'.repeat(20_000)],
    ['many links', '<a href="/x">首页</a>'.repeat(20_000)],
    ['long attribute', `<div class="${'a '.repeat(N / 2)}">正文内容。</div>`],
    ['long style', `<div style="${'display: block;'.repeat(20_000)}">正文内容。</div>`],
  ])('html: %s', (_name, html) => {
    expect(typeof strip({ text: html, format: 'html' }).text).toBe('string');
  });
});
