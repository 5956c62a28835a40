// @ts-nocheck
// 
import { type SelectionComparison, type SelectionMethod, votesNeeded } from '../../ml/selection/index.js';
import { type Cell, formatCell, formatTable } from '../output.js';

/** What the report states beside the comparison itself. */
export interface ReportInputs {
  readonly data: string;
  readonly target: string;
  readonly excluded: number;
  readonly transform: 'woe' | 'raw';
  readonly methods: readonly SelectionMethod[];
  readonly folds: number;
  readonly minFrequency: number;
  readonly seed: number;
  readonly causal: readonly string[];
  /** Mean |SHAP| of the permutation model on its validation rows (tree models only). */
  readonly meanAbsShap: ReadonlyMap<string, number> | undefined;
  readonly settings: { model: string; repeats: number; rounds: number; trees: number; alpha: number; maxRows: number };
}

const round = (x: number | null | undefined, digits = 6) => (x === null || x === undefined || !Number.isFinite(x) ? null : Number(x.toFixed(digits)));

/**
 * The JSON report of `credo features select --method …`: the keys of the plain command (kept,
 * dropped, stepwise_steps, rfe_eliminated) describe the final choice; `table` has one row per
 * feature with every method's score, rank and choice; `stability` per method (and 'final') the
 * fold frequencies, mean pairwise Jaccard index and each fold's chosen set; `recovery` how many of the `--causal` features each method chose.
 */
export function comparisonReport(c: SelectionComparison, inputs: ReportInputs) {
  const { full } = c;
  const ig = new Map((full.ig ?? []).map((r) => [r.feature, r]));
  const permutation = new Map((full.permutation?.features ?? []).map((r) => [r.feature, r]));
  const boruta = new Map((full.boruta?.features ?? []).map((r) => [r.feature, r]));
  const table = c.final.map((f) => ({
    feature: f.feature,
    iv: round(full.iv.get(f.feature)),
    ig_bits: round(ig.get(f.feature)?.ig),
    gain_ratio: round(ig.get(f.feature)?.gainRatio),
    symmetric_uncertainty: round(ig.get(f.feature)?.symmetricUncertainty),
    ig_p_value: ig.has(f.feature) ? (ig.get(f.feature)?.pValue ?? null) : null,
    permutation_auc_drop: round(permutation.get(f.feature)?.mean),
    permutation_se: round(permutation.get(f.feature)?.se),
    mean_abs_shap: round(inputs.meanAbsShap?.get(f.feature)),
    boruta_hits: boruta.get(f.feature)?.hits ?? null,
    boruta_decision: boruta.get(f.feature)?.decision ?? null,
    methods: Object.fromEntries(
      inputs.methods.map((m) => {
        const s = full.scores.get(m)?.get(f.feature);
        return [m, { score: round(s?.score), rank: s?.rank ?? null, chosen: s?.chosen ?? false }];
      }),
    ),
    fold_frequency: f.frequency,
    kept: f.kept,
    rule: f.rule,
    reason: f.reason,
  }));
  const foldSets = (m: SelectionMethod | 'final') =>
    c.folds.map((run) => (m === 'final' ? [...run.chosen] : run.candidates.filter((x) => run.scores.get(m)?.get(x)?.chosen)));
  const stability = Object.fromEntries(
    [...c.stability].map(([m, s]) => [
      m,
      { jaccard: round(s.jaccard), frequency: Object.fromEntries([...s.frequency].map(([k, v]) => [k, round(v)])), fold_sets: foldSets(m) },
    ]),
  );
  const causal = new Set(inputs.causal);
  const recovery =
    causal.size === 0
      ? null
      : {
          causal: inputs.causal,
          methods: Object.fromEntries(
            [...inputs.methods, 'final' as const].map((m) => {
              const chosen =
                m === 'final' ? c.final.filter((f) => f.kept).map((f) => f.feature) : full.candidates.filter((x) => full.scores.get(m)?.get(x)?.chosen);
              const found = chosen.filter((x) => causal.has(x));
              return [
                m,
                {
                  found: found.length,
                  of: causal.size,
                  chosen: chosen.length,
                  false_picks: chosen.filter((x) => !causal.has(x)),
                  missed: inputs.causal.filter((x) => !chosen.includes(x)),
                },
              ];
            }),
          ),
        };
  const kept = c.final.filter((f) => f.kept);
  return {
    data: inputs.data,
    target: inputs.target,
    rows: full.rows,
    excluded_rows: inputs.excluded,
    transform: inputs.transform,
    kept: kept.map((f) => ({ feature: f.feature, iv: full.iv.get(f.feature) ?? 0 })),
    dropped: c.final.filter((f) => !f.kept).map((f) => ({ feature: f.feature, rule: f.rule, reason: f.reason, iv: full.iv.get(f.feature) ?? 0 })),
    stepwise_steps: full.stepwise?.steps ?? [],
    rfe_eliminated: full.rfe?.eliminated ?? [],
    methods: inputs.methods,
    votes_needed: votesNeeded(inputs.methods.length),
    folds: inputs.folds,
    min_frequency: inputs.minFrequency,
    seed: inputs.seed,
    tests: {
      iv: 'chosen when IV ≥ --min-iv',
      ig: `IG in bits on the IV bins (categories one by one, missing its own level); chosen when the G-test p-value < ${inputs.settings.alpha}/${full.candidates.length} (Bonferroni)`,
      rfe: `logistic RFE on the filter survivors; chosen: the ${full.rfe?.keep ?? '—'} best of the path`,
      stepwise: 'logistic stepwise on the filter survivors; chosen = selected',
      permutation: `${inputs.settings.model}, mean AUC drop over ${inputs.settings.repeats} permutations on a stratified 25% validation split (${full.permutation?.valid.rowCount ?? '—'} rows, baseline AUC ${round(full.permutation?.baseline, 4) ?? '—'}); chosen when mean − 2·se > 0`,
      boruta: `${inputs.settings.rounds} rounds of a ${inputs.settings.trees}-tree forest (depth ≤ 6, ≥ 50 rows a leaf), importance = AUC drop when permuted on a held-out 25%, with shadows; confirmed when P(Binomial(${inputs.settings.rounds}, ½) ≥ hits) < ${inputs.settings.alpha}/${full.candidates.length} (Bonferroni)`,
      sample: `permutation and Boruta use at most ${inputs.settings.maxRows} rows (seeded sample)`,
    },
    table,
    // Features that do not beat the best shadow significantly (Boruta rejected or tentative); null without boruta.
    boruta_not_surviving:
      full.boruta === undefined
        ? null
        : full.boruta.features.filter((f) => f.decision !== 'confirmed').map((f) => ({ feature: f.feature, hits: f.hits, decision: f.decision })),
    stability,
    recovery,
  };
}

const label: Record<SelectionMethod, string> = { iv: 'IV', ig: 'IG bits', rfe: 'RFE', stepwise: 'stepwise', permutation: 'perm ΔAUC', boruta: 'Boruta hits' };

/** The side-by-side text table: per method "score #rank", a ✓ when chosen; then folds, final and reason. */
export function renderComparison(r: ReturnType<typeof comparisonReport>): string {
  const methods = r.methods;
  const headers = [
    'feature',
    ...methods.map((m) => label[m]),
    ...(r.table.some((t) => t.mean_abs_shap !== null) ? ['mean |SHAP|'] : []),
    'folds',
    'final',
    'reason',
  ];
  const withShap = headers.includes('mean |SHAP|');
  const rows = r.table.map((t) => [
    t.feature,
    ...methods.map((m) => {
      const s = t.methods[m] as { score: number | null; rank: number | null; chosen: boolean };
      if (s.rank === null) return '—';
      const score =
        m === 'stepwise' || s.score === null
          ? ''
          : m === 'permutation'
            ? `${formatCell(s.score, 4)}±${formatCell(t.permutation_se, 4)} `
            : `${formatCell(s.score, m === 'boruta' ? 0 : 4)} `;
      return `${score}#${s.rank}${s.chosen ? ' ✓' : ''}`;
    }),
    ...(withShap ? [t.mean_abs_shap] : []),
    t.fold_frequency === null ? '—' : `${Math.round(t.fold_frequency * 100)}%`,
    t.kept ? 'kept' : 'dropped',
    t.reason,
  ]) as Cell[][];
  let out = `${r.rows} rows (${r.excluded_rows} with an empty target excluded); ${r.kept.length} of ${r.table.length} features kept: chosen by at least ${r.votes_needed} of ${methods.length} methods`;
  out += r.folds > 0 ? ` and in at least ${Math.round(r.min_frequency * 100)}% of ${r.folds} fold runs\n` : '\n';
  out += formatTable(headers, rows, { digits: 4 });
  out += '\nTests:\n';
  for (const m of methods) out += `  ${m}: ${r.tests[m]}\n`;
  if (methods.includes('permutation') || methods.includes('boruta')) out += `  ${r.tests.sample}\n`;
  if (r.boruta_not_surviving !== null) {
    const list = (d: string) =>
      r.boruta_not_surviving
        ?.filter((x) => x.decision === d)
        .map((x) => x.feature)
        .join(', ') || 'none';
    out += `Would not survive the shadows: rejected ${list('rejected')}; tentative ${list('tentative')}\n`;
  }
  if (r.folds > 0) {
    out += `Jaccard stability over ${r.folds} folds: `;
    out += Object.entries(r.stability)
      .map(([m, s]) => `${m} ${formatCell(s.jaccard, 3)}`)
      .join(', ');
    out += '\n';
  }
  if (r.recovery !== null) {
    out += `Causal features recovered (of ${r.recovery.causal.length}): `;
    out += Object.entries(r.recovery.methods)
      .map(([m, x]) => `${m} ${x.found} (${x.chosen} chosen)`)
      .join(', ');
    out += '\n';
  }
  return out;
}
