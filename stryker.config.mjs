// StrykerJS mutation testing (not in CI: slow). Run through scripts/mutation.sh, one area at a time:
//   bash scripts/mutation.sh finance      (areas: see AREAS below)
// CREDO_MUTATE_FILES narrows the mutated files (Stryker's `file.ts:10-80` line ranges work), CREDO_MUTATE_TESTS
// the compiled test files run per mutant (comma-separated).
// The command test runner runs the area's compiled tests for each mutant; the sandbox is compiled once
// (mutant schemata: every mutant is built in, switched on by __STRYKER_ACTIVE_MUTANT__).
const AREAS = {
  finance: { mutate: ['src/finance/**/*.ts'], tests: ['dist/src/finance/*.test.js'] },
  gbdt: {
    mutate: ['src/ml/gbdt/objective.ts', 'src/ml/gbdt/split.ts', 'src/ml/gbdt/grow.ts'],
    tests: [
      'dist/src/ml/gbdt/objective.test.js',
      'dist/src/ml/gbdt/split.test.js',
      'dist/src/ml/gbdt/split-constrained.test.js',
      'dist/src/ml/gbdt/split-categorical.test.js',
      'dist/src/ml/gbdt/grow.test.js',
      'dist/test/gbdt-xgboost-trees.test.js',
    ],
  },
  explain: { mutate: ['src/explain/**/*.ts', '!src/explain/workers/**'], tests: ['dist/src/explain/*.test.js', 'dist/test/explain/*.test.js'] },
  binning: { mutate: ['src/ml/binning/**/*.ts'], tests: ['dist/src/ml/binning/*.test.js'] },
  simulate: { mutate: ['src/portfolio/simulate/**/*.ts', '!src/portfolio/simulate/workers/**'], tests: ['dist/src/portfolio/simulate/*.test.js'] },
  optimise: { mutate: ['src/portfolio/optimise/**/*.ts', '!src/portfolio/optimise/workers/**'], tests: ['dist/src/portfolio/optimise/*.test.js'] },
};
const area = process.env.CREDO_MUTATE ?? 'finance';
const chosen = AREAS[area];
if (chosen === undefined) throw new Error(`CREDO_MUTATE must be one of ${Object.keys(AREAS).join(', ')} (got ${area})`);
const files = process.env.CREDO_MUTATE_FILES?.split(',').filter(Boolean);
const tests = process.env.CREDO_MUTATE_TESTS?.split(',').filter(Boolean) ?? chosen.tests;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'command',
  commandRunner: { command: `TZ=UTC node --no-wasm-tier-up --test --test-force-exit --test-concurrency=1 ${tests.join(' ')}` },
  // Run without a shell; mutated files carry // @ts-nocheck, so the instrumented tree compiles.
  buildCommand: 'npx tsc -p tsconfig.json',
  mutate: [...(files ?? chosen.mutate), '!**/*.test.ts', '!**/test-frames.ts'],
  // Stryker rewrites tsconfig references through the TypeScript API, which TypeScript 7 (native) lacks;
  // the project has no references, so point it at no file and the step is skipped.
  tsconfigFile: 'no-tsconfig-rewrite.json',
  ignorePatterns: ['dist', '.build', 'bench/out', 'reports', '.stryker-tmp*'],
  coverageAnalysis: 'off',
  concurrency: Number(process.env.CREDO_MUTATE_CONCURRENCY ?? 1),
  timeoutMS: 30_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${area}.json` },
  clearTextReporter: { allowColor: false, logTests: false, maxTestsToLog: 0 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: true,
};
