// @ts-nocheck
import type { Frame } from '../frame/index.js';
import { assignBins, binCount, binLabels, type CsiRow, computeCsi, computePsi } from '../ml/binning/index.js';
import { type LeakageFinding, leakageChecks } from '../ml/checks/index.js';
import { ascendingOrder, type BinaryEvaluation, evaluateBinary, type RocPoint, rocCurve, thinCurve } from '../ml/metrics/index.js';
import type { CredoModel } from '../ml/model.js';
import { type ScorecardTableRow, scorecardTable } from '../ml/scorecard/index.js';

/** SHAP values of some rows, computed by the caller (TreeSHAP, exact additive or sampled): row-major `rows × features`. */
export interface ReportExplanation {
  readonly method: string;
  readonly features: readonly string[];
  readonly rowCount: number;
  readonly values: Float64Array;
  /** The model-aligned inputs, row-major (category codes for categorical features). */
  readonly x: Float64Array;
}

/** What `modelReportData` needs: the model, the labelled data and its PDs, optional explanation and training data. */
export interface ModelReportInput {
  readonly model: CredoModel;
  /** The data with outcomes (rows without one already dropped and counted in `excludedRows`). */
  readonly frame: Frame;
  readonly target: string;
  readonly pd: Float64Array;
  readonly excludedRows: number;
  readonly explanation?: ReportExplanation;
  /** The training data and its PDs, for stability (PSI of the PD, CSI of scorecard characteristics). */
  readonly train?: { readonly frame: Frame; readonly pd: Float64Array };
  /**
   * Every row of the data, outcome or not, and its PDs: what stability compares with the training
   * data, like with like (default: `frame` and `pd`, the rows with an outcome).
   */
  readonly population?: { readonly frame: Frame; readonly pd: Float64Array };
  /** Settings and hashes that reproduce the report (file names, sha256, flags). */
  readonly settings: Readonly<Record<string, string | number | null>>;
  /** Score bands of the gains and calibration tables (default 10). */
  readonly bands?: number;
  /** Features with a SHAP dependence chart (default 4). */
  readonly topFeatures?: number;
}

/** One bin of a scorecard characteristic on the report's data. */
export interface CharacteristicBin {
  readonly label: string;
  readonly rows: number;
  readonly bads: number;
  readonly bad_rate: number | null;
  readonly woe: number;
  readonly points: number;
}

/** Everything the model report shows, as plain JSON (embedded in the HTML for checking). */
export interface ModelReportData {
  readonly settings: Readonly<Record<string, string | number | null>>;
  readonly model: { readonly kind: string; readonly created_at: string; readonly features: number };
  readonly data: {
    readonly rows: number;
    readonly bads: number;
    readonly bad_rate: number;
    readonly excluded_rows: number;
    readonly columns: { name: string; type: string; missing_share: number }[];
  };
  readonly leakage: LeakageFinding[];
  readonly evaluation: BinaryEvaluation;
  readonly roc: { readonly auc: number; readonly ks: number; readonly ks_threshold: number; readonly points: RocPoint[] };
  readonly stability: null | {
    readonly score_psi: number;
    readonly score_bins: { bin: string; expected_share: number; actual_share: number }[];
    readonly characteristics: CsiRow[];
  };
  readonly shap: null | {
    readonly method: string;
    readonly rows: number;
    readonly importance: { feature: string; mean_abs_shap: number }[];
    readonly dependence: { feature: string; categorical: boolean; points: { value: number | string | null; shap: number }[] }[];
  };
  readonly scorecard: null | {
    readonly scaling: Readonly<Record<string, number>>;
    readonly table: ScorecardTableRow[];
    readonly characteristics: { feature: string; iv: number; coefficient: number; bins: CharacteristicBin[] }[];
  };
}

/** Largest number of ROC points kept for the chart (the AUC is computed on all of them). */
const ROC_POINTS = 400;
/** Dependence points per feature at most (evenly spaced rows). */
const DEPENDENCE_POINTS = 1500;

/**
 * Assembles what a model validator files about a PD model on labelled data: data summary and
 * leakage findings, discrimination (ROC, KS, gains/lift), calibration (bands, Hosmer–Lemeshow),
 * stability against training data (PSI of the PD over training deciles; CSI per scorecard
 * characteristic), SHAP summary and dependence, the scorecard's bins, WOE and points.
 */
export function modelReportData(input: ModelReportInput): ModelReportData {
  const { model, frame, target, pd } = input;
  const labels = frame.numeric(target).values;
  const features = model.schema.columns.map((c) => c.name);
  const evaluation = evaluateBinary(pd, labels, { bands: input.bands ?? 10 });
  const roc = rocCurve(pd, labels);
  return {
    settings: input.settings,
    model: { kind: model.kind, created_at: model.createdAt, features: features.length },
    data: {
      rows: frame.rowCount,
      bads: evaluation.bads,
      bad_rate: evaluation.bad_rate,
      excluded_rows: input.excludedRows,
      columns: features.map((name) => ({ name, type: frame.column(name).type, missing_share: missingShare(frame, name) })),
    },
    leakage: leakageChecks(frame, labels, features),
    evaluation,
    roc: { auc: roc.auc, ks: roc.ks, ks_threshold: roc.ksThreshold, points: thinCurve(roc.points, ROC_POINTS, roc.ksThreshold) },
    stability: input.train === undefined ? null : stability(model, input.train, input.population?.frame ?? frame, input.population?.pd ?? pd),
    shap: input.explanation === undefined ? null : shapSummary(input.explanation, frame, input.topFeatures ?? 4),
    scorecard: model.kind === 'scorecard' ? scorecardSection(model, frame, labels) : null,
  };
}

function missingShare(frame: Frame, name: string): number {
  const column = frame.column(name);
  let missing = 0;
  if (column.type === 'number') for (const v of column.values) missing += Number.isNaN(v) ? 1 : 0;
  else for (const c of column.codes) missing += c < 0 ? 1 : 0;
  return frame.rowCount > 0 ? missing / frame.rowCount : 0;
}

/** PSI of the PD over the training PD's deciles (REFERENCE §2), and CSI of scorecard characteristics. */
function stability(model: CredoModel, train: { frame: Frame; pd: Float64Array }, frame: Frame, pd: Float64Array): NonNullable<ModelReportData['stability']> {
  const order = ascendingOrder(train.pd);
  const edges: number[] = [];
  for (let k = 1; k < 10; k++) {
    const edge = train.pd[order[Math.floor((k * train.pd.length) / 10)] as number] as number;
    if (edges.length === 0 || edge > (edges[edges.length - 1] as number)) edges.push(edge);
  }
  const bandOf = (p: number) => {
    let b = 0;
    while (b < edges.length && p >= (edges[b] as number)) b++;
    return b;
  };
  const expected = new Float64Array(edges.length + 1);
  const actual = new Float64Array(edges.length + 1);
  for (const p of train.pd) expected[bandOf(p)] = (expected[bandOf(p)] as number) + 1;
  for (const p of pd) actual[bandOf(p)] = (actual[bandOf(p)] as number) + 1;
  const psi = computePsi(expected, actual);
  const bounds = [Number.NEGATIVE_INFINITY, ...edges, Number.POSITIVE_INFINITY];
  const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(2)}%` : v > 0 ? '∞' : '−∞');
  return {
    score_psi: psi.psi,
    score_bins: Array.from(expected, (_, b) => ({
      bin: `[${pct(bounds[b] as number)}, ${pct(bounds[b + 1] as number)})`,
      expected_share: psi.expectedShare[b] as number,
      actual_share: psi.actualShare[b] as number,
    })),
    characteristics:
      model.kind === 'scorecard'
        ? computeCsi(
            model.body.characteristics.map((c) => c.spec),
            train.frame,
            frame,
          )
        : [],
  };
}

/** Mean |SHAP| per feature (largest first) and dependence points of the top features. */
function shapSummary(e: ReportExplanation, frame: Frame, top: number): NonNullable<ModelReportData['shap']> {
  const p = e.features.length;
  const meanAbs = e.features.map((feature, j) => {
    let sum = 0;
    for (let i = 0; i < e.rowCount; i++) sum += Math.abs(e.values[i * p + j] as number);
    return { feature, mean_abs_shap: e.rowCount > 0 ? sum / e.rowCount : 0, j };
  });
  meanAbs.sort((a, b) => b.mean_abs_shap - a.mean_abs_shap);
  const stride = Math.max(1, Math.ceil(e.rowCount / DEPENDENCE_POINTS));
  const dependence = meanAbs.slice(0, top).map(({ feature, j }) => {
    const column = frame.get(feature);
    const categorical = column?.type === 'category';
    const points: { value: number | string | null; shap: number }[] = [];
    for (let i = 0; i < e.rowCount; i += stride) {
      const raw = e.x[i * p + j] as number;
      const value = categorical ? (raw >= 0 ? (column.dictionary[raw] ?? null) : null) : Number.isNaN(raw) ? null : raw;
      points.push({ value, shap: e.values[i * p + j] as number });
    }
    return { feature, categorical, points };
  });
  return { method: e.method, rows: e.rowCount, importance: meanAbs.map(({ feature, mean_abs_shap }) => ({ feature, mean_abs_shap })), dependence };
}

/** The scorecard's points table, and per characteristic its bins on this data: rows, bads, bad rate, WOE, points. */
function scorecardSection(model: CredoModel<'scorecard'>, frame: Frame, labels: Float64Array): NonNullable<ModelReportData['scorecard']> {
  const body = model.body;
  const characteristics = body.characteristics.map((c) => {
    const k = binCount(c.spec);
    const bins = assignBins(frame.column(c.feature), c.spec);
    const rows = new Float64Array(k);
    const bads = new Float64Array(k);
    for (let i = 0; i < bins.length; i++) {
      const b = bins[i] as number;
      rows[b] = (rows[b] as number) + 1;
      if (labels[i] === 1) bads[b] = (bads[b] as number) + 1;
    }
    const names = binLabels(c.spec);
    return {
      feature: c.feature,
      iv: c.iv,
      coefficient: c.coefficient,
      bins: names.map((label, b) => ({
        label,
        rows: rows[b] as number,
        bads: bads[b] as number,
        bad_rate: (rows[b] as number) > 0 ? (bads[b] as number) / (rows[b] as number) : null,
        woe: c.woe[b] as number,
        points: c.points[b] as number,
      })),
    };
  });
  return { scaling: { ...body.scaling }, table: scorecardTable(body), characteristics };
}
