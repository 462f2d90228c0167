import type { Command } from 'commander';
import { registerStageCommand } from '../../core/cli-common.js';
import { forcedEncoding, type DecodeOptions } from './index.js';

export function addDecodeOptions(command: Command): Command {
  return command.option('--encoding <label>', 'decode every file with this encoding (a WHATWG label: gbk, big5, utf-8, ...) instead of detecting it');
}

export function decodeOptionsFrom(raw: Record<string, unknown>): DecodeOptions {
  if (typeof raw.encoding !== 'string') return {};
  forcedEncoding(raw.encoding); // an unknown label is a usage error, reported once here
  return { encoding: raw.encoding };
}

export function registerDecode(program: Command): void {
  registerStageCommand(program, {
    name: 'decode',
    description: 'read pages in any encoding (GBK, GB18030, Big5, UTF-8, ...) into records: id, text, format, encoding',
    inputs: 'files, directories, globs (html, htm, shtml, txt, md, and .gz), or - for JSONL records with "path" (or one path per line) on stdin',
    inputKind: 'files',
    addOptions: addDecodeOptions,
    optionsFrom: decodeOptionsFrom,
    examples: [
      "qingxi decode 'pages/**/*.html' > pages.jsonl",
      'qingxi decode crawl/ --errors rejects.jsonl | qingxi strip > clean.jsonl',
      "find crawl -name '*.htm' | qingxi decode --encoding big5",
    ],
  });
}
