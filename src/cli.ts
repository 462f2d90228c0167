/**
 * The `qingxi` command: one subcommand per stage, wired in each stage's
 * folder. Commander's own errors (unknown option, missing argument) exit 2,
 * as the contract wants for usage errors.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { registerCheck } from './stages/check/cli.js';
import { registerDecode } from './stages/decode/cli.js';
import { registerSegment } from './stages/segment/cli.js';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

/** Stages whose issue has not landed yet answer with a clear error, never fake output. */
function registerPending(program: Command, name: string, description: string): void {
  program
    .command(name)
    .description(`${description} (not implemented yet)`)
    .allowUnknownOption()
    .argument('[args...]')
    .action(() => {
      process.stderr.write(`qingxi ${name}: not implemented yet\n`);
      process.exitCode = 2;
    });
}

export function buildProgram(): Command {
  const program = new Command('qingxi')
    .description('Clean scraped Chinese web pages into article text, metadata, tokens and entities (JSONL in, JSONL out).')
    .version(version)
    .exitOverride()
    .showSuggestionAfterError();
  registerDecode(program);
  registerPending(program, 'strip', 'keep the article body and its metadata');
  registerSegment(program);
  registerPending(program, 'extract', 'find dates, people, institutions and places');
  registerCheck(program);
  registerPending(program, 'run', 'decode, strip, segment and extract in one process');
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
