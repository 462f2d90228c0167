/**
 * qingxi as a library: every stage is a pure function over a record, and the
 * streaming runner (files, globs, JSONL, worker pool) is available for your
 * own stages too.
 *
 *   import { decodeBytes, strip, segment, extract, assess, defaultRules } from 'qingxi';
 *   const page = decodeBytes(readFileSync('page.html'));
 *   const article = extract(segment(strip({ id: 'page', ...page })));
 */
export type { Entity, EntityType, Format, Metadata, QRecord, Quality, Removal } from './core/record.js';
export type { Stage, StageContext } from './core/stage.js';
export { RecordError, UsageError, InputError } from './core/errors.js';
export { codePointLength, codePointSlice, utf16ToCodePoint } from './core/text.js';
export { runStage, type CommonOptions, type RunOutcome, type RunSpec } from './core/runner.js';
export type { StageName, StageRef } from './stages/registry.js';

export { decodeBytes, decodeStage, type DecodeOptions, type DecodedText, type EncodingSource } from './stages/decode/index.js';
export { strip, stripStage, sniffFormat, REASONS, type StripOptions, type Reason } from './stages/strip/index.js';
export { segment, segmentText, segmentStage, parseUserDictionary, loadUserDictionary, type SegmentOptions, type SegmentMode } from './stages/segment/index.js';
export { extract, extractStage, ENTITY_TYPES, type ExtractOptions } from './stages/extract/index.js';
export { findDates, type DateReference } from './stages/extract/dates.js';
export {
  assess,
  checkStage,
  computeSignals,
  defaultRules,
  loadRules,
  mergeRules,
  DuplicateIndex,
  SIGNALS,
  type CheckOptions,
  type CheckRules,
} from './stages/check/index.js';
export { runAllStage, type RunOptions } from './stages/run/index.js';
