/**
 * Where each stage lives, by name. Workers receive a StageRef and load the
 * stage themselves, so every thread resolves it next to its own copy of this
 * file. Library users can run their own stage in the pool by giving a module
 * URL and the name of its Stage export.
 */
export type StageName = 'decode' | 'strip' | 'segment' | 'extract' | 'check' | 'run';

export type StageRef = { name: StageName } | { module: string; export: string };

const BUILTIN: Record<StageName, { dir: string; export: string }> = {
  decode: { dir: 'decode', export: 'decodeStage' },
  strip: { dir: 'strip', export: 'stripStage' },
  segment: { dir: 'segment', export: 'segmentStage' },
  extract: { dir: 'extract', export: 'extractStage' },
  check: { dir: 'check', export: 'checkStage' },
  run: { dir: 'run', export: 'runAllStage' },
};

const EXTENSION = import.meta.url.endsWith('.ts') ? 'ts' : 'js';

/** The module URL and export name of a stage. */
export function resolveStageRef(ref: StageRef): { module: string; export: string } {
  if ('module' in ref) return ref;
  const entry = BUILTIN[ref.name];
  return { module: new URL(`./${entry.dir}/index.${EXTENSION}`, import.meta.url).href, export: entry.export };
}
