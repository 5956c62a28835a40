import { modelReferences, ruleMasks } from '../../strategy/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { formatPercent, formatTable, printResult } from '../output.js';
import { loadModelOutputs, loadStrategy } from './rules-load.js';

/** `credo rules check`: validates a strategy file, and with `--data` compiles every rule against it. */
export const rulesCheckCommand = defineCommand({
  name: 'rules check',
  summary: 'Validate a strategy file (every problem at once); with --data, type-check each rule and count its hits',
  details: 'Example: credo rules check --rules examples/strategies/new-policy.yaml --data world.csv',
  flags: {
    rules: { type: 'string', required: true, description: 'strategy file (YAML or JSON)' },
    data: { type: 'string', description: 'applications file to compile the rules against (.csv or .parquet)' },
    ...schemaFlag,
    'as-of': { type: 'date', description: 'keep only rules effective on this date, YYYY-MM-DD' },
  },
  async run(args, _positionals, context) {
    const loaded = await loadStrategy(args.rules, context.cwd, args['as-of']);
    let hits: number[] | undefined;
    let rows: number | undefined;
    if (args.data !== undefined) {
      const frame = await readDataFile(context, args.data, args);
      rows = frame.rowCount;
      hits = ruleMasks(frame, loaded.rules, await loadModelOutputs(loaded, frame)).map((m) => m.reduce((s, x) => s + x, 0));
    }
    const result = {
      valid: true,
      strategy: loaded.strategy.name,
      models: modelReferences(loaded.rules),
      rules: loaded.rules.map((r, i) => ({
        id: r.id,
        action: r.action,
        when: r.when,
        ...(hits === undefined ? {} : { hits: hits[i], hit_share: rows ? (hits[i] as number) / rows : 0 }),
      })),
      ...(rows === undefined ? {} : { rows }),
    };
    printResult(context, result, () =>
      formatTable(
        ['rule', 'action', 'when', ...(hits === undefined ? [] : ['hits', 'share'])],
        result.rules.map((r) => [r.id, r.action, r.when, ...(hits === undefined ? [] : [r.hits, formatPercent(r.hit_share ?? 0)])]),
        { title: `Strategy ${loaded.strategy.name}: valid${rows === undefined ? '' : `, standalone hits on ${rows} rows`}` },
      ),
    );
    return 0;
  },
});
