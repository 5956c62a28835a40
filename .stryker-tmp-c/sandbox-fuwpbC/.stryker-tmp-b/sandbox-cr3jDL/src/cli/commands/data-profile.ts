// @ts-nocheck
// 
import { profileFrame, targetLabels } from '../../ml/binning/index.js';
import { leakageChecks, protectedFeatures } from '../../ml/checks/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { type Cell, formatPercent, formatTable, printResult } from '../output.js';
import { printWarnings } from '../warnings.js';

/** `credo data profile --data FILE [--target COL]`: per-column summary and, with a target, an IV quick-look. */
export const dataProfileCommand = defineCommand({
  name: 'data profile',
  summary: 'Summarise every column (type, missing share, distinct, min/median/max, top categories); with --target, bad rate and IV per column',
  details:
    'With --target (1 = bad, 0 = good; rows with an empty target are excluded and counted), each column gets an\n' +
    'information-value quick-look over equal-frequency pre-bins with missing values in their own bin.\n' +
    'WOE = ln(%good/%bad) (positive = safer), smoothing +0.5 unless --smoothing says otherwise.\n' +
    'Leakage warnings (stderr, and `warnings` in --json): a column that separates the target or nearly does, an IV above\n' +
    '--leakage-iv, an id-like column; protected attributes (age, sex, marital status, …) are listed too.\n' +
    'Example: credo data profile --data german.csv --target bad',
  flags: {
    data: { type: 'string', required: true, description: 'input file (.csv or .parquet)' },
    ...schemaFlag,
    target: { type: 'string', description: 'outcome column (1 = bad)' },
    bins: { type: 'int', default: 10, min: 2, max: 100, description: 'equal-frequency pre-bins for the IV quick-look' },
    smoothing: { type: 'number', default: 0.5, min: 0, description: 'added to goods and bads of every bin before WOE' },
    'show-bins': { type: 'boolean', description: 'print the bad rate by bin of every column (human output)' },
    'leakage-iv': { type: 'number', default: 0.5, min: 0, description: 'with --target: warn when a column’s IV is above this' },
  },
  async run(args, _positionals, context) {
    const frame = await readDataFile(context, args.data, args);
    if (args.target !== undefined) frame.column(args.target);
    const profile = profileFrame(frame, { ...(args.target === undefined ? {} : { target: args.target }), bins: args.bins, woe: { smoothing: args.smoothing } });
    const others = frame.names.filter((n) => n !== args.target);
    const found = protectedFeatures(others);
    const warnings = [
      ...(args.target === undefined
        ? []
        : leakageChecks(frame, targetLabels(frame.column(args.target)), others, { ivThreshold: args['leakage-iv'], profile }).map((f) => f.message)),
      ...(found.length === 0
        ? []
        : [`protected attribute(s) ${found.map((f) => `"${f}"`).join(', ')}: not usable as model features (ECOA/Reg B) without --allow-protected`]),
    ];
    printWarnings(context, warnings);
    printResult(context, { ...profile, warnings }, () => {
      const withTarget = profile.target !== undefined;
      const headers = ['column', 'type', 'missing', 'distinct', 'min', 'median', 'max', 'top categories', ...(withTarget ? ['IV'] : [])];
      const rows: Cell[][] = profile.columns.map((c) => [
        c.name,
        c.type,
        formatPercent(c.missing_share),
        c.distinct,
        c.min,
        c.median,
        c.max,
        (c.top_categories ?? [])
          .slice(0, 3)
          .map((t) => `${t.value.length > 24 ? `${t.value.slice(0, 23)}…` : t.value} (${t.count})`)
          .join(', '),
        ...(withTarget ? [c.iv === undefined ? '(target)' : c.iv] : []),
      ]);
      let out = `${profile.rows} rows, ${profile.columns.length} columns\n`;
      if (withTarget) {
        out += `target ${profile.target}: bad rate ${formatPercent(profile.bad_rate ?? 0)}, ${profile.target_missing} rows with a missing target excluded\n${profile.woe_conventions}\n`;
      }
      out += formatTable(headers, rows);
      if (args['show-bins']) {
        for (const c of profile.columns) {
          if (c.bad_rate_by_bin === undefined) continue;
          out += `\n${formatTable(
            ['bin', 'count', 'bads', 'bad rate', 'WOE'],
            c.bad_rate_by_bin.map((b) => [b.bin, b.count, b.bads, formatPercent(b.bad_rate), b.woe]),
            { title: `${c.name} (IV ${(c.iv ?? 0).toFixed(4)})` },
          )}`;
        }
      }
      return out;
    });
    return 0;
  },
});
