// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';
import { additiveTerms, createTreeShapScratch, type Explanation, rowMajorInput, treeExplainerFor, treeShapRows } from '../explain/index.js';
import { type CategoryColumn, type Column, type ColumnSchema, type ColumnType, Frame, type NumericColumn } from '../frame/index.js';
import type { CredoModel } from '../ml/model.js';
import { type ActiveRule, activeRules, compileRule, visit, withRuleSource } from '../strategy/index.js';
import { DECIDING_MODEL } from './parse-policy.js';
import type { DecisionPolicy } from './policy.js';
import { limitInputs } from './policy-sections.js';

/** A dictionary label no input maps to by name: any label outside the dictionary takes its code. */
const UNSEEN = '\u0000unseen';

/** One input slot of the one-row frame a decision writes into. */
type Slot =
  | { readonly name: string; readonly type: 'number'; readonly values: Float64Array }
  | { readonly name: string; readonly type: 'category'; readonly codes: Int32Array; readonly index: ReadonlyMap<string, number>; readonly unseen: number };

/** A compiled rule of the policy: its id, action and a one-row mask. */
export interface PreparedRule {
  readonly id: string;
  readonly action: ActiveRule['action'];
  readonly mask: () => Uint8Array;
}

/**
 * A policy compiled for one model: a one-row frame whose buffers each decision overwrites (the
 * model's training columns, with their training dictionaries, plus the policy's inputs), the rules
 * compiled once against it, `pd(champion)`/`score(champion)` buffers the rules read, and the
 * model's explainer. Decisions are synchronous, so one buffer set per (policy, model, date) is safe.
 */
export interface PreparedModel {
  readonly inputs: readonly ColumnSchema[];
  readonly frame: Frame;
  readonly rules: readonly PreparedRule[];
  readonly outputs: { readonly pd: Float64Array; readonly score: Float64Array };
  /** Writes one application's (validated) values into the frame. */
  write(values: Readonly<Record<string, number | string | null>>): void;
  /** Contributions of the row in the frame toward the model's raw output (log-odds). */
  explain(): Explanation;
}

const cache = new WeakMap<DecisionPolicy, WeakMap<CredoModel, Map<string, PreparedModel>>>();

/** The policy compiled for `model` on date `asOf` (all rules when undefined), cached per objects. */
export function preparedModel(policy: DecisionPolicy, model: CredoModel, asOf: string | undefined): PreparedModel {
  let byModel = cache.get(policy);
  if (byModel === undefined) {
    byModel = new WeakMap();
    cache.set(policy, byModel);
  }
  let byDate = byModel.get(model);
  if (byDate === undefined) {
    byDate = new Map();
    byModel.set(model, byDate);
  }
  const key = asOf ?? '';
  let prepared = byDate.get(key);
  if (prepared === undefined) {
    prepared = prepare(policy, model, asOf);
    byDate.set(key, prepared);
  }
  return prepared;
}

function prepare(policy: DecisionPolicy, model: CredoModel, asOf: string | undefined): PreparedModel {
  const explain = explainerOf(model);
  const inputs = inputSchema(policy, model);
  const rules = activeRules(policy.strategy, asOf === undefined ? {} : { asOf });
  const labels = ruleLabels(rules);
  const slots: Slot[] = [];
  const columns: Column[] = inputs.map((input) => {
    if (input.type === 'number') {
      const values = new Float64Array(1);
      slots.push({ name: input.name, type: 'number', values });
      return { type: 'number', name: input.name, values } satisfies NumericColumn;
    }
    const dictionary = [...(input.categories ?? [])];
    for (const label of labels.get(input.name) ?? []) if (!dictionary.includes(label)) dictionary.push(label);
    const index = new Map(dictionary.map((label, code) => [label, code]));
    dictionary.push(UNSEEN);
    const codes = new Int32Array(1);
    slots.push({ name: input.name, type: 'category', codes, index, unseen: dictionary.length - 1 });
    return { type: 'category', name: input.name, codes, dictionary } satisfies CategoryColumn;
  });
  const frame = new Frame(columns, 1);
  const outputs = { pd: new Float64Array(1), score: new Float64Array(1) };
  const models = { [DECIDING_MODEL]: outputs };
  const prepared = rules.map((rule) => {
    try {
      return { id: rule.id, action: rule.action, mask: compileRule(rule.rule, frame, { models, source: `rule "${rule.id}"` }).mask };
    } catch (error) {
      throw withRuleSource(error, `rule "${rule.id}" of policy "${policy.source}"`);
    }
  });
  return {
    inputs,
    frame,
    rules: prepared,
    outputs,
    write(values) {
      for (const slot of slots) {
        const value = values[slot.name];
        if (slot.type === 'number') slot.values[0] = value === null || value === undefined ? Number.NaN : (value as number);
        else slot.codes[0] = value === null || value === undefined || value === '' ? -1 : (slot.index.get(value as string) ?? slot.unseen);
      }
    },
    explain: () => explain(frame),
  };
}

/**
 * The inputs of a decision with `model`: the model's training columns (types and dictionaries from
 * its schema), then the policy's inputs it does not already have. Throws `E_INPUT_SCHEMA_MISMATCH`
 * when the policy reads a model column with another type.
 */
export function inputSchema(policy: DecisionPolicy, model: CredoModel): ColumnSchema[] {
  const out: ColumnSchema[] = [...model.schema.columns];
  const types = new Map<string, ColumnType>(out.map((c) => [c.name, c.type]));
  for (const input of policy.inputs) {
    const type = types.get(input.name);
    if (type === undefined) {
      out.push(input);
      types.set(input.name, input.type);
    } else if (type !== input.type && limitInputs(policy.limits).some(([name]) => name === input.name)) {
      throw new CredoError('E_INPUT_SCHEMA_MISMATCH', {
        summary: `policy "${policy.source}" uses "${input.name}" as a number for limits, the model has it as a category`,
      });
    }
  }
  return out;
}

/** Category labels each column is compared with in the rules (so an input with that label gets its code). */
function ruleLabels(rules: readonly ActiveRule[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (column: string, label: string) => {
    let set = out.get(column);
    if (set === undefined) out.set(column, (set = new Set()));
    set.add(label);
  };
  for (const rule of rules)
    visit(rule.rule.root, (node) => {
      if (node.kind === 'compare') {
        if (node.left.kind === 'column' && node.right.kind === 'string') add(node.left.name, node.right.value);
        if (node.right.kind === 'column' && node.left.kind === 'string') add(node.right.name, node.left.value);
      } else if (node.kind === 'in' && node.operand.kind === 'column') {
        for (const v of node.values) if (v.kind === 'string') add(node.operand.name, v.value);
      }
    });
  return out;
}

/**
 * The one-row explainer of a model: exact path-dependent TreeSHAP for tree models (gbdt, forest,
 * imported XGBoost/LightGBM), compiled once, with scratch reused; exact additive contributions for
 * logistic, scorecard and linear SVM models relative to a fixed reference point: the training mean
 * (`fill`) of a numeric logistic term, the reference level of a categorical term, and WOE 0 (the
 * population's odds) for a scorecard characteristic. Throws `E_MODEL_KIND` for other kinds.
 */
function explainerOf(model: CredoModel): (frame: Frame) => Explanation {
  if (model.kind === 'gbdt' || model.kind === 'forest') {
    const explainer = treeExplainerFor(model);
    const compiled = explainer.compiled;
    const scratch = createTreeShapScratch(compiled);
    const features = explainer.ensemble.features.map((f) => f.name);
    const values = new Float64Array(features.length);
    return (frame) => {
      treeShapRows(compiled, rowMajorInput(explainer.ensemble, frame), 0, 1, values, scratch);
      return { features, rowCount: 1, values, expectedValue: compiled.expectedValue, method: 'tree-shap-path-dependent' };
    };
  }
  if (model.kind === 'logistic' || model.kind === 'svm' || model.kind === 'scorecard') {
    const body = model.kind === 'logistic' ? model.body : model.kind === 'svm' ? model.body.logit : undefined;
    const reference = body === undefined ? undefined : body.terms.map((t) => (t.type === 'number' ? t.coefficient * t.fill : 0));
    return (frame) => {
      const terms = additiveTerms(model, frame);
      let expectedValue = terms.intercept;
      const values = terms.values;
      for (let j = 0; j < values.length; j++) {
        const r = reference?.[j] ?? 0;
        values[j] = (values[j] as number) - r;
        expectedValue += r;
      }
      return { features: terms.features, rowCount: 1, values, expectedValue, method: model.kind === 'scorecard' ? 'scorecard-points' : 'linear' };
    };
  }
  throw new CredoError('E_MODEL_KIND', {
    kind: model.kind,
    problem: 'a decision needs exact reasons: use a gbdt, forest, logistic, scorecard or svm model',
  });
}
