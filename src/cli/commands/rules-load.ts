import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import { loadModel } from '../../io/model-file.js';
import { predictPd, predictScore } from '../../ml/predict-model.js';
import { type ActiveRule, activeRules, type ModelOutputs, modelReferences, parseStrategy, type Strategy } from '../../strategy/index.js';

/** A strategy file read from disk, with the folder its model paths are relative to. */
export interface LoadedStrategy {
  readonly strategy: Strategy;
  readonly file: string;
  readonly rules: ActiveRule[];
}

/** Reads and validates a strategy file (YAML or JSON); `asOf` filters rules by effective dates. */
export async function loadStrategy(path: string, cwd: string, asOf?: string): Promise<LoadedStrategy> {
  const file = resolve(cwd, path);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CredoError('E_FILE_NOT_FOUND', { file: path });
    throw error;
  }
  const strategy = parseStrategy(text, path);
  return { strategy, file, rules: activeRules(strategy, asOf === undefined ? {} : { asOf }) };
}

/**
 * Loads every model the rules refer to and scores the frame: PD with `predictPd` and the score
 * with the REFERENCE §3 scale (`scoresFromPd`). A reference is a name from the strategy's
 * `models:` map or a path, both relative to the strategy file.
 */
export async function loadModelOutputs(loaded: LoadedStrategy, frame: Frame): Promise<ModelOutputs> {
  const outputs: Record<string, { pd: Float64Array; score: Float64Array }> = {};
  const byPath = new Map<string, { pd: Float64Array; score: Float64Array }>();
  for (const ref of modelReferences(loaded.rules)) {
    const path = resolve(dirname(loaded.file), loaded.strategy.models[ref] ?? ref);
    let scored = byPath.get(path);
    if (scored === undefined) {
      const model = await loadModel(path);
      const pd = predictPd(model, frame);
      // the same whole-point score `credo score` writes, on the model's own scaling
      scored = { pd, score: predictScore(model, pd) };
      byPath.set(path, scored);
    }
    outputs[ref] = scored;
  }
  return outputs;
}
