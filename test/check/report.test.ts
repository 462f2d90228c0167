import { describe, expect, it } from 'vitest';
import type { QRecord, Quality } from '../../src/core/record.js';
import {
  applyDuplicate,
  checkStage,
  CheckReport,
  defaultRules,
  duplicateIndexFor,
  fingerprint,
  githubAnnotation,
  githubAnnotations,
  renderTable,
  toJSON,
} from '../../src/stages/check/index.js';
import { changeCharacters, furniture, goldBodies, readAsGbk } from './corpus.js';

const rules = defaultRules();
const golds = goldBodies();

/** Runs records through the stage and the main-thread duplicate step, as the CLI does. */
async function check(records: QRecord[]): Promise<{ checked: QRecord[]; report: CheckReport }> {
  const report = new CheckReport(rules);
  const index = duplicateIndexFor(rules);
  const checked: QRecord[] = [];
  for (const [i, record] of records.entries()) {
    const processed = await checkStage.process(record, { rules }, { source: 'corpus.jsonl', line: i + 1 });
    const withDuplicates = applyDuplicate(processed, index.insert(record.id as string, record.text as string), rules);
    report.add(withDuplicates.quality as Quality, { id: record.id as string, source: 'corpus.jsonl', line: i + 1 });
    checked.push(withDuplicates);
  }
  return { checked, report };
}

const corpus: QRecord[] = [
  { id: 'a', text: golds[0]!.text },
  { id: 'b', text: golds[1]!.text, metadata: { title: '西北工业大学与辽宁省签署战略合作框架协议' } },
  { id: 'c', text: readAsGbk(golds[2]!.text) },
  { id: 'd', text: golds[0]!.text },
  { id: 'e', text: `${golds[3]!.text}\n${furniture.nankaiFooter}` },
];

describe('checkStage and the duplicate step', () => {
  it('writes quality and keeps every other field', async () => {
    const { checked } = await check(corpus);
    expect(checked[1]).toMatchObject({ id: 'b', metadata: { title: '西北工业大学与辽宁省签署战略合作框架协议' } });
    expect(checked.map((r) => (r.quality as Quality).failed)).toEqual([[], [], expect.arrayContaining(['mojibake-gbk']), ['duplicate'], ['boilerplate']]);
    expect(checked.map((r) => (r.quality as Quality).duplicate_of)).toEqual([null, null, null, 'a', null]);
    expect((checked[3]!.quality as Quality).signals.exact_duplicate).toBe(1);
    expect((checked[0]!.quality as Quality).signals.near_duplicate).toBe(0);
  });

  it('fails a later exact copy for duplicate and a copy with four characters changed for near-duplicate', async () => {
    const articles = golds.filter((g) => fingerprint(g.text).length >= 300);
    const records = articles.flatMap((g) => [
      { id: g.name, text: g.text },
      { id: `copy of ${g.name}`, text: g.text },
      { id: `changed ${g.name}`, text: changeCharacters(g.text, 4) },
    ]);
    const { checked } = await check(records);
    const verdicts = checked.map((r) => [r.id, (r.quality as Quality).failed.join(','), (r.quality as Quality).duplicate_of]);
    const expected = articles.flatMap((g) => [
      [g.name, '', null],
      [`copy of ${g.name}`, 'duplicate', g.name],
      [`changed ${g.name}`, 'near-duplicate', g.name],
    ]);
    expect(verdicts).toEqual(expected);
  });

  it('rejects a record without text', async () => {
    await expect(async () => checkStage.process({ id: 'x' }, { rules }, { source: '-', line: 1 })).rejects.toMatchObject({ reason: 'missing-text' });
  });
});

describe('report', () => {
  it('counts records, failures per rule and duplicates', async () => {
    const { report } = await check(corpus);
    const json = toJSON(report);
    expect(json).toMatchObject({ records: 5, passed: 2, failed: 3, fail_ratio: 0.6, duplicates: { exact: 1, near: 0 } });
    expect(json.rules['mojibake-gbk']).toMatchObject({ signal: 'mojibake_gbk', enabled: true, max: 0.3, failed: 1 });
    expect(json.rules['duplicate']?.failed).toBe(1);
    expect(json.rules['too-short']?.failed).toBe(0);
    expect(json.rules['missing-published']).toMatchObject({ enabled: false, failed: 0 });
    expect(json.signals.length).toMatchObject({ records: 5 });
    expect(json.signals.missing_title).toMatchObject({ records: 1, max: 0 });
    expect(json.failures.map((f) => [f.id, f.line])).toEqual([['c', 3], ['d', 4], ['e', 5]]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('renders a plain table, or a colored one for a terminal', async () => {
    const { report } = await check(corpus);
    const plain = renderTable(report, { color: false });
    expect(plain).not.toMatch(/\x1b\[/);
    expect(plain).toContain('check: 5 records, 2 passed, 3 failed (60.0%); duplicates: 1 exact, 0 near');
    expect(plain).toMatch(/^boilerplate\s+boilerplate_phrases\s+> 1\s+1\s+20\.0%$/m);
    expect(plain).toMatch(/^missing-published\s+missing_published\s+off\s+-$/m);
    expect(renderTable(report, { color: true })).toMatch(/\x1b\[31m/);
  });
});

describe('GitHub annotations', () => {
  it('point at the file and line of each failing record', () => {
    expect(githubAnnotation({ id: 'news/1', source: 'data/a.jsonl', line: 12, failed: ['boilerplate', 'too-short'], duplicate_of: null })).toBe(
      '::error file=data/a.jsonl,line=12::news/1: failed boilerplate, too-short',
    );
    expect(githubAnnotations([{ id: 'b', source: 'x.jsonl', line: 2, failed: ['duplicate'], duplicate_of: 'a' }])).toBe(
      '::error file=x.jsonl,line=2::b: failed duplicate (duplicate of a)',
    );
  });

  it('escape what would end a property or a command', () => {
    expect(githubAnnotation({ id: '50%\nid', source: 'a,b:c.jsonl', line: 1, failed: ['too-short'], duplicate_of: null })).toBe(
      '::error file=a%2Cb%3Ac.jsonl,line=1::50%25%0Aid: failed too-short',
    );
  });
});
