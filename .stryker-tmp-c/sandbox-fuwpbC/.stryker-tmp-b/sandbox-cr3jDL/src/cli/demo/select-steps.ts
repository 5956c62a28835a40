// @ts-nocheck
// 
import { CredoError } from '../../errors/index.js';
import type { DemoStep } from './demo-step.js';

/**
 * The steps to run for `--steps a,b`: the named steps plus every step they need (transitively),
 * in demo order. No names = every step. Unknown names throw `E_INPUT_FLAG_INVALID` listing the keys.
 */
export function selectSteps(all: readonly DemoStep[], names: readonly string[]): DemoStep[] {
  if (names.length === 0) return [...all];
  const byKey = new Map(all.map((s) => [s.key, s]));
  const wanted = new Set<string>();
  const add = (key: string) => {
    if (wanted.has(key)) return;
    const step = byKey.get(key);
    if (step === undefined) {
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'steps', problem: `unknown step (steps: ${all.map((s) => s.key).join(', ')})`, value: key });
    }
    wanted.add(key);
    for (const need of step.needs) add(need);
  };
  for (const name of names) add(name);
  return all.filter((s) => wanted.has(s.key));
}

/** Checks `--rows` against the steps chosen: throws `E_INPUT_FLAG_INVALID` naming the step that needs more. */
export function checkRows(steps: readonly DemoStep[], rows: number): void {
  for (const step of steps) {
    if (step.minRows !== undefined && rows < step.minRows) {
      throw new CredoError('E_INPUT_FLAG_INVALID', {
        flag: 'rows',
        problem: `the ${step.key} step needs at least ${step.minRows} applications (or run fewer steps, e.g. --steps profile)`,
        value: rows,
      });
    }
  }
}
