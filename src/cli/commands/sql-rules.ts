import { dirname, resolve } from 'node:path';
import { loadModel } from '../../io/model-file.js';
import type { CredoModel } from '../../ml/model.js';
import { compileStrategyQuery, dialects } from '../../sql/index.js';
import { modelReferences } from '../../strategy/index.js';
import { defineCommand } from '../command.js';
import { type LoadedStrategy, loadStrategy } from './rules-load.js';
import { emitSql, sourceOptions, sqlFlags } from './sql-common.js';

/** `credo sql rules`: a strategy compiled to one SELECT giving the first rule hit and the decision per row. */
export const sqlRulesCommand = defineCommand({
  name: 'sql rules',
  summary: 'Compile a strategy (rules, first hit decides) to SQL giving rule and decision per row',
  details:
    'Models the rules call (pd(m), score(m)) are compiled into the same statement from the strategy models: map.\n' +
    'Example: credo sql rules --rules examples/strategies/new-policy.yaml --dialect postgres --keys application_id',
  flags: {
    rules: { type: 'string', required: true, description: 'strategy file (YAML or JSON)' },
    ...sqlFlags,
    keys: { type: 'list', description: 'input columns copied to the output, first' },
    'as-of': { type: 'date', description: 'keep only rules effective on this date, YYYY-MM-DD' },
  },
  async run(args, _positionals, context) {
    const loaded = await loadStrategy(args.rules, context.cwd, args['as-of']);
    const models: Record<string, CredoModel> = {};
    for (const ref of modelReferences(loaded.rules))
      models[ref] = await loadModel<CredoModel>(resolve(dirname(loaded.file), loaded.strategy.models[ref] ?? ref));
    const sql = compileStrategyQuery(loaded.rules, {
      dialect: dialects[args.dialect],
      table: args.table,
      keys: args.keys,
      models,
      ...sourceOptions(args.format),
    });
    return emitSql(context, args, {
      kind: `strategy ${loaded.strategy.name}`,
      dialect: args.dialect,
      statements: [sql],
      text: `-- Credo strategy compiled to ${args.dialect} SQL: first rule hit and decision per row.\n${sql};\n`,
      description: `decision of strategy ${loaded.strategy.name} per row (compiled by credo sql rules)`,
      columns: [
        ...args.keys.map((k) => ({ name: k, description: 'input key', tests: ['not_null' as const] })),
        { name: 'rule', description: 'id of the first rule that hits, null when none', tests: [] },
        { name: 'decision', description: 'action of the first rule that hits, approve when none', tests: ['not_null'] },
      ],
    });
  },
});

/** Loads every model a strategy's rules call (a name from its `models:` map or a path, relative to the strategy file). */
export async function strategyModels(loaded: LoadedStrategy): Promise<Record<string, CredoModel>> {
  const models: Record<string, CredoModel> = {};
  for (const ref of modelReferences(loaded.rules)) models[ref] = await loadModel<CredoModel>(resolve(dirname(loaded.file), loaded.strategy.models[ref] ?? ref));
  return models;
}
