// @ts-nocheck
// 
import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { loadModel } from '../../io/model-file.js';
import type { CredoModel } from '../../ml/model.js';
import { scorecardCsv, scorecardTable } from '../../ml/scorecard/index.js';
import { defineCommand } from '../command.js';
import { outputPath } from '../data-input.js';
import { formatTable, printResult } from '../output.js';

/** `credo scorecard table --model FILE`: the points table of a scorecard model, as a table, CSV or JSON. */
export const scorecardTableCommand = defineCommand({
  name: 'scorecard table',
  summary: 'Print or export the points table of a scorecard model (feature, bin, WOE, points)',
  details:
    'points = −factor·β·WOE + (offset − factor·β₀)/k, factor = PDO/ln 2, offset = base score − factor·ln(base odds);\n' +
    'a row’s points add up to its (unclamped) score. Example: credo scorecard table --model sc.json --out scorecard.csv',
  flags: {
    model: { type: 'string', required: true, description: 'scorecard model file' },
    out: { type: 'string', description: 'write the table to this file (.csv, or .json)' },
  },
  async run(args, _positionals, context) {
    await outputPath(context, args.out, ['.csv', '.json']);
    const model = await loadModel<CredoModel>(resolve(context.cwd, args.model));
    if (model.kind !== 'scorecard')
      throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'model', problem: `is a ${model.kind} model, not a scorecard`, value: args.model });
    const body = model.body;
    const rows = scorecardTable(body);
    if (args.out !== undefined) {
      const text = args.out.endsWith('.json')
        ? `${JSON.stringify({ scaling: body.scaling, woe: body.woe, intercept: body.intercept, rows }, null, 2)}\n`
        : scorecardCsv(body);
      await writeFile(resolve(context.cwd, args.out), text);
    }
    const result = { model: args.model, scaling: body.scaling, woe: body.woe, intercept: body.intercept, rows };
    printResult(context, result, () => {
      const s = body.scaling;
      let out = `${s.base_score} points at ${s.base_odds}:1, PDO ${s.pdo} (factor ${s.factor.toFixed(4)}, offset ${s.offset.toFixed(4)}); scores reported within ${s.min}–${s.max}\n`;
      out += `WOE sign ${body.woe.sign}, smoothing +${body.woe.smoothing}\n`;
      out += formatTable(
        ['feature', 'bin', 'label', 'WOE', 'coefficient', 'points'],
        rows.map((r) => [r.feature, r.bin, r.label, r.woe, r.coefficient, Math.round(r.points * 100) / 100]),
        { digits: 2 },
      );
      if (args.out !== undefined) out += `\nwrote ${args.out}\n`;
      return out;
    });
    return 0;
  },
});
