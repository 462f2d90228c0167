/**
 * The `qingxi` command: one subcommand per stage, wired in each stage's
 * folder. Commander's own errors (unknown option, missing argument) exit 2,
 * as the contract wants for usage errors.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCheck } from './stages/check/cli.js';
import { registerDecode } from './stages/decode/cli.js';
import { registerExtract } from './stages/extract/cli.js';
import { registerRun } from './stages/run/cli.js';
import { registerSegment } from './stages/segment/cli.js';
import { registerStrip } from './stages/strip/cli.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

export function buildProgram(): Command {
  const program = new Command('qingxi')
    .description('Clean scraped Chinese web pages into article text, metadata, tokens and entities (JSONL in, JSONL out).')
    .version(version)
    .exitOverride()
    .showSuggestionAfterError();
  registerDecode(program);
  registerStrip(program);
  registerSegment(program);
  registerExtract(program);
  registerCheck(program);
  registerRun(program);
  return program;
}

export async function main(argv: string[] = process.argv): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
    // Commander has already printed its message; help and version are not errors.
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  }
}

await main();
