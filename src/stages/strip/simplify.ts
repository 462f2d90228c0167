/**
 * Traditional → simplified Chinese with opencc-js (OpenCC's t2s tables), only
 * when asked (`toSimplified`); strip converts its input before reading it, so
 * body and metadata come out simplified. The converter is loaded on first use
 * so that runs without the option never pay for its dictionaries.
 */
import { createRequire } from 'node:module';

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
