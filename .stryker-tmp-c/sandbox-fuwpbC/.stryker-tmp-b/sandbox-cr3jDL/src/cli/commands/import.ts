// @ts-nocheck
// 
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { saveModel } from '../../io/model-file.js';
import { importLightgbm, importXgboost } from '../../ml/gbdt/index.js';
import { defineCommand } from '../command.js';
import { outputPath } from '../data-input.js';
import { formatTable, printResult } from '../output.js';

/** `credo import --from xgboost|lightgbm FILE --out MODEL.json`. */
export const importCommand = defineCommand({
  name: 'import',
  summary: 'Import an XGBoost JSON or LightGBM text model as a Credo model file (same raw margins)',
  details:
    'XGBoost: Booster.save_model("m.json"). LightGBM: Booster.save_model("m.txt").\n' +
    'Categorical features expect the category codes as labels ("0", "1", …).\n' +
    'Example: credo import --from xgboost m.json --out pd.json',
  flags: {
    from: { type: 'enum', choices: ['xgboost', 'lightgbm'] as const, required: true, description: 'source library' },
    out: { type: 'string', required: true, description: 'Credo model file to write' },
    target: { type: 'string', default: 'bad', description: 'target name recorded in the model' },
  },
  positionals: [{ name: 'file', description: 'model file to import', required: true }],
  async run(args, positionals, context) {
    await outputPath(context, args.out, []);
    const file = resolve(context.cwd, positionals[0]!);
    const options = { createdAt: new Date().toISOString(), target: args.target, file: positionals[0]! };
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch {
      throw new CredoError('E_FILE_NOT_FOUND', { file: positionals[0]! });
    }
    const model = args.from === 'xgboost' ? importXgboost(text, options) : importLightgbm(text, options);
    await saveModel(model, resolve(context.cwd, args.out));
    const ensemble = model.body.ensemble;
    const result = {
      from: args.from,
      model: args.out,
      trees: ensemble.trees.length,
      features: ensemble.features.length,
      objective: ensemble.objective,
      base_score: ensemble.baseScore,
    };
    printResult(
      context,
      result,
      () => `${formatTable(['from', 'trees', 'features', 'objective', 'out'], [[args.from, result.trees, result.features, result.objective, args.out]])}\n`,
    );
    return 0;
  },
});
