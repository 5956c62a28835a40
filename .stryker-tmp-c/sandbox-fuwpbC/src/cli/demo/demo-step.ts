// @ts-nocheck
import type { Frame } from '../../frame/index.js';
import type { TreeEnsemble } from '../../ml/tree/index.js';
import type { CommandContext } from '../command.js';

/** What every demo step shares: the CLI context, where files go, and what earlier steps produced. */
export interface DemoState {
  readonly context: CommandContext;
  /** Folder for the demo's files (a temporary folder unless --out-dir was given). */
  readonly workDir: string;
  /** Applications in the synthetic world. */
  readonly rows: number;
  readonly seed: number;
  /** Files written so far, by role (e.g. `applications`). */
  readonly files: Record<string, string>;
  /** Machine-readable results by step key: the `--json` output. */
  readonly results: Record<string, unknown>;
  /** The applications as read back from disk (set by the load step). */
  data?: Frame;
  /** The PD model trained by the train step (GBDT on approved applications with an outcome). */
  model?: DemoModel;
  /** Model PD and 300–850 score of every application (set by the score step). */
  scored?: { readonly pd: Float64Array; readonly score: Float64Array };
  /** Prints human text (nothing under --json). */
  readonly say: (text: string) => void;
}

/** The demo's PD model: the trained ensemble and its feature columns. */
export interface DemoModel {
  readonly ensemble: TreeEnsemble;
  readonly features: readonly string[];
}

/**
 * One step of `credo demo`. Steps run in order and communicate through `DemoState`; later issues
 * append steps (train → evaluate → explain → finance → strategy → simulate) to `demoSteps`.
 */
export interface DemoStep {
  /** Key of the step's entry in `results`. */
  readonly key: string;
  /** One line shown before the step runs. */
  readonly title: string;
  /** Keys of the steps whose results this step reads (run first when `--steps` names this one). */
  readonly needs: readonly string[];
  /** Fewest applications the step works with (a model needs enough bads to learn from); default 100. */
  readonly minRows?: number;
  readonly run: (state: DemoState) => Promise<void> | void;
}
