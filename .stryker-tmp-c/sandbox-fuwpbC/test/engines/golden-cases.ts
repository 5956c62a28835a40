// @ts-nocheck
import { readFileSync } from 'node:fs';
import { parseReasonCatalogue } from '../../src/explain/index.js';
import { importLightgbm, importXgboost } from '../../src/ml/gbdt/index.js';
import type { CredoModel } from '../../src/ml/model.js';
import {
  compileLiftSql,
  compileModelSql,
  compileRollRatesSql,
  compileStrategyQuery,
  compileSwapsetSql,
  compileVintageSql,
  type DialectName,
  dialects,
} from '../../src/sql/index.js';
import { type ActiveRule, activeRules, parseStrategy } from '../../src/strategy/index.js';
import { repoPath } from '../repo-root.js';

/** One golden statement: a name and the SQL text per dialect. */
export interface GoldenCase {
  readonly name: string;
  readonly sql: (dialect: DialectName) => string;
}

/** A logistic model over hostile names (a keyword, spaces, quotes, backticks) and hostile labels. */
export function hostileLogistic(): CredoModel {
  return {
    kind: 'logistic',
    schema: { columns: [] },
    target: 'bad',
    params: {},
    metrics: {},
    createdAt: '',
    body: {
      version: 1,
      intercept: -1.25,
      terms: [
        { feature: 'select', type: 'number', coefficient: 0.75, fill: 0.1 },
        { feature: 'from where`; --', type: 'number', coefficient: -1e-7, fill: 3 },
        { feature: "it's", type: 'category', reference: 'plain', levels: { "x'); DROP TABLE t; --": 0.5, 'back\\slash': -0.25, 'quo"te': 1 / 3, 'tick`': 2 } },
      ],
      l1: 0,
      l2: 0,
      design: [],
      standard_errors: [],
      p_values: [],
      vif: [],
      converged: true,
    },
  };
}

/** A scorecard with numeric and categorical characteristics, specials and missing bins. */
export function smallScorecard(): CredoModel {
  return {
    kind: 'scorecard',
    schema: { columns: [] },
    target: 'bad',
    params: {},
    metrics: {},
    createdAt: '',
    body: {
      version: 1,
      intercept: -0.8,
      characteristics: [
        {
          feature: 'dti',
          spec: { feature: 'dti', type: 'number', splits: [0.2, 0.45], specials: [-1] },
          woe: [0.6, 0.1, -0.7, 0.2, -0.3],
          coefficient: -0.9,
          points: [],
          iv: 0.2,
        },
        {
          feature: 'segment',
          spec: { feature: 'segment', type: 'category', groups: [['new'], ['repeat', 'top-up']], specials: [], unseen: 'missing' },
          woe: [-0.4, 0.5, 0],
          coefficient: -1.1,
          points: [],
          iv: 0.1,
        },
      ],
      scaling: { base_score: 600, base_odds: 50, pdo: 20, min: 300, max: 850, factor: 20 / Math.LN2, offset: 600 - (20 / Math.LN2) * Math.log(50) },
      woe: { smoothing: 0.5, sign: 'goods-over-bads' },
    },
  };
}

/** A reason catalogue for `hostileLogistic` whose codes and texts carry quotes, backslashes and SQL. */
function hostileCatalogue() {
  return parseReasonCatalogue({
    version: 1,
    generic: { code: "G'9", text: 'Other factors ({feature})' },
    genericMissing: { code: 'G\\8', text: '{feature} not provided' },
    features: {
      select: { code: 'S1', text: "x'); DROP TABLE t; --", inquiries: true, special: [{ value: -1, code: 'S2', text: 'no "record"' }] },
      "it's": { code: 'I1', text: 'Label `tick`', special: [{ value: 'quo"te', code: 'I2', text: "it's special" }] },
    },
  });
}

function strategy(name: string): ActiveRule[] {
  return activeRules(parseStrategy(readFileSync(repoPath('examples', 'strategies', `${name}.yaml`), 'utf8')));
}

/**
 * The statements kept as golden files under test/fixtures/sql/<dialect>/ (parsed by sqlglot in
 * the engines runner): models from fixed files (XGBoost and LightGBM imports, a hostile-name
 * logistic, a scorecard), a strategy with a model call, and the four analyses.
 */
export function goldenCases(): GoldenCase[] {
  const xgb = importXgboost(readFileSync(repoPath('test', 'fixtures', 'xgboost', 'categorical.json'), 'utf8'), { file: 'categorical.json', createdAt: '' });
  const lgb = importLightgbm(readFileSync(repoPath('test', 'fixtures', 'lightgbm', 'small.txt'), 'utf8'), { file: 'small.txt', createdAt: '' });
  const withModel = activeRules(
    parseStrategy('name: m\nrules:\n  - {id: r1, when: pd(champion) > 0.2, action: decline}\n  - {id: r2, when: "segment == \\"o\'brien\\"", action: refer}\n'),
  );
  const model = (m: CredoModel, keys: string[]) => (d: DialectName) => compileModelSql(m, { dialect: dialects[d], table: 'credo.applications', keys }).text;
  return [
    { name: 'model-xgboost', sql: model(xgb, ['id']) },
    { name: 'model-lightgbm', sql: model(lgb, []) },
    { name: 'model-hostile-logistic', sql: model(hostileLogistic(), ['my "id"']) },
    { name: 'model-scorecard', sql: model(smallScorecard(), ['application_id']) },
    {
      name: 'model-hostile-logistic-reasons',
      sql: (d) =>
        compileModelSql(hostileLogistic(), {
          dialect: dialects[d],
          table: 'credo.applications',
          keys: ['my "id"'],
          reasons: { count: 2, catalogue: hostileCatalogue() },
        }).text,
    },
    {
      name: 'rules-with-model',
      sql: (d) => `${compileStrategyQuery(withModel, { dialect: dialects[d], keys: ['application_id'], models: { champion: smallScorecard() } })};\n`,
    },
    {
      name: 'lift',
      sql: (d) =>
        `${compileLiftSql(strategy('new-policy'), { dialect: dialects[d], target: 'bad', amount: 'requested_amount', by: 'segment', outcomes: [{ name: 'fpd7', numerator: 'fpd7_overdue_amount', denominator: 'fpd7_due_amount' }] })};\n`,
    },
    {
      name: 'swapset',
      sql: (d) =>
        `${compileSwapsetSql(strategy('old-policy'), strategy('new-policy'), { dialect: dialects[d], target: 'bad', amount: 'requested_amount', trueTarget: 'true_bad', by: 'segment' })};\n`,
    },
    { name: 'vintage', sql: (d) => `${compileVintageSql(dialects[d], 'performance')};\n` },
    { name: 'roll-rates', sql: (d) => `${compileRollRatesSql(dialects[d], 'performance')};\n` },
  ];
}
