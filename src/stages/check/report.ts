/**
 * The run summary of `qingxi check`: counts per rule, duplicates and signal
 * ranges, rendered as a table for people (stderr), as JSON for machines
 * (`--json`), and as GitHub Actions annotations for failing records.
 */
import { Chalk } from 'chalk';
import type { Quality } from '../../core/record.js';
import type { CheckRules, Rule } from './rules.js';

/** A failing record and where it came from. */
export interface FailedRecord {
  id: string;
  /** Input file (`-` for stdin). */
  source: string;
  /** 1-based line in `source`. */
  line: number;
  failed: string[];
  duplicate_of: string | null;
}

/** Counts the runner reports at the end of a run. */
export interface RunCounts {
  in: number;
  out: number;
  rejected: number;
  rejectReasons: Record<string, number>;
  seconds: number;
}

interface SignalRange {
  count: number;
  sum: number;
  min: number;
  max: number;
}

/** Failing records kept for the JSON summary; the counts cover all of them. */
const KEPT_FAILURES = 100;

export class CheckReport {
  records = 0;
  passed = 0;
  failed = 0;
  exactDuplicates = 0;
  nearDuplicates = 0;
  readonly ruleFailures = new Map<string, number>();
  readonly signals = new Map<string, SignalRange>();
  readonly failures: FailedRecord[] = [];
  run: RunCounts | undefined;

  constructor(readonly rules: CheckRules) {
    for (const name of Object.keys(rules)) this.ruleFailures.set(name, 0);
  }

  /** Counts one assessed record. */
  add(quality: Quality, where: { id: string; source: string; line: number }): void {
    this.records++;
    for (const [name, value] of Object.entries(quality.signals)) {
      const range = this.signals.get(name);
      if (range) {
        range.count++;
        range.sum += value;
        if (value < range.min) range.min = value;
        if (value > range.max) range.max = value;
      } else {
        this.signals.set(name, { count: 1, sum: value, min: value, max: value });
      }
    }
    if (quality.duplicate_of !== null) {
      if (quality.signals.exact_duplicate === 1) this.exactDuplicates++;
      else this.nearDuplicates++;
    }
    if (quality.failed.length === 0) {
      this.passed++;
      return;
    }
    this.failed++;
    for (const name of quality.failed) this.ruleFailures.set(name, (this.ruleFailures.get(name) ?? 0) + 1);
    if (this.failures.length < KEPT_FAILURES) {
      this.failures.push({ ...where, failed: quality.failed, duplicate_of: quality.duplicate_of });
    }
  }

  /** Share of assessed records that fail (0 when there are none). */
  get failRatio(): number {
    return this.records === 0 ? 0 : this.failed / this.records;
  }
}

export interface ReportJSON {
  records: number;
  passed: number;
  failed: number;
  fail_ratio: number;
  duplicates: { exact: number; near: number };
  input: { in: number; out: number; rejected: number; reject_reasons: Record<string, number> } | null;
  seconds: number | null;
  rules: Record<string, { signal: string; enabled: boolean; min?: number; max?: number; failed: number; description: string }>;
  signals: Record<string, { records: number; mean: number; min: number; max: number }>;
  /** The first failing records (at most 100). */
  failures: FailedRecord[];
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

export function toJSON(report: CheckReport): ReportJSON {
  const rules: ReportJSON['rules'] = {};
  for (const [name, rule] of Object.entries(report.rules)) {
    rules[name] = {
      signal: rule.signal,
      enabled: rule.enabled,
      ...(rule.min !== undefined && { min: rule.min }),
      ...(rule.max !== undefined && { max: rule.max }),
      failed: report.ruleFailures.get(name) ?? 0,
      description: rule.description,
    };
  }
  const signals: ReportJSON['signals'] = {};
  for (const [name, range] of report.signals) {
    signals[name] = { records: range.count, mean: round(range.sum / range.count), min: round(range.min), max: round(range.max) };
  }
  const run = report.run;
  return {
    records: report.records,
    passed: report.passed,
    failed: report.failed,
    fail_ratio: round(report.failRatio),
    duplicates: { exact: report.exactDuplicates, near: report.nearDuplicates },
    input: run ? { in: run.in, out: run.out, rejected: run.rejected, reject_reasons: run.rejectReasons } : null,
    seconds: run ? round(run.seconds) : null,
    rules,
    signals,
    failures: report.failures,
  };
}

function bound(rule: Rule): string {
  const parts: string[] = [];
  if (rule.min !== undefined) parts.push(`< ${rule.min}`);
  if (rule.max !== undefined) parts.push(`> ${rule.max}`);
  return parts.join(' or ');
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}

/**
 * The human summary: one line of totals, then a table of the rules with their
 * failure counts. (Records in, out and rejected are on the runner's own line.)
 */
export function renderTable(report: CheckReport, options: { color: boolean }): string {
  const paint = new Chalk({ level: options.color ? 1 : 0 });
  const lines: string[] = [];
  const verdict = report.failed === 0 ? paint.green('all passed') : paint.red(`${report.failed} failed (${percent(report.failed, report.records)})`);
  lines.push(
    `check: ${report.records} records, ${report.passed} passed, ${verdict}; ` +
      `duplicates: ${report.exactDuplicates} exact, ${report.nearDuplicates} near`,
  );
  const rows = Object.entries(report.rules).map(([name, rule]) => ({
    name,
    signal: rule.signal,
    fails: rule.enabled ? bound(rule) : 'off',
    count: rule.enabled ? String(report.ruleFailures.get(name) ?? 0) : '-',
    share: rule.enabled ? percent(report.ruleFailures.get(name) ?? 0, report.records) : '',
    enabled: rule.enabled,
    failing: (report.ruleFailures.get(name) ?? 0) > 0,
  }));
  const header = { name: 'rule', signal: 'signal', fails: 'fails when', count: 'failed', share: 'share' };
  const width = (key: keyof typeof header): number => Math.max(header[key].length, ...rows.map((row) => row[key].length));
  const widths = { name: width('name'), signal: width('signal'), fails: width('fails'), count: width('count'), share: width('share') };
  const format = (row: typeof header): string =>
    `${row.name.padEnd(widths.name)}  ${row.signal.padEnd(widths.signal)}  ${row.fails.padEnd(widths.fails)}  ` +
    `${row.count.padStart(widths.count)}  ${row.share.padStart(widths.share)}`.trimEnd();
  lines.push(paint.bold(format(header)));
  for (const row of rows) {
    const text = format(row);
    lines.push(!row.enabled ? paint.dim(text) : row.failing ? paint.red(text) : text);
  }
  return lines.join('\n');
}

/** Escapes for workflow-command properties and messages (GitHub's toolkit `escapeProperty` / `escapeData`). */
function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** One GitHub Actions error annotation for a failing record. */
export function githubAnnotation(record: FailedRecord): string {
  const duplicate = record.duplicate_of === null ? '' : ` (duplicate of ${record.duplicate_of})`;
  return (
    `::error file=${escapeProperty(record.source)},line=${record.line}::` +
    escapeData(`${record.id}: failed ${record.failed.join(', ')}${duplicate}`)
  );
}

/** Annotations for failing records, one per line. */
export function githubAnnotations(records: readonly FailedRecord[]): string {
  return records.map(githubAnnotation).join('\n');
}
