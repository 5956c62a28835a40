import { dirname, resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { DEFAULT_DPD_BOUNDS, parseCurrency } from '../../finance/index.js';
import { compileLiftSql, compileRollRatesSql, compileSwapsetSql, compileVintageSql, dialects, quoteTableName } from '../../sql/index.js';
import { parseOutcome } from '../../strategy/index.js';
import { defineCommand } from '../command.js';
import { loadStrategy } from './rules-load.js';
import { emitSql, sourceOptions, sqlFlags } from './sql-common.js';
import { strategyModels } from './sql-rules.js';

const q = (name: string) => ({ name, description: name, tests: [] as const });
const dbtSource = (format: 'sql' | 'dbt', dialect: keyof typeof dialects, table: string) =>
  sourceOptions(format).fromSql ?? quoteTableName(dialects[dialect], table);

/** `credo sql lift`: the sequential lift table of `credo rules lift` as one query. */
export const sqlLiftCommand = defineCommand({
  name: 'sql lift',
  summary: 'Compile the sequential (waterfall) lift table of a strategy to one SQL query',
  details:
    'Same rows and columns as the sequential table of credo rules lift (baseline first), per segment with --by (a categorical column).\n' +
    'Example: credo sql lift --rules examples/strategies/new-policy.yaml --target bad --amount requested_amount --by segment --dialect trino',
  flags: {
    rules: { type: 'string', required: true, description: 'strategy file (YAML or JSON)' },
    ...sqlFlags,
    by: { type: 'string', description: 'categorical segment column: a table per value plus ALL' },
    outcome: { type: 'repeat', description: 'amount-weighted outcome name=numerator/denominator' },
    target: { type: 'string', default: 'bad', description: '0/1 target column (NULL = no outcome)' },
    amount: { type: 'string', description: 'amount column for the touched amount and the amount-weighted bad rate' },
    'as-of': { type: 'date', description: 'keep only rules effective on this date, YYYY-MM-DD' },
  },
  async run(args, _positionals, context) {
    const loaded = await loadStrategy(args.rules, context.cwd, args['as-of']);
    const outcomes = args.outcome.map(parseOutcome);
    const sql = compileLiftSql(loaded.rules, {
      dialect: dialects[args.dialect],
      fromSql: dbtSource(args.format, args.dialect, args.table),
      models: await strategyModels(loaded),
      target: args.target,
      outcomes,
      ...(args.amount === undefined ? {} : { amount: args.amount }),
      ...(args.by === undefined ? {} : { by: args.by }),
    });
    const rates = [args.target, ...(args.amount === undefined ? [] : [`${args.target}_amount`]), ...outcomes.map((o) => o.name)];
    return emitSql(context, args, {
      kind: `lift of ${loaded.strategy.name}`,
      dialect: args.dialect,
      statements: [sql],
      text: `-- Credo sequential lift table compiled to ${args.dialect} SQL.\n${sql};\n`,
      description: `sequential lift of strategy ${loaded.strategy.name} (compiled by credo sql lift)`,
      columns: [
        'segment',
        'position',
        'rule',
        'action',
        'touched',
        'touched_share',
        'touched_amount',
        'cumulative_touched',
        ...rates.flatMap((r) => [`hit_rate_${r}`, `remaining_rate_${r}`, `lift_${r}`]),
        'lift',
        'capture',
      ].map(q),
    });
  },
});

/** `credo sql swapset`: the swap set of two strategies as one query. */
export const sqlSwapsetCommand = defineCommand({
  name: 'sql swapset',
  summary: 'Compile the swap set of an old and a new strategy to one SQL query (no reject inference)',
  details:
    'Same cells and figures as credo swapset without --infer: rows without an outcome are left out of the rates.\n' +
    'Example: credo sql swapset --old examples/strategies/old-policy.yaml --new examples/strategies/new-policy.yaml --amount requested_amount --dialect bigquery',
  flags: {
    old: { type: 'string', required: true, description: 'old strategy file' },
    new: { type: 'string', required: true, description: 'new strategy file' },
    ...sqlFlags,
    target: { type: 'string', default: 'bad', description: '0/1 outcome column (NULL = no outcome)' },
    amount: { type: 'string', description: 'amount column for amount-weighted rates' },
    'true-target': { type: 'string', description: 'true outcome of every row (synthetic data): true_bad_rate' },
    by: { type: 'string', description: 'categorical segment column: a table per value plus ALL' },
    'refer-as': { type: 'enum', choices: ['decline', 'approve'] as const, default: 'decline', description: 'how a refer decision counts in the 2×2' },
    'as-of': { type: 'date', description: 'keep only rules effective on this date, YYYY-MM-DD' },
  },
  async run(args, _positionals, context) {
    const asOf = args['as-of'];
    const oldStrategy = await loadStrategy(args.old, context.cwd, asOf);
    const newStrategy = await loadStrategy(args.new, context.cwd, asOf);
    const models = { ...(await strategyModels(oldStrategy)) };
    const newModels = await strategyModels(newStrategy);
    for (const [ref, model] of Object.entries(newModels)) {
      const path = (l: typeof oldStrategy) => resolve(dirname(l.file), l.strategy.models[ref] ?? ref);
      if (ref in models && path(oldStrategy) !== path(newStrategy)) {
        throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'new', problem: `model "${ref}" names a different file in each strategy`, value: args.new });
      }
      models[ref] = model;
    }
    const sql = compileSwapsetSql(oldStrategy.rules, newStrategy.rules, {
      dialect: dialects[args.dialect],
      fromSql: dbtSource(args.format, args.dialect, args.table),
      models,
      target: args.target,
      referApproves: args['refer-as'] === 'approve',
      ...(args.amount === undefined ? {} : { amount: args.amount }),
      ...(args['true-target'] === undefined ? {} : { trueTarget: args['true-target'] }),
      ...(args.by === undefined ? {} : { by: args.by }),
    });
    return emitSql(context, args, {
      kind: `swap set ${oldStrategy.strategy.name} → ${newStrategy.strategy.name}`,
      dialect: args.dialect,
      statements: [sql],
      text: `-- Credo swap set compiled to ${args.dialect} SQL.\n${sql};\n`,
      description: `swap set of ${oldStrategy.strategy.name} and ${newStrategy.strategy.name} (compiled by credo sql swapset)`,
      columns: ['segment', 'cell', 'count', 'share', 'amount', 'observed', 'bads', 'bad_rate', 'bad_rate_amount', 'true_bad_rate', 'approval_rate'].map(q),
    });
  },
});

const performanceFlags = {
  'loan-id': { type: 'string', default: 'loan_id', description: 'loan id column' },
  vintage: { type: 'string', default: 'vintage', description: 'vintage (origination month) column' },
  mob: { type: 'string', default: 'mob', description: 'month-on-book column' },
  balance: { type: 'string', default: 'balance', description: 'balance column' },
  dpd: { type: 'string', default: 'dpd', description: 'days-past-due column' },
  'charged-off': { type: 'string', default: 'charged_off', description: 'charged-off 0/1 column' },
  currency: { type: 'string', default: 'USD', description: 'currency of the balance column (ISO 4217 code or CODE:EXPONENT)' },
} as const;

function performanceColumns(args: { 'loan-id': string; vintage: string; mob: string; balance: string; dpd: string; 'charged-off': string; currency: string }) {
  return {
    loanId: args['loan-id'],
    vintage: args.vintage,
    mob: args.mob,
    balance: args.balance,
    dpd: args.dpd,
    chargedOff: args['charged-off'],
    currencyExponent: parseCurrency(args.currency).exponent,
  };
}

/** `credo sql vintage`: vintage curves of a performance table as one query. */
export const sqlVintageCommand = defineCommand({
  name: 'sql vintage',
  summary: 'Compile vintage curves (cumulative bad rate by vintage and month on book) to one SQL query',
  details:
    'Same figures as credo portfolio vintage, one row per vintage and MOB (balances in minor units).\n' +
    'Example: credo sql vintage --table performance --dialect snowflake',
  flags: {
    ...sqlFlags,
    ...performanceFlags,
    'bad-dpd': { type: 'int', default: 90, min: 1, max: 10_000, description: 'bad = dpd ≥ this (or charged off)' },
  },
  async run(args, _positionals, context) {
    const sql = compileVintageSql(dialects[args.dialect], dbtSource(args.format, args.dialect, args.table), performanceColumns(args), args['bad-dpd']);
    return emitSql(context, args, {
      kind: 'vintage curves',
      dialect: args.dialect,
      statements: [sql],
      text: `-- Credo vintage curves compiled to ${args.dialect} SQL.\n${sql};\n`,
      description: 'vintage curves (compiled by credo sql vintage)',
      columns: ['vintage', 'mob', 'loans', 'balance', 'cumulative_bads', 'count_rate', 'balance_rate'].map(q),
    });
  },
});

/** `credo sql roll-rates`: roll-rate matrix of a performance table as one query. */
export const sqlRollRatesCommand = defineCommand({
  name: 'sql roll-rates',
  summary: 'Compile the roll-rate matrix (delinquency bucket transitions month to month) to one SQL query',
  details:
    'Same matrix as credo portfolio roll-rates (without --by), one row per (from, to) bucket.\nExample: credo sql roll-rates --table performance --dialect spark',
  flags: {
    ...sqlFlags,
    ...performanceFlags,
    bounds: { type: 'list', default: DEFAULT_DPD_BOUNDS.map(String), description: 'dpd upper bounds of the buckets before 90+' },
  },
  async run(args, _positionals, context) {
    const bounds = args.bounds.map(Number);
    if (bounds.some((b, i) => !Number.isInteger(b) || b < 0 || (i > 0 && b <= (bounds[i - 1] as number)))) {
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'bounds', problem: 'must be ascending whole numbers ≥ 0', value: args.bounds.join(',') });
    }
    const sql = compileRollRatesSql(dialects[args.dialect], dbtSource(args.format, args.dialect, args.table), performanceColumns(args), bounds);
    return emitSql(context, args, {
      kind: 'roll rates',
      dialect: args.dialect,
      statements: [sql],
      text: `-- Credo roll rates compiled to ${args.dialect} SQL.\n${sql};\n`,
      description: 'roll-rate matrix (compiled by credo sql roll-rates)',
      columns: ['from_bucket', 'to_bucket', 'transitions', 'balance', 'count_share', 'balance_share'].map(q),
    });
  },
});
