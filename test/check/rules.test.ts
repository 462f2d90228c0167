import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { assess, defaultRules, failedRules, loadRules, mergeRules, SIGNALS } from '../../src/stages/check/index.js';
import { goldBodies } from './corpus.js';

const dir = mkdtempSync(path.join(tmpdir(), 'qingxi-check-rules-'));
function rulesFile(name: string, content: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, content);
  return file;
}

function usageError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
}

describe('default rules', () => {
  const rules = defaultRules();

  it('bound known signals, each with a description', () => {
    for (const [name, rule] of Object.entries(rules)) {
      expect(SIGNALS, name).toHaveProperty(rule.signal);
      expect(rule.description.length, name).toBeGreaterThan(10);
      expect(rule.min !== undefined || rule.max !== undefined, name).toBe(true);
    }
  });

  it('report a missing title or publish time without failing it', () => {
    expect(rules['missing-title']?.enabled).toBe(false);
    expect(rules['missing-published']?.enabled).toBe(false);
  });

  it('are a fresh copy each time', () => {
    const first = defaultRules();
    first['too-short']!.min = 1;
    expect(defaultRules()['too-short']!.min).toBe(50);
  });
});

describe('--rules FILE', () => {
  it('merges thresholds and switches over the defaults', () => {
    const file = rulesFile('ok.json', JSON.stringify({ _comment: 'mine', 'too-short': { min: 5 }, 'missing-published': { enabled: true }, 'dup-lines': { max: null } }));
    const rules = loadRules(file);
    expect(rules['too-short']).toMatchObject({ signal: 'length', min: 5, enabled: true });
    expect(rules['missing-published']?.enabled).toBe(true);
    expect(rules['dup-lines']?.max).toBeUndefined();
    expect(rules['boilerplate']).toEqual(defaultRules()['boilerplate']);
  });

  it('changes what fails on real text', () => {
    const stub = { text: Array.from(goldBodies()[0]!.text).slice(0, 10).join('') };
    expect(assess(stub, defaultRules()).failed).toEqual(['too-short']);
    expect(assess(stub, mergeRules(defaultRules(), { 'too-short': { min: 5 } }, 'inline')).failed).toEqual([]);
    expect(assess(stub, mergeRules(defaultRules(), { 'too-short': { enabled: false } }, 'inline')).failed).toEqual([]);
  });

  it('names the file and the rule for an unknown rule', () => {
    const file = rulesFile('unknown.json', JSON.stringify({ 'too-shrot': { min: 5 } }));
    const message = usageError(() => loadRules(file));
    expect(message).toContain(file);
    expect(message).toContain('"too-shrot"');
  });

  it('names the file and the key for an unknown key or a bad value', () => {
    const badKey = rulesFile('key.json', JSON.stringify({ 'too-short': { minimum: 5 } }));
    expect(usageError(() => loadRules(badKey))).toContain(`${badKey}: "too-short.minimum"`);
    const badValue = rulesFile('value.json', JSON.stringify({ boilerplate: { max: 'two' } }));
    expect(usageError(() => loadRules(badValue))).toContain(`${badValue}: "boilerplate.max" must be a number`);
    const badSwitch = rulesFile('switch.json', JSON.stringify({ boilerplate: { enabled: 'no' } }));
    expect(usageError(() => loadRules(badSwitch))).toContain('"boilerplate.enabled" must be true or false');
  });

  it('refuses bounds that fail everything, non-objects, bad JSON and missing files', () => {
    expect(usageError(() => mergeRules(defaultRules(), { 'too-short': { min: 10, max: 5 } }, 'r.json'))).toContain('min 10 above max 5');
    expect(usageError(() => mergeRules(defaultRules(), [1, 2], 'r.json'))).toContain('r.json: expected a JSON object');
    expect(usageError(() => mergeRules(defaultRules(), { boilerplate: 3 }, 'r.json'))).toContain('"boilerplate" must be an object');
    const broken = rulesFile('broken.json', '{"too-short": {');
    expect(usageError(() => loadRules(broken))).toContain(`--rules ${broken}: not valid JSON`);
    expect(usageError(() => loadRules(path.join(dir, 'absent.json')))).toContain('cannot read');
  });
});

describe('failedRules', () => {
  it('applies min and max strictly, skips disabled rules and absent signals', () => {
    const rules = defaultRules();
    expect(failedRules({ length: 50 }, rules)).toEqual([]);
    expect(failedRules({ length: 49 }, rules)).toEqual(['too-short']);
    expect(failedRules({ length: 100, boilerplate_phrases: 1 }, rules)).toEqual([]);
    expect(failedRules({ length: 100, boilerplate_phrases: 2, short_line_share: 1 }, rules)).toEqual(['boilerplate']);
  });
});
