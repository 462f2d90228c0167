import type { Command } from 'commander';
import { registerStageCommand } from '../../core/cli-common.js';
import { UsageError } from '../../core/errors.js';
import type { EntityType } from '../../core/record.js';
import { ENTITY_TYPES, type ExtractOptions } from './index.js';

const ISO_REFERENCE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2})?)?$/;

export function addExtractOptions(command: Command): Command {
  return command
    .option('--ref <date>', 'resolve relative and year-less dates against DATE (YYYY-MM-DD[THH:MM]) when a record has no metadata.published')
    .option('--types <list>', `entity types to keep, comma-separated (${ENTITY_TYPES.join(',')})`);
}

export function extractOptionsFrom(raw: Record<string, unknown>): ExtractOptions {
  const options: ExtractOptions = {};
  if (typeof raw.ref === 'string') {
    if (!ISO_REFERENCE.test(raw.ref) || Number.isNaN(Date.parse(raw.ref.slice(0, 10)))) {
      throw new UsageError(`--ref must be an ISO date such as 2024-11-11 or 2024-11-11T09:50, got '${raw.ref}'`);
    }
    options.ref = raw.ref;
  }
  if (typeof raw.types === 'string') {
    const types = raw.types.split(',').map((t) => t.trim()).filter(Boolean);
    const unknown = types.filter((t) => !ENTITY_TYPES.includes(t as EntityType));
    if (unknown.length || types.length === 0) throw new UsageError(`--types takes some of ${ENTITY_TYPES.join(', ')}; unknown: ${unknown.join(', ') || '(empty)'}`);
    options.types = types as EntityType[];
  }
  return options;
}

export function registerExtract(program: Command): void {
  registerStageCommand(program, {
    name: 'extract',
    description: 'find entities in "text": dates (ISO 8601), people with titles, institutions, places, contacts',
    inputs: 'JSONL files, globs or - (stdin, the default)',
    inputKind: 'jsonl',
    addOptions: addExtractOptions,
    optionsFrom: extractOptionsFrom,
    examples: [
      'qingxi strip pages.jsonl | qingxi extract > entities.jsonl',
      "qingxi extract --ref 2024-11-11 --types person,org notes.jsonl | jq -c '.entities[]'",
    ],
  });
}
