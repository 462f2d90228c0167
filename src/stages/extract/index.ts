/**
 * The extract stage: sets `entities` on a record (CONTRACT.md): dates with ISO
 * values (dates.ts), people with the title and institution the text ties to
 * them, institutions, places, and contact patterns. Offsets count code points
 * and `text` always equals that slice of the record's text.
 */
import { RecordError } from '../../core/errors.js';
import { isPlainObject, type Entity, type EntityType, type QRecord } from '../../core/record.js';
import type { Stage } from '../../core/stage.js';
import { codePointToUtf16, utf16ToCodePoint } from '../../core/text.js';
import { dateReference, findDates } from './dates.js';
import type { Span } from './doc.js';
import { loadLexicon } from './lexicon.js';
import { recognize } from './recognize.js';

export interface ExtractOptions {
  /** --ref: ISO date used when metadata.published is absent. */
  ref?: string;
  /** Which entity types to emit; default all. */
  types?: EntityType[];
}

export const ENTITY_TYPES: readonly EntityType[] = ['date', 'person', 'org', 'place', 'phone', 'email', 'url', 'money'];

/** Returns the record with `entities` set, sorted by start. */
export function extract(record: QRecord, options: ExtractOptions = {}): QRecord {
  const text = record.text;
  if (typeof text !== 'string') throw new RecordError('missing-text', 'the record has no `text` string to extract entities from');
  const types = new Set<EntityType>(options.types?.length ? options.types : ENTITY_TYPES);
  const published = isPlainObject(record.metadata) ? record.metadata.published : undefined;
  const dates = findDates(text, dateReference(published, options.ref));
  const toUtf16 = codePointToUtf16(text);
  const dateSpans: Span[] = dates.map((d) => ({ start: toUtf16(d.start), end: toUtf16(d.end) }));
  const toCodePoint = utf16ToCodePoint(text);
  const entities: Entity[] = types.has('date') ? [...dates] : [];
  for (const f of recognize(text, types, dateSpans)) {
    entities.push({ type: f.type, text: text.slice(f.start, f.end), start: toCodePoint(f.start), end: toCodePoint(f.end), ...f.attrs });
  }
  entities.sort((a, b) => a.start - b.start || b.end - a.end);
  return { ...record, entities };
}

export const extractStage: Stage<ExtractOptions> = {
  name: 'extract',
  init() {
    // Word lists and jieba's dictionary load once per thread, before the first record.
    loadLexicon();
    recognize('预热', new Set(['person']));
  },
  process(record, options) {
    return extract(record, options);
  },
};
