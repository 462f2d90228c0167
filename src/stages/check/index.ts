/**
 * check: measures quality signals per record, fails the rules they break, and
 * (in the main thread, in input order) finds duplicates across records.
 * Writes `quality: { signals, failed, duplicate_of }` (CONTRACT.md).
 */
import { RecordError } from '../../core/errors.js';
import type { QRecord, Quality } from '../../core/record.js';
import type { Stage } from '../../core/stage.js';
import { DuplicateIndex, fingerprint, type DuplicateMatch, type Fingerprint } from './dedup.js';
import { failedRules, type CheckRules } from './rules.js';
import { computeSignals, loadLexicon, type Signals } from './signals.js';

export { DuplicateIndex, fingerprint, type DuplicateMatch, type Fingerprint } from './dedup.js';
export { defaultRules, failedRules, loadRules, mergeRules, type CheckRules, type Rule } from './rules.js';
export { computeSignals, SIGNALS, type SignalName, type Signals } from './signals.js';
export {
  CheckReport,
  githubAnnotation,
  githubAnnotations,
  renderTable,
  toJSON,
  type FailedRecord,
  type ReportJSON,
} from './report.js';

export interface CheckOptions {
  rules: CheckRules;
  /**
   * Return a CheckSummary instead of the whole record: `qingxi check` without
   * --annotate writes no records, so the text need not travel back from the
   * worker thread, and the worker takes the duplicate fingerprint.
   */
  summaryOnly?: boolean;
}

/** What checkStage returns with `summaryOnly`. */
export interface CheckSummary extends QRecord {
  quality: Quality;
  /** The text's duplicate fingerprint, when a rule looks at duplicates. */
  fingerprint?: Fingerprint;
}

export interface Assessment {
  signals: Signals;
  failed: string[];
}

/** The signals of one record and the rules they break; pure. */
export function assess(record: QRecord, rules: CheckRules): Assessment {
  const signals = computeSignals(record);
  return { signals, failed: failedRules(signals, rules) };
}

export const checkStage: Stage<CheckOptions> = {
  name: 'check',
  init() {
    loadLexicon();
  },
  process(record, options) {
    if (typeof record.text !== 'string') {
      throw new RecordError('missing-text', 'record has no string "text" field (check measures the text; run decode or strip first)');
    }
    const { signals, failed } = assess(record, options.rules);
    const quality: Quality = { signals: signals as Record<string, number>, failed, duplicate_of: null };
    if (!options.summaryOnly) return { ...record, quality };
    const summary: CheckSummary = { quality };
    if (typeof record.id === 'string') summary.id = record.id;
    if (wantsDuplicates(options.rules)) summary.fingerprint = fingerprint(record.text);
    return summary;
  },
};

/** Whether any enabled rule looks at duplicates, i.e. whether dedup is worth its memory. */
export function wantsDuplicates(rules: CheckRules): boolean {
  return Object.values(rules).some((rule) => rule.enabled && (rule.signal === 'exact_duplicate' || rule.signal === 'near_duplicate'));
}

/** A DuplicateIndex whose near-duplicate threshold is the `near_duplicate` rule's `max`. */
export function duplicateIndexFor(rules: CheckRules): DuplicateIndex {
  const near = Object.values(rules).find((rule) => rule.signal === 'near_duplicate');
  return new DuplicateIndex({ threshold: near?.max ?? 0.8 });
}

/**
 * Adds the duplicate signals of `match` to a record that went through
 * `checkStage`, re-evaluates its rules and sets `duplicate_of`; main thread,
 * input order. Updates the record's `quality` in place and returns the record.
 */
export function applyDuplicate(record: QRecord, match: DuplicateMatch | null, rules: CheckRules): QRecord {
  const quality = record.quality as Quality;
  const signals = quality.signals as Signals;
  signals.exact_duplicate = match?.exact ? 1 : 0;
  signals.near_duplicate = match && !match.exact ? match.similarity : 0;
  quality.failed = failedRules(signals, rules);
  quality.duplicate_of = match?.duplicate ? match.of : null;
  return record;
}
