import { resolve } from 'node:path';
import type { ReasonCatalogue } from '../../explain/index.js';
import { loadModel } from '../../io/model-file.js';
import type { CredoModel } from '../../ml/model.js';
import { compileModelSql, DEFAULT_TREE_REASON_CHARS, dialects, LARGE_REASON_SQL_CHARS } from '../../sql/index.js';
import { defineCommand } from '../command.js';
import { readCatalogue, refuseProtectedReasons } from './explain-common.js';
import { emitSql, sourceOptions, sqlFlags } from './sql-common.js';

/** `credo sql model`: a model compiled to one SELECT of keys, pd and score, in a warehouse dialect. */
export const sqlModelCommand = defineCommand({
  name: 'sql model',
  summary: 'Compile a model (GBDT, forest, XGBoost/LightGBM import, logistic, SVM, scorecard) to SQL giving pd and score per row',
  details:
    'Features are read from --table by their training names; missing values must be NULL (NaN is turned into NULL).\n' +
    'Over the dialect size budget (BigQuery/Snowflake 1 MB, Trino 1,000,000 characters) the trees are written as\n' +
    'views <view-prefix>_… followed by one SELECT.\n' +
    'With --reasons N: reason_1..N+1 and reason_text_1..N+1 as credo score --reasons N gives them: for logistic, SVM and\n' +
    'scorecard models contributions measured from the mean over the whole input table, for tree models exact\n' +
    'path-dependent TreeSHAP (the SQL grows with trees x leaves x path depth: see docs/scale.md).\n' +
    'Example: credo sql model --model pd.json --dialect duckdb --table applications --keys application_id --out score.sql',
  flags: {
    model: { type: 'string', required: true, description: 'model file' },
    ...sqlFlags,
    keys: { type: 'list', description: 'input columns copied to the output, first' },
    'view-prefix': { type: 'string', default: 'credo_score', description: 'name prefix of the views written when over the size budget' },
    reasons: {
      type: 'int',
      min: 1,
      max: 10,
      description: 'add principal reason codes reason_1..N+1 and texts (additive contributions, or exact TreeSHAP for tree models)',
    },
    catalogue: { type: 'string', description: 'with --reasons: reason catalogue JSON (default: data/reasons.json)' },
    'reasons-budget': {
      type: 'int',
      min: 1,
      description: `with --reasons on a tree model: most characters of TreeSHAP SQL before the model is refused (default ${DEFAULT_TREE_REASON_CHARS})`,
    },
  },
  async run(args, _positionals, context) {
    const model = await loadModel<CredoModel>(resolve(context.cwd, args.model));
    let reasons: { count: number; catalogue: ReasonCatalogue } | undefined;
    if (args.reasons !== undefined) {
      const catalogue = await readCatalogue(context.cwd, args.catalogue);
      refuseProtectedReasons(
        model.schema.columns.map((c) => c.name),
        catalogue,
      );
      reasons = { count: args.reasons, catalogue };
    }
    const sql = compileModelSql(model, {
      ...(reasons === undefined ? {} : { reasons }),
      ...(args['reasons-budget'] === undefined ? {} : { maxReasonChars: args['reasons-budget'] }),
      dialect: dialects[args.dialect],
      table: args.table,
      keys: args.keys,
      viewPrefix: args['view-prefix'],
      ...sourceOptions(args.format),
    });
    const notes = sql.layout === 'views' ? [`over the ${args.dialect} size budget: ${sql.statements.length - 1} views, then one SELECT`] : [];
    if (reasons !== undefined && sql.text.length > LARGE_REASON_SQL_CHARS)
      notes.push(
        `${(sql.text.length / 1e6).toFixed(1)} MB of SQL: engines spend seconds per megabyte planning exact TreeSHAP reasons (docs/scale.md); credo score --reasons is faster for big ensembles`,
      );
    return emitSql(context, args, {
      kind: `${model.kind} model`,
      dialect: sql.dialect,
      statements: sql.statements,
      text: sql.text,
      description: `pd and score of the ${model.kind} model ${args.model} (compiled by credo sql model)`,
      columns: [
        ...args.keys.map((k) => ({ name: k, description: 'input key', tests: ['not_null' as const] })),
        { name: 'pd', description: 'probability of default (1 = bad), the logistic of the model log-odds', tests: ['not_null'] },
        { name: 'score', description: 'reported score on the model scaling (600 at 50:1, PDO 20, 300-850 by default)', tests: ['not_null'] },
        ...sql.columns
          .filter((c) => c.startsWith('reason_'))
          .map((c) => ({
            name: c,
            description: c.startsWith('reason_text_') ? 'principal reason text (empty when fewer reasons)' : 'principal reason code (empty when fewer reasons)',
            tests: [],
          })),
      ],
      notes,
    });
  },
});
