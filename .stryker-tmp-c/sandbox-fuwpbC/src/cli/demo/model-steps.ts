// @ts-nocheck
import { numericColumn } from '../../frame/index.js';
import { splitRows, trainGbdt } from '../../ml/gbdt/index.js';
import { computeAuc, evaluateBinary } from '../../ml/metrics/index.js';
import { predictScorecardLogit, scoresFromPd, trainScorecard } from '../../ml/scorecard/index.js';
import { predictEnsembleRaw } from '../../ml/tree/index.js';
import { dropMissingTarget } from '../commands/learner-data.js';
import { type Cell, formatPercent, formatTable } from '../output.js';
import { indent, required, round } from './demo-format.js';
import type { DemoStep } from './demo-step.js';

/**
 * The application-time columns a PD model may use: everything known when the applicant applies.
 * Left out: identifiers and dates, the vintage (the downturn is not known in advance), the truth
 * (`true_pd`, `true_bad`), the old policy's outputs and every outcome column — and `age`: the world's
 * PD rises with (age − 40)², and a model that scores older applicants down would give "age" as a
 * decline reason, which ECOA/Reg B (12 CFR 1002.6(b)(2)) does not allow for applicants 62 or older.
 */
export const DEMO_FEATURES = [
  'segment',
  'channel',
  'product',
  'purpose',
  'region',
  'employment_type',
  'employment_years',
  'monthly_income',
  'existing_monthly_debt',
  'bureau_score',
  'open_accounts',
  'delinq_30d_12m',
  'inquiries_3m',
  'inquiries_6m',
  'revolving_utilization',
  'credit_history_months',
  'multi_lender_level',
  'requested_amount',
  'term_months',
  'interest_rate',
  'emi',
  'dti',
  'lti',
] as const;

/** Risk drivers whose effect on PD must keep its sign: more delinquency, more risk; a higher bureau score, less. */
export const DEMO_MONOTONE: Readonly<Record<string, number>> = { delinq_30d_12m: 1, bureau_score: -1, revolving_utilization: 1 };

/** GBDT settings of the demo: 100 trees at most (early stopping on the validation split), 7 leaves of at least 100 loans (a 4% bad rate leaves few bads to fit deeper trees). */
export const DEMO_GBDT = { trees: 100, leaves: 7, learningRate: 0.1, minDataInLeaf: 100, earlyStoppingRounds: 20 } as const;

/** Share of the training rows held out for validation. */
export const DEMO_VALID_FRACTION = 0.3;

/** Step 4: train the GBDT PD model on approved applications with an outcome; validation AUC/KS/Gini and gains. */
export const trainStep: DemoStep = {
  key: 'train',
  title: 'Train the PD model (GBDT, monotone in delinquency, bureau score and utilisation)',
  needs: ['load'],
  minRows: 2000,
  async run(state) {
    const data = required(state.data, 'the applications', 'train');
    const { frame, excluded } = dropMissingTarget(data, 'bad');
    const [train, valid] = splitRows(frame, DEMO_VALID_FRACTION, state.seed);
    const started = performance.now();
    const result = trainGbdt({ frame: train, target: 'bad', features: DEMO_FEATURES, valid }, { ...DEMO_GBDT, monotone: DEMO_MONOTONE, seed: state.seed });
    const gbdtSeconds = (performance.now() - started) / 1000;
    state.model = { ensemble: result.ensemble, features: DEMO_FEATURES };
    const raw = predictEnsembleRaw(result.ensemble, valid);
    const pd = Float64Array.from(raw, (s) => 1 / (1 + Math.exp(-s)));
    const labels = valid.numeric('bad').values;
    const e = evaluateBinary(pd, labels, { bands: 10 });
    // The ceiling on these rows: the world's true PD (approved rows only, so below the 0.83 of all applicants).
    const truePdAuc = computeAuc(valid.numeric('true_pd').values, labels);

    // The WOE scorecard on the same split, for comparison (a classic, fully transparent model).
    const scStart = performance.now();
    const scorecard = await trainScorecard(train, train.numeric('bad').values, DEMO_FEATURES);
    const scLogit = predictScorecardLogit(scorecard.body, valid);
    const scorecardAuc = computeAuc(scLogit, labels);
    const scorecardSeconds = (performance.now() - scStart) / 1000;

    state.results.train = {
      rows_with_outcome: frame.rowCount,
      excluded_no_outcome: excluded,
      train_rows: result.trainRows,
      valid_rows: result.validRows,
      features: DEMO_FEATURES.length,
      monotone: DEMO_MONOTONE,
      trees: result.bestIteration,
      trees_trained: result.treesTrained,
      seconds: round(gbdtSeconds, 3),
      valid: { auc: e.auc, ks: e.ks, gini: e.gini, logloss: e.logloss, brier: e.brier, bad_rate: e.bad_rate, rows: e.rows },
      valid_true_pd_auc: truePdAuc,
      gains: e.gains.map((g) => ({
        band: g.band,
        min_pd: g.min_pd,
        max_pd: g.max_pd,
        count: g.count,
        bads: g.bads,
        bad_rate: g.bad_rate,
        cum_bad_capture: g.cum_bad_capture,
        cum_approval_rate: g.cum_approval_rate,
        lift: g.lift,
      })),
      scorecard: {
        auc: scorecardAuc,
        gini: 2 * scorecardAuc - 1,
        characteristics: scorecard.body.characteristics.length,
        seconds: round(scorecardSeconds, 3),
      },
    };
    state.say(
      `  ${excluded} of ${data.rowCount} applications have no outcome (declined, empty "bad") and are excluded;\n` +
        `  ${result.trainRows} training rows, ${result.validRows} validation rows, ${DEMO_FEATURES.length} features; ` +
        `${result.bestIteration} of ${result.treesTrained} trees kept (early stopping) in ${gbdtSeconds.toFixed(2)} s\n\n`,
    );
    state.say(
      indent(
        formatTable(
          ['validation', 'AUC', 'KS', 'Gini', 'log loss'],
          [
            ['GBDT', e.auc, e.ks, e.gini, e.logloss],
            [`WOE scorecard (${scorecard.body.characteristics.length} characteristics)`, scorecardAuc, null, 2 * scorecardAuc - 1, null],
            ['true PD (the ceiling)', truePdAuc, null, 2 * truePdAuc - 1, null],
          ],
        ),
      ),
    );
    state.say('\n');
    state.say(
      indent(
        formatTable(
          ['decile', 'PD range', 'loans', 'bad rate', 'lift', 'cum. bads caught', 'approval if cut here'],
          e.gains.map((g): Cell[] => [
            g.band,
            g.min_pd === null || g.max_pd === null ? '' : `${formatPercent(g.min_pd)}–${formatPercent(g.max_pd)}`,
            g.count,
            formatPercent(g.bad_rate),
            g.lift.toFixed(2),
            formatPercent(g.cum_bad_capture),
            formatPercent(g.cum_approval_rate),
          ]),
          { title: 'Gains on the validation split (decile 1 = riskiest)' },
        ),
      ),
    );
  },
};

/** Score bands of the score step's table (lower edges; the last band runs to 850). */
const SCORE_BANDS = [300, 500, 540, 560, 580, 600, 620] as const;

/** Step 5: PD and 300–850 score for every applicant; in the synthetic world the truth is known for declines too. */
export const scoreStep: DemoStep = {
  key: 'score',
  title: 'Score every applicant: PD and a 300–850 score (600 at odds 50:1, 20 points to double)',
  needs: ['train'],
  run(state) {
    const data = required(state.data, 'the applications', 'score');
    const model = required(state.model, 'the trained model', 'score');
    const raw = predictEnsembleRaw(model.ensemble, data);
    const pd = Float64Array.from(raw, (s) => 1 / (1 + Math.exp(-s)));
    // whole points, as `credo score` reports them
    const score = scoresFromPd(pd).map(Math.round);
    state.scored = { pd, score };
    state.data = data.withColumn(numericColumn('pd', pd)).withColumn(numericColumn('score', score));
    const approved = data.numeric('approved').values;
    const trueBad = data.numeric('true_bad').values;
    const truePd = data.numeric('true_pd').values;
    const declined = Uint8Array.from(approved, (a) => (a === 1 ? 0 : 1));
    const aucAll = computeAuc(pd, trueBad);
    const aucDeclined = computeAuc(subset(pd, declined), subset(trueBad, declined));
    const aucTrue = computeAuc(truePd, trueBad);
    const aucOld = computeAuc(
      Float64Array.from(data.numeric('old_score').values, (s) => -s),
      trueBad,
    );
    const k = SCORE_BANDS.length;
    const count = new Float64Array(k);
    const sumPd = new Float64Array(k);
    const sumTrue = new Float64Array(k);
    const sumApproved = new Float64Array(k);
    for (let i = 0; i < pd.length; i++) {
      const s = score[i] as number;
      let b = k - 1;
      while (b > 0 && s < (SCORE_BANDS[b] as number)) b--;
      count[b] = (count[b] as number) + 1;
      sumPd[b] = (sumPd[b] as number) + (pd[i] as number);
      sumTrue[b] = (sumTrue[b] as number) + (trueBad[i] as number);
      sumApproved[b] = (sumApproved[b] as number) + (approved[i] === 1 ? 1 : 0);
    }
    const bands = SCORE_BANDS.map((lo, b) => ({
      band: `${lo}–${b + 1 < k ? (SCORE_BANDS[b + 1] as number) - 1 : 850}`,
      applicants: count[b] as number,
      approved_share: (count[b] as number) > 0 ? (sumApproved[b] as number) / (count[b] as number) : 0,
      mean_pd: (count[b] as number) > 0 ? (sumPd[b] as number) / (count[b] as number) : 0,
      true_bad_rate: (count[b] as number) > 0 ? (sumTrue[b] as number) / (count[b] as number) : 0,
    }));
    let meanPd = 0;
    for (const p of pd) meanPd += p;
    meanPd /= pd.length;
    state.results.score = {
      rows: pd.length,
      mean_pd: meanPd,
      auc_true_bad_all: aucAll,
      auc_true_bad_declined: aucDeclined,
      auc_true_pd: aucTrue,
      auc_old_score: aucOld,
      bands,
    };
    state.say(
      `  ${pd.length} applicants scored, mean PD ${formatPercent(meanPd)}. The synthetic world knows every applicant's true outcome,\n` +
        `  so the model can be checked on the declined applicants it never saw: AUC for the true outcome\n` +
        `  ${aucAll.toFixed(4)} on all applicants, ${aucDeclined.toFixed(4)} on declines (true PD ${aucTrue.toFixed(4)}, old score ${aucOld.toFixed(4)})\n\n`,
    );
    state.say(
      indent(
        formatTable(
          ['score band', 'applicants', 'approved by old policy', 'mean model PD', 'true bad rate'],
          bands.map((b): Cell[] => [b.band, b.applicants, formatPercent(b.approved_share), formatPercent(b.mean_pd), formatPercent(b.true_bad_rate)]),
        ),
      ),
    );
  },
};

function subset(values: Float64Array, mask: Uint8Array): Float64Array {
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (mask[i] === 1) out.push(values[i] as number);
  return Float64Array.from(out);
}
