/**
 * Rules are thresholds on signals. The defaults live in data/rules.json;
 * `--rules FILE` merges a user's JSON over them (only `enabled`, `min`, `max`).
 */
import { readFileSync } from 'node:fs';
import { UsageError, describeFsError, messageOf } from '../../core/errors.js';
import { isPlainObject } from '../../core/record.js';
import { dataPath } from '../../core/wordlist.js';
import { SIGNALS, type SignalName, type Signals } from './signals.js';

export interface Rule {
  /** The signal this rule bounds. */
  signal: SignalName;
  /** The record fails when the signal is below this. */
  min?: number;
  /** The record fails when the signal is above this. */
  max?: number;
  enabled: boolean;
  description: string;
}

/** Rule name -> rule, in the order failures are listed. Plain data: it is sent to worker threads. */
export type CheckRules = Record<string, Rule>;

const DEFAULTS_FILE = 'stages/check/data/rules.json';
const USER_KEYS = ['enabled', 'min', 'max'] as const;

function isSignalName(name: unknown): name is SignalName {
  return typeof name === 'string' && Object.hasOwn(SIGNALS, name);
}

/** The default rules of data/rules.json (a fresh copy each call). */
export function defaultRules(): CheckRules {
  const file = dataPath(DEFAULTS_FILE);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  const rules: CheckRules = {};
  for (const [name, value] of Object.entries(raw)) {
    if (name.startsWith('_')) continue;
    if (!isPlainObject(value) || !isSignalName(value.signal) || typeof value.enabled !== 'boolean') {
      throw new Error(`${file}: rule ${name} needs a known "signal" and a boolean "enabled"`);
    }
    const rule: Rule = { signal: value.signal, enabled: value.enabled, description: String(value.description ?? '') };
    if (typeof value.min === 'number') rule.min = value.min;
    if (typeof value.max === 'number') rule.max = value.max;
    rules[name] = rule;
  }
  return rules;
}

/**
 * `base` with the user's settings merged over it. `source` names the file in
 * error messages. Unknown rule names, unknown keys and values of the wrong
 * type are usage errors that name the file and the key.
 */
export function mergeRules(base: CheckRules, user: unknown, source: string): CheckRules {
  if (!isPlainObject(user)) throw new UsageError(`${source}: expected a JSON object of rule name -> settings`);
  const merged: CheckRules = structuredClone(base);
  for (const [name, settings] of Object.entries(user)) {
    if (name.startsWith('_')) continue;
    const rule = merged[name];
    if (!rule) {
      throw new UsageError(`${source}: unknown rule "${name}" (known: ${Object.keys(base).join(', ')})`);
    }
    if (!isPlainObject(settings)) throw new UsageError(`${source}: "${name}" must be an object like {"max": 0.5}`);
    for (const [key, value] of Object.entries(settings)) {
      const where = `${source}: "${name}.${key}"`;
      if (key === 'enabled') {
        if (typeof value !== 'boolean') throw new UsageError(`${where} must be true or false`);
        rule.enabled = value;
      } else if (key === 'min' || key === 'max') {
        if (value === null) delete rule[key];
        else if (typeof value !== 'number' || !Number.isFinite(value)) throw new UsageError(`${where} must be a number (or null to remove the bound)`);
        else rule[key] = value;
      } else {
        throw new UsageError(`${where}: unknown key (allowed: ${USER_KEYS.join(', ')})`);
      }
    }
    if (rule.min !== undefined && rule.max !== undefined && rule.min > rule.max) {
      throw new UsageError(`${source}: "${name}" has min ${rule.min} above max ${rule.max}, so every record would fail`);
    }
  }
  return merged;
}

/** The default rules with the JSON file at `file` merged over them. */
export function loadRules(file?: string): CheckRules {
  const defaults = defaultRules();
  if (file === undefined) return defaults;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--rules ${file}: cannot read: ${describeFsError(error)}`);
  }
  let user: unknown;
  try {
    user = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--rules ${file}: not valid JSON: ${messageOf(error)}`);
  }
  return mergeRules(defaults, user, file);
}

interface CompiledRule {
  name: string;
  signal: SignalName;
  min: number;
  max: number;
}

/** Enabled rules as a flat list, per rules object (they are checked once or twice per record). */
const compiled = new WeakMap<CheckRules, CompiledRule[]>();

function compile(rules: CheckRules): CompiledRule[] {
  let list = compiled.get(rules);
  if (!list) {
    list = Object.entries(rules)
      .filter(([, rule]) => rule.enabled)
      .map(([name, rule]) => ({ name, signal: rule.signal, min: rule.min ?? -Infinity, max: rule.max ?? Infinity }));
    compiled.set(rules, list);
  }
  return list;
}

/** Names of the enabled rules the signals break, in rule order; rules whose signal is absent do not apply. */
export function failedRules(signals: Signals, rules: CheckRules): string[] {
  const failed: string[] = [];
  for (const rule of compile(rules)) {
    const value = signals[rule.signal];
    if (value !== undefined && (value < rule.min || value > rule.max)) failed.push(rule.name);
  }
  return failed;
}
