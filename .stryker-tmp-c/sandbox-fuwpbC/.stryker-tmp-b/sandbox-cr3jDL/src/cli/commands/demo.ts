// @ts-nocheck
// 
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineCommand } from '../command.js';
import { checkRows, type DemoState, demoSteps, selectSteps } from '../demo/index.js';
import { printResult } from '../output.js';

/** `credo demo` (what `npm start` runs): the guided tour on the synthetic lending world. */
export const demoCommand = defineCommand({
  name: 'demo',
  summary:
    'Run the end-to-end demo on the synthetic lending world: generate, profile, train a PD model, score, explain, loss and capital, swap set, simulation, cutoff optimisation',
  details:
    'Everything runs in-process on embedded defaults: no server, no network. Files go to a temporary folder that is removed\n' +
    'afterwards, unless --out-dir keeps them. --steps runs some steps (and the steps they need).\n' +
    `Steps: ${demoSteps.map((s) => s.key).join(', ')}.\n` +
    'Example: credo demo --rows 50000 --seed 42 --out-dir demo-out\n' +
    '         credo demo --steps train,money --rows 20000 --json',
  flags: {
    rows: { type: 'int', default: 50000, min: 100, max: 5000000, description: 'applications in the synthetic world' },
    seed: { type: 'int', default: 42, min: 0, description: 'random seed' },
    'out-dir': { type: 'string', description: 'keep the demo files in this folder (created if needed)' },
    steps: { type: 'list', description: `run only these steps and those they need (${demoSteps.map((s) => s.key).join(', ')})` },
  },
  async run(args, _positionals, context) {
    const steps = selectSteps(demoSteps, args.steps);
    checkRows(steps, args.rows);
    const keep = args['out-dir'] !== undefined;
    const workDir = keep ? resolve(context.cwd, args['out-dir'] as string) : await mkdtemp(join(tmpdir(), 'credo-demo-'));
    if (keep) await mkdir(workDir, { recursive: true });
    const state: DemoState = {
      context,
      workDir,
      rows: args.rows,
      seed: args.seed,
      files: {},
      results: {},
      say: (text) => {
        if (!context.json) context.stdout(text);
      },
    };
    const started = performance.now();
    try {
      state.say(`Credo demo: a synthetic lending world of ${args.rows} applications (seed ${args.seed})\n`);
      for (const [index, step] of steps.entries()) {
        const stepStart = performance.now();
        state.say(`\n[${index + 1}/${steps.length}] ${step.title}\n`);
        await step.run(state);
        state.say(`  (${((performance.now() - stepStart) / 1000).toFixed(2)} s)\n`);
      }
    } finally {
      if (!keep) await rm(workDir, { recursive: true, force: true });
    }
    const seconds = Math.round(performance.now() - started) / 1000;
    const result = { rows: args.rows, seed: args.seed, steps: state.results, files: keep ? state.files : null, seconds };
    printResult(context, result, () => {
      const where = keep
        ? `\nFiles kept in ${workDir}:\n${Object.entries(state.files)
            .map(([role, path]) => `  ${role}: ${path}\n`)
            .join('')}`
        : '';
      return `${where}\nDone in ${seconds.toFixed(2)} s.${keep ? '' : ' (temporary files removed; --out-dir DIR keeps them)'}\n`;
    });
    return 0;
  },
});
