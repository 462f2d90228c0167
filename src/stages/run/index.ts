/**
 * run: decode, strip, segment and extract in one pass over each page, with
 * no JSON between the stages. Any stage can be skipped.
 */
import type { Stage } from '../../core/stage.js';
import { decodeStage, type DecodeOptions } from '../decode/index.js';
import { extractStage, extract, type ExtractOptions } from '../extract/index.js';
import { segment, segmentStage, type SegmentOptions } from '../segment/index.js';
import { strip, type StripOptions } from '../strip/index.js';

export const SKIPPABLE = ['strip', 'segment', 'extract'] as const;
export type SkippableStage = (typeof SKIPPABLE)[number];

export interface RunOptions {
  decode: DecodeOptions;
  strip: StripOptions;
  segment: SegmentOptions;
  extract: ExtractOptions;
  skip: SkippableStage[];
}

export const runAllStage: Stage<RunOptions> = {
  name: 'run',
  async init(options) {
    await decodeStage.init?.(options.decode);
    if (!options.skip.includes('segment')) await segmentStage.init?.(options.segment);
    if (!options.skip.includes('extract')) await extractStage.init?.(options.extract);
  },
  async process(record, options, context) {
    let out = await decodeStage.process(record, options.decode, context);
    if (!options.skip.includes('strip')) out = strip(out, options.strip);
    if (!options.skip.includes('segment')) out = segment(out, options.segment);
    if (!options.skip.includes('extract')) out = extract(out, options.extract);
    return out;
  },
};
