// @ts-nocheck
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { type Column, categoryFromLabels, Frame, numericColumn } from '../../frame/index.js';
import { writeFrame } from '../../io/index.js';
import { loadModel } from '../../io/model-file.js';
import type { CredoModel } from '../../ml/model.js';
import { predictPd, predictScore } from '../../ml/predict-model.js';
import { decide, ruleMasks } from '../../strategy/index.js';
import { defineCommand } from '../command.js';
import { outputPath, readDataFile, schemaFlag } from '../data-input.js';
import { keyColumnNames, keyColumns, keyFlags } from '../key-columns.js';
import { formatPercent, formatTable, printResult } from '../output.js';
import { schemaTypes } from './evaluate.js';
import { scoreReasonColumns } from './explain-common.js';
import { loadModelOutputs, loadStrategy } from './rules-load.js';
import { scoreWithDuckDb } from './score-duckdb.js';

/** `credo score`: PD and scaled score (REFERENCE §3) per input row. */
export const scoreCommand = defineCommand({
  name: 'score',
  summary: 'Score data with a model: key columns + pd + score (600 at 50:1, PDO 20, 300–850)',
  details:
    'Key columns default to every column named id or ending in _id. Categories never seen in training\n' +
    'are routed like a new category (right at every categorical split); missing columns are an error.\n' +
    'With --engine duckdb the model runs as SQL inside DuckDB COPY with a memory limit (output rows in any order).\n' +
    'Example: credo score --model pd.json --data applicants.csv --out scored.csv',
  flags: {
    model: { type: 'string', required: true, description: 'model file' },
    data: { type: 'string', required: true, description: 'data to score (.csv or .parquet)' },
    ...schemaFlag,
    out: { type: 'string', required: true, description: 'output file (.csv or .parquet)' },
    ...keyFlags,
    policy: { type: 'string', description: 'strategy file (YAML/JSON): add its decision per row (decision, decision_rule)' },
    reasons: { type: 'int', min: 1, max: 10, description: 'add reason_1..N codes and reason_text_1..N (principal reasons toward decline, see credo explain)' },
    catalogue: { type: 'string', description: 'with --reasons: reason catalogue JSON (default: data/reasons.json)' },
    engine: {
      type: 'enum',
      choices: ['node', 'duckdb'] as const,
      default: 'node',
      description: 'node (in-process), or duckdb: the model compiled to SQL and streamed through DuckDB COPY (files larger than memory)',
    },
    'memory-limit': { type: 'string', default: '1GB', description: 'with --engine duckdb: DuckDB memory_limit (spills past it)' },
    'temp-directory': { type: 'string', description: 'with --engine duckdb: where DuckDB spills (default: system temp folder)' },
    threads: { type: 'int', min: 1, max: 256, description: 'with --engine duckdb: DuckDB threads (default: all cores)' },
  },
  async run(args, _positionals, context) {
    await outputPath(context, args.out, 'data');
    const model = await loadModel<CredoModel>(resolve(context.cwd, args.model));
    if (args.engine === 'duckdb') {
      if (args.reasons !== undefined)
        throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'reasons', problem: 'is not available with --engine duckdb', value: String(args.reasons) });
      if (args.policy !== undefined)
        throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'policy', problem: 'is not available with --engine duckdb', value: args.policy });
      const r = await scoreWithDuckDb(model, {
        data: resolve(context.cwd, args.data),
        out: resolve(context.cwd, args.out),
        ...(args.keys.length > 0 || args.id !== undefined
          ? { keys: [...(args.id === undefined ? [] : [args.id]), ...args.keys.filter((k) => k !== args.id)] }
          : {}),
        memoryLimit: args['memory-limit'],
        ...(args['temp-directory'] === undefined ? {} : { tempDirectory: resolve(context.cwd, args['temp-directory']) }),
        ...(args.threads === undefined ? {} : { threads: args.threads }),
      });
      const result = { model: args.model, rows: r.rows, out: args.out, keys: r.keys, mean_pd: r.meanPd, engine: 'duckdb', seconds: r.seconds };
      printResult(
        context,
        result,
        () => `${formatTable(['rows', 'mean pd', 'keys', 'out', 'engine'], [[r.rows, r.meanPd, r.keys.join(', ') || '(none)', args.out, 'duckdb']])}\n`,
      );
      return 0;
    }
    const frame = await readDataFile(context, args.data, args, schemaTypes(model.schema));
    const keys = keyColumnNames(frame, args, args.data);
    const pd = predictPd(model, frame);
    const score = predictScore(model, pd);
    const reasonCols = args.reasons === undefined ? [] : await scoreReasonColumns(context.cwd, model, frame, args.reasons, args.catalogue);
    const policy = args.policy === undefined ? undefined : await policyDecisions(args.policy, frame, context.cwd);
    const scored = [numericColumn('pd', pd), numericColumn('score', score), ...reasonCols, ...(policy?.columns ?? [])];
    const out = new Frame(
      [
        ...keyColumns(
          frame,
          keys,
          scored.map((c) => c.name),
        ),
        ...scored,
      ],
      frame.rowCount,
    );
    await writeFrame(out, resolve(context.cwd, args.out));
    let sumPd = 0;
    for (let i = 0; i < pd.length; i++) sumPd += pd[i]!;
    const result = {
      model: args.model,
      rows: frame.rowCount,
      out: args.out,
      keys,
      mean_pd: pd.length > 0 ? sumPd / pd.length : 0,
      ...(policy === undefined ? {} : { policy: policy.name, decisions: policy.counts }),
    };
    printResult(context, result, () => {
      const head = formatTable(['rows', 'mean pd', 'keys', 'out'], [[result.rows, result.mean_pd, keys.join(', ') || '(none)', args.out]]);
      if (policy === undefined) return `${head}\n`;
      const decisions = Object.entries(policy.counts).map(([d, n]) => [d, n, formatPercent(frame.rowCount > 0 ? n / frame.rowCount : 0)]);
      return `${head}\n${formatTable(['decision', 'rows', 'share'], decisions, { title: `Policy ${policy.name}` })}`;
    });
    return 0;
  },
});

/**
 * The decision of a strategy file per row (the first rule that hits decides, approve when none
 * does; the strategy's own models are scored for its rules): `decision` (approve/decline/refer)
 * and `decision_rule` (the deciding rule id, empty for approve-by-default), with counts.
 */
async function policyDecisions(path: string, frame: Frame, cwd: string): Promise<{ name: string; columns: Column[]; counts: Record<string, number> }> {
  const loaded = await loadStrategy(path, cwd);
  const { decision, firstHit } = decide(loaded.rules, ruleMasks(frame, loaded.rules, await loadModelOutputs(loaded, frame)), frame.rowCount);
  const names = ['approve', 'decline', 'refer'];
  const labels = Array.from(decision, (d) => names[d] as string);
  const rules = Array.from(firstHit, (r) => loaded.rules[r]?.id ?? null);
  const counts = Object.fromEntries(names.map((n) => [n, labels.filter((l) => l === n).length]));
  return {
    name: loaded.strategy.name,
    columns: [categoryFromLabels('decision', labels), categoryFromLabels('decision_rule', rules)],
    counts,
  };
}
