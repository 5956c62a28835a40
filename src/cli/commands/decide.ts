import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { applicationInputs, type DecisionRecord, type InputValue, parsePolicy } from '../../decision/index.js';
import { CredoError } from '../../errors/index.js';
import { type Column, categoryFromLabels, Frame, type Frame as FrameType, numericColumn } from '../../frame/index.js';
import { formatOf, writeFrame } from '../../io/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { formatTable, toJson } from '../output.js';
import { contextOf, type DecideSpec, decideParallel, type RowOutcome } from './decide-batch.js';
import { defaultExplainThreads, readCatalogue, reasonColumns } from './explain-common.js';

/** `credo decide`: the decision of every row of a file, made by the same function as the API. */
export const decideCommand = defineCommand({
  name: 'decide',
  summary: 'Decide applications in batch with a policy and a model: action, pd, score, reasons, limit, rate',
  details:
    'Runs the decision function of the service on every row (see docs/decision.md): policy rules, PD and\n' +
    'score, principal reasons, limit and risk-based rate. --model binds the policy\'s "champion" (default:\n' +
    'models.champion of the policy, relative to it); --challenger decides a stable --share of rows by\n' +
    'application id, with the champion decision kept as shadow. Rows with bad inputs get an error, not a crash.\n' +
    'Example: credo decide --policy examples/policies/lending-policy.yaml --model pd.json --data world.csv --out decisions.csv',
  flags: {
    policy: { type: 'string', required: true, description: 'decision policy (YAML): a strategy plus limits, pricing, reasons' },
    model: { type: 'string', description: 'champion model file (default: models.champion of the policy)' },
    data: { type: 'string', required: true, description: 'applications (.csv or .parquet), one column per input' },
    ...schemaFlag,
    out: { type: 'string', required: true, description: 'decisions file (.csv or .parquet)' },
    challenger: { type: 'string', description: 'challenger model file (default: models.challenger of the policy, if any)' },
    share: { type: 'number', min: 0, max: 1, description: 'share of applications the challenger decides (default 0.1)' },
    id: { type: 'string', description: 'application id column (default: application_id or id; else the row number)' },
    catalogue: { type: 'string', description: 'reason catalogue JSON when the policy has none (default: data/reasons.json)' },
    threads: { type: 'int', min: 1, max: 256, description: 'worker threads (default: every core; results do not depend on it)' },
    'as-of': { type: 'date', description: 'decide with the rules effective on this date, YYYY-MM-DD' },
  },
  async run(args, _positionals, context) {
    const started = performance.now();
    formatOf(args.out, 'write');
    const policyFile = resolve(context.cwd, args.policy);
    const policyText = await readText(policyFile, args.policy);
    const policy = parsePolicy(policyText, args.policy);
    const modelPath = args.model ?? relativeTo(policyFile, policy.strategy.models.champion);
    if (modelPath === undefined) throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'model' });
    const challengerPath = args.challenger ?? relativeTo(policyFile, policy.strategy.models.challenger);
    if (args.share !== undefined && challengerPath === undefined)
      throw new CredoError('E_INPUT_FLAG_INVALID', {
        flag: 'share',
        problem: 'needs a challenger (--challenger or models.challenger of the policy)',
        value: args.share,
      });
    const asOf = args['as-of'];
    const spec: DecideSpec = {
      policyText,
      policySource: args.policy,
      champion: { text: await readText(resolve(context.cwd, modelPath), modelPath), shown: modelPath },
      ...(challengerPath === undefined
        ? {}
        : { challenger: { text: await readText(resolve(context.cwd, challengerPath), challengerPath), shown: challengerPath, share: args.share ?? 0.1 } }),
      ...(policy.catalogue === undefined ? { catalogue: await readCatalogue(context.cwd, args.catalogue) } : {}),
      ...(asOf === undefined ? {} : { asOf }),
    };
    const decisionContext = contextOf(spec);
    const inputs = applicationInputs(decisionContext);
    // only categories are forced: a numeric input with a bad value is then read as text and refused per row
    const types = Object.fromEntries(inputs.filter((c) => c.type === 'category').map((c) => [c.name, 'category' as const]));
    const frame = await readDataFile(context, args.data, args, types);
    const missing = inputs.filter((c) => !frame.has(c.name)).map((c) => c.name);
    if (missing.length > 0)
      throw new CredoError('E_INPUT_COLUMN_MISSING', { column: missing.join('", "'), source: `file "${args.data}" (inputs of the policy and its models)` });
    const idName = args.id ?? ['application_id', 'id'].find((n) => frame.has(n));
    if (idName !== undefined && !frame.has(idName)) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: idName, source: `file "${args.data}"` });

    const n = frame.rowCount;
    const ids = idColumn(frame, idName);
    const readers = inputs.map((c) => [c.name, valueReader(frame.column(c.name), c.type === 'number')] as const);
    const rows = Array.from({ length: n }, (_, i) => {
      const data: Record<string, InputValue> = {};
      for (const [name, read] of readers) data[name] = read(i);
      return data;
    });
    const { outcomes, threads } = await decideParallel(spec, decisionContext, ids, rows, args.threads ?? defaultExplainThreads(n));

    const out = decisionFrame(idName ?? 'application_id', ids, outcomes, policy.reasonCount);
    await writeFrame(out, resolve(context.cwd, args.out));
    const counts = { approve: 0, decline: 0, refer: 0 };
    let challengerRows = 0;
    let errorCount = 0;
    for (const r of outcomes) {
      if (typeof r === 'string') {
        errorCount++;
        continue;
      }
      counts[r.action]++;
      if (r.arm === 'challenger') challengerRows++;
    }
    const result = {
      policy: policy.strategy.name,
      model: modelPath,
      ...(challengerPath === undefined ? {} : { challenger: challengerPath, share: args.share ?? 0.1, challenger_rows: challengerRows }),
      rows: n,
      ...counts,
      errors: errorCount,
      out: args.out,
      threads,
      seconds: Number(((performance.now() - started) / 1000).toFixed(3)),
    };
    if (context.json) context.stdout(`${toJson(result)}\n`);
    else
      context.stderr(
        formatTable(['rows', 'approve', 'decline', 'refer', 'errors', 'out'], [[n, counts.approve, counts.decline, counts.refer, errorCount, args.out]], {
          title: `Policy ${policy.strategy.name}, model ${modelPath}${challengerPath === undefined ? '' : `, challenger ${challengerPath} on ${challengerRows} rows`}`,
        }),
      );
    return 0;
  },
});

async function readText(file: string, shown: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CredoError('E_FILE_NOT_FOUND', { file: shown });
    throw error;
  }
}

function relativeTo(policyFile: string, path: string | undefined): string | undefined {
  return path === undefined ? undefined : resolve(dirname(policyFile), path);
}

/** Ids as text: the id column's labels or numbers, else 1-based row numbers. */
function idColumn(frame: FrameType, name: string | undefined): string[] {
  if (name === undefined) return Array.from({ length: frame.rowCount }, (_, i) => String(i + 1));
  const column = frame.column(name);
  return Array.from({ length: frame.rowCount }, (_, i) => {
    if (column.type === 'number') return Number.isNaN(column.values[i]) ? '' : String(column.values[i]);
    const code = column.codes[i] as number;
    return code < 0 ? '' : (column.dictionary[code] as string);
  });
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

/**
 * A row reader of an input column: numbers (NaN → null), labels (missing → null). A numeric input
 * read as text because some value is not a number keeps its numeric-looking values as numbers and
 * passes the rest as text, which the decision refuses for that row only.
 */
function valueReader(column: Column, numeric: boolean): (i: number) => InputValue {
  if (column.type === 'number') {
    const values = column.values;
    return (i) => (Number.isNaN(values[i] as number) ? null : (values[i] as number));
  }
  const { codes } = column;
  const dictionary = numeric ? column.dictionary.map((label) => (NUMBER.test(label) ? Number(label) : label)) : column.dictionary;
  return (i) => {
    const code = codes[i] as number;
    return code < 0 ? null : (dictionary[code] as InputValue);
  };
}

/** The output table: id, action, arm, pd, score, reasons, limit, rate, rules fired and the row's error. */
function decisionFrame(idName: string, ids: readonly string[], outcomes: readonly RowOutcome[], reasonCount: number): Frame {
  const n = ids.length;
  const pd = new Float64Array(n).fill(Number.NaN);
  const score = new Float64Array(n).fill(Number.NaN);
  const records = outcomes.map((r) => (typeof r === 'string' ? undefined : r));
  records.forEach((r, i) => {
    if (r === undefined) return;
    pd[i] = r.pd;
    score[i] = r.score;
  });
  const text = (name: string, f: (r: DecisionRecord) => string | null) =>
    categoryFromLabels(
      name,
      records.map((r) => (r === undefined ? null : f(r))),
    );
  return new Frame([
    categoryFromLabels(idName, ids),
    text('action', (r) => r.action),
    text('arm', (r) => r.arm),
    numericColumn('pd', pd),
    numericColumn('score', score),
    ...reasonColumns(
      records.map((r) => r?.reasons ?? []),
      reasonCount,
    ),
    text('limit', (r) => r.limit),
    text('rate', (r) => r.rate),
    text('rules_fired', (r) => r.rulesFired.join('|')),
    categoryFromLabels(
      'error',
      outcomes.map((r) => (typeof r === 'string' ? r : null)),
    ),
  ]);
}
