import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseUserDictionary, segment, segmentText } from '../../src/stages/segment/index.js';
import { FIXTURES, qingxi, records } from '../helpers.js';

const seeds = readdirSync(path.join(FIXTURES, 'seeds')).map((f) => readFileSync(path.join(FIXTURES, 'seeds', f), 'utf8'));

describe('segment', () => {
  it('tokens rebuild every seed exactly, in both modes, with and without tags', () => {
    for (const text of seeds) {
      for (const mode of ['default', 'search'] as const) {
        const { tokens, pos } = segmentText(text, { mode, pos: true });
        expect(tokens.join('')).toBe(text);
        expect(pos).toHaveLength(tokens.length);
        expect(segmentText(text, { mode }).tokens.join('')).toBe(text);
      }
    }
  });

  it('keeps whitespace, control characters and characters outside the BMP as tokens', () => {
    const text = ' 𠀀南开\r\n\t大学\u0000 😀 ';
    expect(segmentText(text).tokens.join('')).toBe(text);
  });

  it('search mode splits long words into dictionary sub-words of two or more characters, never into letters', () => {
    const { tokens } = segmentText('中华人民共和国南开大学党委书记杨庆山', { mode: 'search' });
    expect(tokens).toEqual(['中华', '人民', '共和国', '南开', '大学', '党委', '书记', '杨庆山']);
  });

  it('rejects a record without text', () => {
    expect(() => segment({ id: 'x' })).toThrow(/no string "text"/);
  });
});

describe('user dictionaries', () => {
  it('accepts lines without the frequency column, as Python jieba does', () => {
    expect(parseUserDictionary('陈雨露\n许颖悟 nr\n杜全胜 20 nr\n# comment\n\n', 'd.txt')).toEqual([
      { word: '陈雨露' },
      { word: '许颖悟', tag: 'nr' },
      { word: '杜全胜', freq: 20, tag: 'nr' },
    ]);
    expect(() => parseUserDictionary('a b c d', 'd.txt')).toThrow(/d\.txt:1/);
  });

  it('--dict makes unknown names one token, from the CLI', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-dict-'));
    const input = JSON.stringify({ text: '校长陈雨露出席' });
    const before = records((await qingxi(['segment'], { input })).stdout)[0]!.tokens as string[];
    expect(before).not.toContain('陈雨露');
    const dict = path.join(dir, 'names.txt');
    writeFileSync(dict, '陈雨露\n');
    const result = await qingxi(['segment', '--dict', dict, '--pos'], { input });
    expect(result.code).toBe(0);
    const [record] = records(result.stdout);
    expect(record!.tokens).toContain('陈雨露');
    expect((record!.pos as string[]).length).toBe((record!.tokens as string[]).length);
  });
});
