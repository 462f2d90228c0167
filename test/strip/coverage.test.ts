/**
 * The fixtures together must exercise every "must remove" reason of the
 * issue, every repair, and every metadata source, so that a regression in any
 * of them fails a fixture.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Metadata, Removal } from '../../src/core/record.js';
import { REASONS } from '../../src/stages/strip/index.js';

const ROOT = fileURLToPath(new URL('../fixtures/strip/', import.meta.url));

interface Fixture {
  name: string;
  input: string;
  output: { text: string; metadata: Metadata; removed: Removal[] };
}

const fixtures: Fixture[] = readdirSync(ROOT).map((name) => {
  const dir = path.join(ROOT, name);
  const inputFile = readdirSync(dir).find((f) => f.startsWith('input.'))!;
  return {
    name,
    input: readFileSync(path.join(dir, inputFile), 'utf8'),
    output: JSON.parse(readFileSync(path.join(dir, 'output.json'), 'utf8')),
  };
});

const reasons = new Set(fixtures.flatMap((f) => f.output.removed.map((r) => r.reason)));

describe('fixture coverage', () => {
  it.each([
    'navigation',
    'breadcrumb',
    'title',
    'title-repeat',
    'header-line',
    'related-list',
    'share-prompt',
    'footer',
    'copyright',
    'icp',
    'contact',
    'seo-spam',
    'link-farm',
    'front-matter',
    'image-junk',
    'placeholder',
    'script-style',
    'hidden',
    'comment',
    'user-comments',
  ])('some fixture removes %s', (reason) => {
    expect(REASONS).toHaveProperty(reason);
    expect(reasons.has(reason)).toBe(true);
  });

  it('every removal reason in the fixtures is in the vocabulary', () => {
    for (const r of reasons) expect(REASONS).toHaveProperty(r);
  });

  const removedText = (pred: (r: Removal) => boolean): string[] => fixtures.flatMap((f) => f.output.removed.filter(pred).map((r) => r.text));

  it('covers the named furniture of the issue', () => {
    const all = fixtures.flatMap((f) => f.output.removed.map((r) => r.text)).join('\n');
    for (const phrase of ['当前位置', '来源', '发稿时间', '浏览量', '编辑', '相关文章', '相关内容推荐', '往期推送', '......', '新闻热线', '投稿信箱', 'Copyright', '版权所有', '版权声明', 'ICP备', '友情链接', '合作伙伴', '<!--more-->', '读取内容中,请等待...', '【关闭】', '分享']) {
      expect(all, phrase).toContain(phrase);
    }
    expect(removedText((r) => r.reason === 'header-line').some((t) => t.startsWith('作者') || t.includes('记者'))).toBe(true);
  });

  it('covers the repairs: joined broken lines, spaces, stray emphasis; no join across headings or list items', () => {
    const inputs = fixtures.map((f) => f.input).join('\n');
    const texts = fixtures.map((f) => f.output.text).join('\n');
    // A line broken mid-sentence in the input is one line in the output.
    expect(inputs).toContain('摄影\n\n宗琪琪）');
    expect(texts).toContain('摄影宗琪琪）');
    expect(inputs).toContain('智能温棚，\n移植到');
    expect(texts).toContain('智能温棚，移植到');
    // Stray emphasis `**。**` goes back onto its sentence.
    expect(inputs).toContain('\n**。**\n');
    expect(texts).toContain('积极发展都市圈城际公交。');
    // An empty link is junk.
    expect(removedText((r) => r.reason === 'image-junk')).toContain('[](http://news.nankai.edu.cn/)');
    // Full-width indentation and no-break spaces are gone.
    expect(inputs).toMatch(/\u3000\u3000/);
    expect(inputs).toMatch(/\u00a0/);
    expect(texts).not.toMatch(/[\u3000\u00a0]/);
    // Headings and list numbers stay on their own lines.
    expect(texts).toContain('\n区校合作,共赢发展\n');
    expect(texts).toContain('\n1\n建立基层党组织共建长效机制\n');
  });

  it('covers every metadata source', () => {
    const meta = (name: string): Metadata => fixtures.find((f) => f.name === name)!.output.metadata;
    // header lines, glued date, title affixes
    expect(meta('text-flattened-page')).toMatchObject({ published: '2023-01-28T11:22', source: '中宏网', site: '南开大学', section: '媒体南开', editors: ['韦承金'] });
    expect(meta('text-seo-spam')).toMatchObject({ title: '卢建军率队赴苏州推进合作交流', published: '2024-11-11T09:50', source: '交大新闻网' });
    // front matter, Markdown source link, title affixes on both sides
    expect(meta('markdown-front-matter')).toMatchObject({ published: '2023-03-01T01:22:36', tags: ['南开大学'], site: '南开大学', source_url: 'http://news.nankai.edu.cn/ywsd/system/2023/02/26/030054502.shtml' });
    // meta tags, JSON-LD, canonical link
    expect(meta('html-head-metadata')).toMatchObject({ published: '2022-02-06T12:48:06', site: 'RFI - 法国国际广播电台', authors: ['安东尼'], tags: ['马克龙', '普京', '乌克兰'] });
    expect(meta('html-head-metadata').source_url).toMatch(/^https:\/\/www\.rfi\.fr\//);
    // date line under the headline, byline, credit line
    expect(meta('html-news-page')).toMatchObject({ published: '2022-02-13T09:57', authors: ['王建宏', '张文攀'], editors: ['孙桂芳'] });
    // credit block (摄影/排版/编辑/审核)
    expect(meta('text-wechat-outro')).toMatchObject({ photographers: ['刘晓迟'], designers: ['王子葳', '詹论雨'], editors: ['吕洋', '宋霖涛'], reviewers: ['刘幸菡', '张超'] });
    // link text of 原文链接 as the title
    expect(meta('text-related-teasers')).toMatchObject({ title: '西部985,去东北!', published: '2024-02-04T17:51' });
  });
});
