// @ts-nocheck
// 
import { type Explanation, explainRowsSync, featureImportance, principalReasons, rowMajorInput, treeExplainerOf } from '../../explain/index.js';
import { valueAt } from '../../frame/index.js';
import { readCatalogue } from '../commands/explain-common.js';
import { type Cell, formatPercent, formatTable } from '../output.js';
import { indent, required, round } from './demo-format.js';
import type { DemoStep } from './demo-step.js';

/** Declined applicants explained in detail. */
const EXPLAINED = 3;
/** Model PD from which a declined applicant is explained (the model agrees with the decline). */
const RISKY_PD = 0.1;
/** Rows whose mean |SHAP| gives the global importance (the first rows of the file: deterministic). */
const IMPORTANCE_ROWS = 2000;

/**
 * Step 6: principal reasons (top 4, exact TreeSHAP, plain-language text from `data/reasons.json`)
 * for declined applicants, and global importance by mean |SHAP|.
 */
export const explainStep: DemoStep = {
  key: 'explain',
  title: 'Explain: reason codes for declined applicants (exact TreeSHAP) and global importance',
  needs: ['score'],
  async run(state) {
    const data = required(state.data, 'the applications', 'explain');
    const model = required(state.model, 'the trained model', 'explain');
    const scored = required(state.scored, 'the scores', 'explain');
    const catalogue = await readCatalogue(state.context.cwd, undefined);
    const explainer = treeExplainerOf(model.ensemble);
    const features = model.ensemble.features.map((f) => f.name);
    const p = features.length;

    // The first applicants in the file that the old policy declined and the model also rates risky.
    const approved = data.numeric('approved').values;
    const rows: number[] = [];
    for (let i = 0; i < data.rowCount && rows.length < EXPLAINED; i++) if (approved[i] !== 1 && (scored.pd[i] as number) >= RISKY_PD) rows.push(i);
    const picked = data.take(Int32Array.from(rows));
    const values = explainRowsSync(explainer.compiled, rowMajorInput(explainer.ensemble, picked), rows.length);
    const explanation: Explanation = {
      features,
      rowCount: rows.length,
      values,
      expectedValue: explainer.compiled.expectedValue,
      method: 'tree-shap-path-dependent',
    };
    const ids = data.column('application_id');
    const applicants = rows.map((row, k) => {
      const reasons = principalReasons(explanation, k, (j) => valueAt(picked.column(features[j] as string), k), catalogue, { count: 4 });
      return {
        application_id: valueAt(ids, row),
        pd: scored.pd[row] as number,
        score: Math.round(scored.score[row] as number),
        reasons: reasons.map((r) => ({ rank: r.rank, code: r.code, feature: r.feature, value: r.value, contribution: round(r.contribution), text: r.text })),
      };
    });

    const sample = data.slice(0, Math.min(IMPORTANCE_ROWS, data.rowCount));
    const sampleValues = explainRowsSync(explainer.compiled, rowMajorInput(explainer.ensemble, sample), sample.rowCount);
    const importance = featureImportance(model.ensemble, features, {
      features,
      rowCount: sample.rowCount,
      values: sampleValues,
      expectedValue: explainer.compiled.expectedValue,
      method: 'tree-shap-path-dependent',
    }).slice(0, 5);

    state.results.explain = {
      method: 'tree-shap-path-dependent',
      expected_value: explainer.compiled.expectedValue,
      applicants,
      importance: importance.map((f) => ({ feature: f.feature, mean_abs_shap: f.meanAbsShap, gain: f.gain, splits: f.splits })),
      importance_rows: sample.rowCount,
      features: p,
    };
    state.say(
      `  the first ${applicants.length} applicants declined by the old policy with a model PD of ${formatPercent(RISKY_PD)} or more; reasons relative to the average applicant\n\n`,
    );
    for (const a of applicants) {
      state.say(`  ${a.application_id}: PD ${formatPercent(a.pd)}, score ${a.score}\n`);
      state.say(
        indent(
          formatTable(
            ['rank', 'code', 'feature', 'value', 'reason'],
            a.reasons.map((r): Cell[] => [r.rank, r.code, r.feature, typeof r.value === 'number' ? round(r.value, 4) : r.value, r.text]),
          ),
        ),
      );
      state.say('\n');
    }
    state.say(
      indent(
        formatTable(
          ['feature', 'mean |SHAP|', 'splits'],
          importance.map((f): Cell[] => [f.feature, f.meanAbsShap, f.splits]),
          { title: `Global importance (mean |SHAP| over ${sample.rowCount} applicants, log-odds)` },
        ),
      ),
    );
  },
};
