// @ts-nocheck
// 
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import {
  actionableIndices,
  type Counterfactual,
  changeInterval,
  decisionPath,
  describeChangeConstraint,
  formatDecisionPath,
  marginIsLogOdds,
  modelCounterfactual,
  parseChangeFlags,
  protectedInCatalogue,
  resolveChangeConstraints,
} from '../../explain/index.js';
import { type Column, categoryFromLabels, Frame, type NumericColumn, numericColumn, valueAt } from '../../frame/index.js';
import { writeFrame } from '../../io/index.js';
import type { CredoModel } from '../../ml/model.js';
import { type CommandContext, defineCommand } from '../command.js';
import { outputPath } from '../data-input.js';
import { keyColumnNames, keyColumns, keyFlags } from '../key-columns.js';
import { type Cell, formatTable, printResult, startProgress } from '../output.js';
import {
  defaultExplainThreads,
  explainFrame,
  loadModelAndData,
  marginsOf,
  pdFromExplained,
  pdsOf,
  readCatalogue,
  reasonsForFrame,
  refuseProtectedReasons,
} from './explain-common.js';

/**
 * `credo explain`: exact TreeSHAP contributions of every row (CSV with one column per feature plus
 * `expected_value`), one row in detail with its reasons and decision paths (`--row`), or the
 * smallest change that turns declines into approvals (`--counterfactual`).
 */
export const explainCommand = defineCommand({
  name: 'explain',
  summary: 'Explain decisions: exact SHAP contributions, reasons, decision paths, counterfactuals',
  details:
    'Contributions are exact path-dependent TreeSHAP values of the raw (log-odds) output — what XGBoost pred_contribs\n' +
    'computes — with expected_value + Σ contributions = the row’s margin. Decline means PD ≥ --cutoff.\n' +
    'MLP and ensemble models: interventional Shapley values estimated by antithetic permutation sampling against\n' +
    'a seeded background sample of the data (--samples, --background, --seed), still adding up to the margin exactly;\n' +
    '--threads splits the rows over worker threads with the same values for any count.\n' +
    'Examples:\n' +
    '  credo explain --model m.json --data apps.csv --out shap.csv --threads 2\n' +
    '  credo explain --model m.json --data apps.csv --row 7 --path --tree 0\n' +
    '  credo explain --counterfactual --model m.json --data apps.csv --actionable requested_amount,term_months --cutoff 0.1',
  flags: {
    model: { type: 'string', required: true, description: 'model file (Credo model, e.g. trained or imported from XGBoost)' },
    data: { type: 'string', required: true, description: 'rows to explain (.csv or .parquet)' },
    out: { type: 'string', description: 'output file (.csv or .parquet): contributions, or counterfactuals' },
    ...keyFlags,
    threads: {
      type: 'int',
      min: 1,
      max: 256,
      description:
        'worker threads (default: one per 2,000 rows for trees, per million model evaluations for mlp/ensemble; at most the cores; same values for any count)',
    },
    row: { type: 'int', min: 0, description: 'explain one row (0-based) in detail: contributions and reasons' },
    path: { type: 'boolean', description: 'with --row: print the decision path through the trees' },
    tree: { type: 'int', min: 0, description: 'with --path: only this tree' },
    reasons: { type: 'int', default: 4, min: 1, max: 10, description: 'with --row: principal reasons to list' },
    catalogue: { type: 'string', description: 'reason catalogue JSON (default: data/reasons.json)' },
    reference: {
      type: 'enum',
      choices: ['population', 'cutoff'] as const,
      default: 'population',
      description: 'reasons relative to the population average or to applicants just above the cutoff',
    },
    cutoff: { type: 'number', default: 0.5, min: 0.000001, max: 0.999999, description: 'PD cutoff: decline when PD ≥ cutoff' },
    counterfactual: { type: 'boolean', description: 'find the cheapest change to --actionable features that approves declined rows' },
    actionable: { type: 'list', description: 'features the applicant can change (numeric; never protected attributes such as age)' },
    weights: { type: 'list', description: 'cost weights, e.g. requested_amount=1,term_months=2 (default 1 each)' },
    direction: {
      type: 'list',
      description: 'allowed change per actionable feature, e.g. LOAN:decrease,term_months:any (overrides the catalogue’s change; default any)',
    },
    bounds: { type: 'list', description: 'bounds of the changed value, e.g. LOAN:1000..25000 (within the data range in any case)' },
    limit: { type: 'int', default: 20, min: 1, description: 'with --counterfactual and no --row: at most this many declined rows' },
    samples: { type: 'int', default: 32, min: 4, max: 100000, description: 'mlp/ensemble: permutations per row (antithetic pairs; rounded up to even)' },
    background: { type: 'int', default: 100, min: 1, max: 100000, description: 'mlp/ensemble: background rows drawn from the data (all when fewer)' },
    seed: { type: 'int', default: 0, min: 0, description: 'mlp/ensemble: seed of the background draw and the permutations' },
  },
  async run(args, _positionals, context) {
    await outputPath(context, args.out, 'data');
    const started = performance.now();
    const { model, frame } = await loadModelAndData(context.cwd, args.model, args.data);
    const keyNames = args.row === undefined ? keyColumnNames(frame, args, args.data) : [];
    if (args.row !== undefined && args.row >= frame.rowCount) throw new CredoError('E_EXPLAIN_ROW', { row: args.row, last: frame.rowCount - 1 });
    const agnostic = { samples: args.samples, background: args.background, seed: args.seed };
    const threads = args.threads ?? defaultExplainThreads(args.row === undefined ? frame.rowCount : 1, model, agnostic);
    if (args.counterfactual) return runCounterfactual(args, model, frame, context, started, keyNames);
    const subset = args.row === undefined ? frame : frame.slice(args.row, args.row + 1);
    // additive models measure contributions from the mean over the whole file, also for one row
    // mlp/ensemble: permutation streams are per file row, so --row N gives that row's values in the whole-file run
    // --row lists principal reasons: a model using protected attributes stops before any work
    const catalogue = args.row === undefined ? undefined : await readCatalogue(context.cwd, args.catalogue);
    if (catalogue !== undefined)
      refuseProtectedReasons(
        model.schema.columns.map((c) => c.name),
        catalogue,
        'listing reasons with explain --row',
      );
    const progress = startProgress(context, 'explaining rows', subset.rowCount);
    const { explanation, x, explainer } = await explainFrame(model, subset, threads, frame, { ...agnostic, rowOffset: args.row ?? 0 }, progress.tick);
    progress.done();
    if (args.row !== undefined && catalogue !== undefined) {
      const margin = marginsOf(explanation);
      let reasons = reasonsForFrame(explanation, subset, catalogue, args.reasons, 'population', args.cutoff, pdsOf(model, explanation))[0] ?? [];
      if (args.reference === 'cutoff') {
        const all = await explainFrame(model, frame, threads, frame, agnostic);
        reasons = reasonsForFrame(all.explanation, frame, catalogue, args.reasons, 'cutoff', args.cutoff, pdsOf(model, all.explanation))[args.row] ?? [];
      }
      const p = explanation.features.length;
      const contributions = explanation.features.map((feature, j) => {
        const column = subset.get(feature);
        const se = explanation.standardErrors?.[j];
        return {
          feature,
          value: column === undefined ? null : valueAt(column, 0),
          contribution: explanation.values[j] as number,
          ...(se === undefined ? {} : { standard_error: se }),
        };
      });
      contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution));
      if (args.path && explainer === undefined) throw new CredoError('E_MODEL_KIND', { kind: model.kind, problem: 'decision paths need a tree model' });
      const trees = explainer?.ensemble.trees.length ?? 0;
      const paths =
        args.path && explainer !== undefined
          ? (args.tree === undefined ? [...Array(trees).keys()] : [args.tree]).map((t) => decisionPath(explainer.ensemble, t, x.subarray(0, p)))
          : [];
      if (args.path && args.tree !== undefined && args.tree >= trees)
        throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'tree', problem: `the model has trees 0..${trees - 1}`, value: args.tree });
      const m = margin[0] as number;
      const result = {
        row: args.row,
        margin: m,
        pd: pdFromExplained(model, m),
        expected_value: explanation.expectedValue,
        method: explanation.method,
        contributions,
        reasons,
        paths,
      };
      printResult(context, result, () => {
        let text = `row ${args.row}: margin ${m.toFixed(6)} = expected value ${explanation.expectedValue.toFixed(6)} + Σ contributions; PD ${(result.pd * 100).toFixed(2)}%\n\n`;
        const sampled = explanation.standardErrors !== undefined;
        text += formatTable(
          sampled ? ['feature', 'value', 'contribution', 'standard error'] : ['feature', 'value', 'contribution'],
          contributions.map((c) => (sampled ? [c.feature, c.value, c.contribution, c.standard_error ?? null] : [c.feature, c.value, c.contribution]) as Cell[]),
          sampled ? { digits: 6, title: `Contributions (${explanation.method}; ± standard error of the estimate)` } : { digits: 6 },
        );
        text += `\n${formatTable(
          ['rank', 'code', 'feature', 'value', 'contribution', 'reason'],
          reasons.map((r) => [r.rank, r.code, r.feature, r.value, r.contribution, r.text] as Cell[]),
          {
            digits: 6,
            title: `Principal reasons (relative to ${args.reference === 'cutoff' ? 'applicants just above the cutoff' : 'the population average'})`,
          },
        )}`;
        for (const path of paths) text += `\n${formatDecisionPath(path)}`;
        return text;
      });
      return 0;
    }
    if (args.out === undefined) throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'out' });
    const p = explanation.features.length;
    const columns: Column[] = explanation.features.map((feature, j) => {
      const values = new Float64Array(explanation.rowCount);
      for (let i = 0; i < explanation.rowCount; i++) values[i] = explanation.values[i * p + j] as number;
      return numericColumn(feature, values);
    });
    columns.push(numericColumn('expected_value', new Float64Array(explanation.rowCount).fill(explanation.expectedValue)));
    const keys = keyColumns(
      frame,
      keyNames,
      columns.map((c) => c.name),
    );
    const seconds = (performance.now() - started) / 1000;
    await writeFrame(new Frame([...keys, ...columns], explanation.rowCount), resolve(context.cwd, args.out));
    const result = {
      rows: explanation.rowCount,
      features: p,
      seconds: round(seconds, 3),
      threads,
      expected_value: explanation.expectedValue,
      method: explanation.method,
      keys: keys.map((c) => c.name),
      out: args.out,
    };
    printResult(
      context,
      result,
      () =>
        `${result.rows} rows × ${p} features explained in ${result.seconds} s on ${threads} threads (${explanation.method === 'tree-shap-path-dependent' ? 'path-dependent TreeSHAP' : explanation.method}); expected value ${explanation.expectedValue.toFixed(6)}\nwrote ${args.out}\n`,
    );
    return 0;
  },
});

interface CounterfactualArgs {
  readonly actionable: string[];
  readonly direction: string[];
  readonly bounds: string[];
  readonly catalogue: string | undefined;
  readonly weights: string[];
  readonly threads: number | undefined;
  readonly cutoff: number;
  readonly row: number | undefined;
  readonly limit: number;
  readonly out: string | undefined;
}

async function runCounterfactual(
  args: CounterfactualArgs,
  model: CredoModel,
  frame: Frame,
  context: CommandContext,
  started: number,
  keyNames: readonly string[],
): Promise<number> {
  const actionableNames = args.actionable;
  if (actionableNames.length === 0) throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'actionable' });
  const catalogue = await readCatalogue(context.cwd, args.catalogue);
  const { explanation, x } = await explainFrame(model, frame, args.threads ?? defaultExplainThreads(frame.rowCount, model));
  const names = explanation.features;
  const p = names.length;
  const actionable = actionableIndices(model, names, actionableNames, protectedInCatalogue(catalogue));
  const weight = new Float64Array(p).fill(1);
  for (const item of args.weights) {
    const [name, value] = item.split('=');
    const j = names.indexOf(name ?? '');
    const w = Number(value);
    if (j < 0 || !actionable.includes(j) || !(w > 0))
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'weights', problem: 'expected actionable=positive number pairs', value: item });
    weight[j] = w;
  }
  const scale = new Float64Array(p).fill(1);
  const range = actionable.map((j) => {
    const stats = columnStats(frame.get(names[j] as string) as NumericColumn);
    scale[j] = stats.sd > 0 ? stats.sd : 1;
    return stats;
  });
  // directions and bounds: the command line, else the reason catalogue's `change`, else any direction within the data range
  const constraints = resolveChangeConstraints(actionableNames, range, catalogue, parseChangeFlags(args.direction, args.bounds));
  const lower = new Float64Array(p).fill(Number.NEGATIVE_INFINITY);
  const upper = new Float64Array(p).fill(Number.POSITIVE_INFINITY);
  const cutoff = args.cutoff;
  const binary = marginIsLogOdds(model);
  const cutoffMargin = binary ? Math.log(cutoff / (1 - cutoff)) : cutoff;
  const margins = marginsOf(explanation);
  const rows: number[] = [];
  if (args.row !== undefined) rows.push(args.row);
  else for (let i = 0; i < frame.rowCount && rows.length < args.limit; i++) if ((margins[i] as number) >= cutoffMargin) rows.push(i);
  const toProbability = (m: number) => (binary ? 1 / (1 + Math.exp(-m)) : m);
  const results: {
    row: number;
    declined: boolean;
    found: boolean;
    pd_before: number;
    pd_after: number | null;
    cost: number | null;
    changes: Counterfactual['changes'];
  }[] = [];
  for (const i of rows) {
    const row = x.slice(i * p, (i + 1) * p);
    actionable.forEach((j, k) => {
      [lower[j], upper[j]] = changeInterval(constraints[k] as (typeof constraints)[number], row[j] as number);
    });
    const cf = await modelCounterfactual(model, names, row, margins[i] as number, { actionable, cutoffMargin, scale, weight, lower, upper });
    const before = margins[i] as number;
    results.push({
      row: i,
      declined: before >= cutoffMargin,
      found: cf !== null,
      pd_before: toProbability(before),
      pd_after: cf === null ? null : toProbability(cf.marginAfter),
      cost: cf?.cost ?? null,
      changes: cf?.changes ?? [],
    });
  }
  if (args.out !== undefined) {
    const columns: Column[] = [
      numericColumn(
        'row',
        Float64Array.from(results, (r) => r.row),
      ),
      numericColumn(
        'pd_before',
        Float64Array.from(results, (r) => r.pd_before),
      ),
      numericColumn(
        'pd_after',
        Float64Array.from(results, (r) => r.pd_after ?? Number.NaN),
      ),
      numericColumn(
        'cost',
        Float64Array.from(results, (r) => r.cost ?? Number.NaN),
      ),
      ...actionable.map((j) =>
        numericColumn(
          `${names[j]}_to`,
          Float64Array.from(results, (r) => {
            if (!r.found) return Number.NaN;
            const change = r.changes.find((c) => c.feature === names[j]);
            return change === undefined ? (x[r.row * p + j] as number) : change.to;
          }),
        ),
      ),
      categoryFromLabels(
        'changes',
        results.map((r) => describe(r.changes, r.found)),
      ),
    ];
    const keys = keyColumns(
      frame,
      keyNames,
      columns.map((c) => c.name),
      Int32Array.from(results, (r) => r.row),
    );
    const out = new Frame([...keys, ...columns]);
    await writeFrame(out, resolve(context.cwd, args.out));
  }
  const seconds = round((performance.now() - started) / 1000, 3);
  const result = { cutoff, actionable: actionableNames, constraints, cost: 'weighted L1 in standard deviations of the data', seconds, results };
  printResult(
    context,
    result,
    () =>
      `${formatTable(
        ['row', 'PD before', 'PD after', 'cost', 'change'],
        results.map((r) => [r.row, r.pd_before, r.pd_after, r.cost, describe(r.changes, r.found)] as Cell[]),
        { digits: 4, title: `Counterfactuals: cheapest change of ${actionableNames.join(', ')} to bring PD below ${cutoff} (cost = Σ weight·|Δ|/sd)` },
      )}Constraints applied:\n${constraints.map((c) => `  ${describeChangeConstraint(c)}\n`).join('')}`,
  );
  return 0;
}

function describe(changes: Counterfactual['changes'], found: boolean): string {
  if (!found) return 'no allowed change approves';
  if (changes.length === 0) return 'already approved';
  return changes.map((c) => `${c.feature} ${Number.isNaN(c.from) ? 'missing' : fmt(c.from)} → ${fmt(c.to)}`).join('; ');
}

function fmt(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(7)));
}

function columnStats(column: NumericColumn): { sd: number; min: number; max: number } {
  let n = 0;
  let mean = 0;
  let m2 = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const v of column.values) {
    if (Number.isNaN(v)) continue;
    n++;
    const d = v - mean;
    mean += d / n;
    m2 += d * (v - mean);
    if (v < min) min = v;
    if (v > max) max = v;
  }
  return { sd: n > 1 ? Math.sqrt(m2 / (n - 1)) : 0, min, max };
}

function round(v: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}
