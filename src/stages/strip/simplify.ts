/**
 * Traditional → simplified Chinese with opencc-js (OpenCC's t2s tables), only
 * when asked (`toSimplified`). The converter is loaded on first use so that
 * runs without the option never pay for its dictionaries.
 */
import { createRequire } from 'node:module';
import type { Metadata } from '../../core/record.js';

type Convert = (text: string) => string;

let converter: Convert | undefined;

function load(): Convert {
  if (converter) return converter;
  const require = createRequire(import.meta.url);
  const OpenCC = require('opencc-js/t2cn') as { Converter(options: { from: string; to: string }): Convert };
  converter = OpenCC.Converter({ from: 't', to: 'cn' });
  return converter;
}

export function toSimplified(text: string): string {
  return load()(text);
}

/** Converts every string (and string in an array) of the metadata. */
export function simplifyMetadata(meta: Metadata): Metadata {
  const out: Metadata = {};
  for (const [key, value] of Object.entries(meta)) {
    if (typeof value === 'string') out[key] = toSimplified(value);
    else if (Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? toSimplified(v) : v));
    else out[key] = value;
  }
  return out;
}
