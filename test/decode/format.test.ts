/** Format sniffing: content decides, the extension only breaks ties. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sniffFormat } from '../../src/stages/decode/format.js';
import { SEED_DIR } from './helpers.js';

const seed = (name: string) => readFileSync(`${SEED_DIR}${name}`, 'utf8');

describe('sniffFormat', () => {
  it('sees the Markdown seed (front matter) and the flattened text seeds', () => {
    expect(sniffFormat(seed('004_154c54e70b94d35c.txt'), '004.txt')).toBe('markdown');
    expect(sniffFormat(seed('000_cfdd23cfb2e4ea40.txt'), '000.txt')).toBe('text');
    expect(sniffFormat(seed('003_6278776c4837406b.txt'), '003.txt')).toBe('text');
  });

  it('calls HTML in a .txt file HTML, and text in a .html file text', () => {
    const body = seed('001_d49f3538b7269fd6.txt');
    expect(sniffFormat(`<!DOCTYPE html><html><body><p>${body}</p></body></html>`, 'page.txt')).toBe('html');
    expect(sniffFormat(body, 'page.html')).toBe('text');
  });

  it('calls an HTML fragment HTML by its tags', () => {
    const paragraphs = seed('002_4102c1fcea78347f.txt').split('\n').slice(0, 6);
    expect(sniffFormat(paragraphs.map((p) => `<div class="c"><p>${p}</p></div>`).join('\n'))).toBe('html');
  });

  it('needs more than one stray construct to call text Markdown', () => {
    const body = seed('001_d49f3538b7269fd6.txt');
    expect(sniffFormat(`${body}\n- 一项\n- 两项\n`)).toBe('text');
    expect(sniffFormat(`# 标题\n\n${body}\n\n[原文](https://example.com/a)\n`)).toBe('markdown');
  });

  it('trusts a .md extension when the content is not HTML', () => {
    expect(sniffFormat(seed('001_d49f3538b7269fd6.txt'), 'notes.md')).toBe('markdown');
    expect(sniffFormat(seed('001_d49f3538b7269fd6.txt'), 'notes.md.gz')).toBe('markdown');
  });
});
