// @ts-nocheck
import { resolve } from 'node:path';
import { unmappedFeatures } from '../../explain/index.js';
import { loadModel } from '../../io/model-file.js';
import type { CredoModel } from '../../ml/model.js';
import { defineCommand } from '../command.js';
import { printResult } from '../output.js';
import { defaultCataloguePath, readCatalogue } from './explain-common.js';

/** `credo reasons check`: which model features the reason catalogue does not map. */
export const reasonsCheckCommand = defineCommand({
  name: 'reasons check',
  summary: 'Check a reason catalogue against a model: list features without their own reason code',
  details:
    'Unmapped features get the catalogue’s generic text; adverse-action notices need specific reasons, so map them.\n' +
    'Exit code 0 when every feature is mapped, 3 when some are not (the list is printed either way).\n' +
    'Example: credo reasons check --model m.json --catalogue data/reasons.json',
  flags: {
    model: { type: 'string', required: true, description: 'model file' },
    catalogue: { type: 'string', description: 'reason catalogue JSON (default: the shipped data/reasons.json)' },
  },
  async run(args, _positionals, context) {
    const model = await loadModel<CredoModel>(resolve(context.cwd, args.model));
    const catalogue = await readCatalogue(context.cwd, args.catalogue);
    const features = model.schema.columns.map((c) => c.name);
    const unmapped = unmappedFeatures(catalogue, features);
    const result = { catalogue: args.catalogue ?? defaultCataloguePath(), features: features.length, mapped: features.length - unmapped.length, unmapped };
    printResult(context, result, () =>
      unmapped.length === 0
        ? `all ${features.length} features have a reason code\n`
        : `${unmapped.length} of ${features.length} features have no reason code (they get "${catalogue.generic.code}: ${catalogue.generic.text}"):\n${unmapped.map((f) => `  ${f}\n`).join('')}`,
    );
    return unmapped.length === 0 ? 0 : 3;
  },
});
