// @ts-nocheck
import { CredoError } from '../errors/index.js';
import type { BinSpec } from '../ml/binning/index.js';
import type { LogisticModelBody } from '../ml/linear/model.js';
import type { CredoModel } from '../ml/model.js';
import type { ScorecardModelBody } from '../ml/scorecard/model.js';
import type { SavedEnsemble } from '../ml/tree/index.js';
import type { SqlDialect } from './dialects.js';
import { compileTreeCase } from './tree-case.js';

/** A feature the compiled model reads from the input table. */
export interface SqlFeature {
  readonly name: string;
  readonly type: 'number' | 'category';
}

/**
 * A model's raw output (log-odds of bad) as SQL pieces over the input CTE's feature aliases:
 * - `trees`: one CASE per tree; raw = base + Σ trees (× 1/n when `averaging`); a `probability`
 *   ensemble (random forest) has the PD as its mean and is clamped then turned into log-odds;
 * - `terms`: raw = intercept + Σ terms, summed left to right as in-process.
 */
export type ModelPieces =
  | {
      readonly kind: 'trees';
      readonly features: readonly SqlFeature[];
      readonly trees: readonly string[];
      readonly base: number;
      readonly averaging: boolean;
      readonly probability: boolean;
    }
  | {
      readonly kind: 'terms';
      readonly features: readonly SqlFeature[];
      readonly intercept: number;
      readonly terms: readonly string[];
      /** Index into `features` of the feature each term reads. */
      readonly termFeatures: readonly number[];
    };

/** Internal alias of feature j in the input CTE. */
export function featureAlias(j: number): string {
  return `f${j}`;
}

/** How compiled pieces refer to feature j: its input-CTE alias, or an inline cast of the table column. */
export type FeatureRef = (j: number, feature: SqlFeature) => string;

/** Refers to features by their input-CTE aliases (`f0`, `f1`, …). */
export const aliasRef: FeatureRef = (j) => featureAlias(j);

/** Refers to the table's own columns, cast inline (double with NaN → NULL, or text). */
export function inlineRef(d: SqlDialect): FeatureRef {
  return (_, f) => (f.type === 'number' ? d.toDouble(d.quoteIdentifier(f.name)) : d.toText(d.quoteIdentifier(f.name)));
}

/**
 * Compiles a model into SQL pieces (see `ModelPieces`) for GBDT (Credo, XGBoost and LightGBM
 * imports), random forest, logistic, linear SVM (its Platt-calibrated logistic form) and scorecard
 * models. MLPs and ensembles have no SQL form (`E_MODEL_KIND`), nor do regression GBDTs (no PD).
 */
export function modelPieces(model: CredoModel, dialect: SqlDialect, ref: FeatureRef = aliasRef): ModelPieces {
  switch (model.kind) {
    case 'gbdt':
      if (model.body.ensemble.objective !== 'binary')
        throw new CredoError('E_MODEL_KIND', { kind: 'gbdt (regression)', problem: 'a regression model has no PD to compile' });
      return treePieces(model.body.ensemble, dialect, false, ref);
    case 'forest':
      return treePieces(model.body.ensemble, dialect, true, ref);
    case 'logistic':
      return logisticPieces(model.body, dialect, ref);
    case 'svm':
      return logisticPieces(model.body.logit, dialect, ref);
    case 'scorecard':
      return scorecardPieces(model.body, dialect, ref);
    default:
      throw new CredoError('E_MODEL_KIND', { kind: model.kind, problem: 'only tree, logistic, SVM and scorecard models compile to SQL' });
  }
}

function treePieces(ensemble: SavedEnsemble, dialect: SqlDialect, probability: boolean, ref: FeatureRef): ModelPieces {
  const features = ensemble.features.map((f) => ({ name: f.name, type: f.type }));
  const trees = ensemble.trees.map((tree) => compileTreeCase(tree, ensemble, dialect, (j) => ref(j, features[j] as SqlFeature)));
  return { kind: 'trees', features, trees, base: ensemble.baseScore, averaging: ensemble.averaging, probability };
}

/** Index of each feature name in a growing feature list. */
function featureIndex(features: SqlFeature[], name: string, type: SqlFeature['type']): number {
  const found = features.findIndex((f) => f.name === name);
  if (found >= 0) return found;
  features.push({ name, type });
  return features.length - 1;
}

function logisticPieces(body: LogisticModelBody, d: SqlDialect, ref: FeatureRef): ModelPieces {
  const features: SqlFeature[] = [];
  const termFeatures = body.terms.map((term) => featureIndex(features, term.feature, term.type));
  const terms = body.terms.map((term, t) => {
    const j = termFeatures[t] as number;
    const x = ref(j, features[j] as SqlFeature);
    if (term.type === 'number') {
      if (term.missing === undefined) return `${d.formatDouble(term.coefficient)} * COALESCE(${x}, ${d.formatDouble(term.fill)})`;
      // With a missing indicator a missing x adds coefficient·fill + missing, computed here in the
      // same double arithmetic as numericTermValue so SQL and in-process agree to the bit.
      const whenMissing = term.coefficient * term.fill + term.missing;
      return `CASE WHEN ${x} IS NULL THEN ${d.formatDouble(whenMissing)} ELSE ${d.formatDouble(term.coefficient)} * ${x} END`;
    }
    const whens = Object.entries(term.levels).map(([label, v]) => `WHEN ${d.quoteString(label)} THEN ${d.formatDouble(v)}`);
    // The reference level and unseen categories add 0; a missing category adds its indicator's coefficient (absent = 0).
    const byLabel = whens.length === 0 ? d.formatDouble(0) : `CASE ${x} ${whens.join(' ')} ELSE ${d.formatDouble(0)} END`;
    if (term.missing === undefined || term.missing === 0) return byLabel;
    return `CASE WHEN ${x} IS NULL THEN ${d.formatDouble(term.missing)} ELSE ${byLabel} END`;
  });
  return { kind: 'terms', features, intercept: body.intercept, terms, termFeatures };
}

/** The scorecard's contribution coefficient·WOE of every bin of one characteristic, as a CASE on the bin layout of `assignBins`. */
function binCase(spec: BinSpec, values: readonly number[], x: string, d: SqlDialect): string {
  const v = (bin: number) => d.formatDouble(values[bin] as number);
  const whens: string[] = [];
  const missing = values.length - 1;
  if (spec.type === 'number') {
    const regular = spec.splits.length + 1;
    spec.specials.forEach((s, k) => {
      whens.push(`WHEN ${x} = ${d.formatDouble(s)} THEN ${v(regular + k)}`);
    });
    spec.splits.forEach((s, j) => {
      whens.push(`WHEN ${x} < ${d.formatDouble(s)} THEN ${v(j)}`);
    });
    whens.push(`WHEN ${x} IS NOT NULL THEN ${v(regular - 1)}`);
    return `CASE ${whens.join(' ')} ELSE ${v(missing)} END`;
  }
  const regular = spec.groups.length;
  // Specials first: a label listed both as a special and in a group takes the special bin (`categoryLookup`).
  spec.specials.forEach((label, k) => {
    whens.push(`WHEN ${x} = ${d.quoteString(label)} THEN ${v(regular + k)}`);
  });
  spec.groups.forEach((group, g) => {
    if (group.length > 0) whens.push(`WHEN ${x} IN (${group.map((l) => d.quoteString(l)).join(', ')}) THEN ${v(g)}`);
  });
  // Missing and (with unseen: 'missing') unseen labels take the missing bin; with unseen: 'error'
  // an unseen label gives NULL (SQL has no portable way to raise), so its pd is NULL.
  if (spec.unseen === 'error') whens.push(`WHEN ${x} IS NOT NULL THEN NULL`);
  return whens.length === 0 ? v(missing) : `CASE ${whens.join(' ')} ELSE ${v(missing)} END`;
}

function scorecardPieces(body: ScorecardModelBody, d: SqlDialect, ref: FeatureRef): ModelPieces {
  const features: SqlFeature[] = [];
  const termFeatures = body.characteristics.map((c) => featureIndex(features, c.feature, c.spec.type));
  const terms = body.characteristics.map((c, t) => {
    const j = termFeatures[t] as number;
    const x = ref(j, features[j] as SqlFeature);
    // coefficient·WOE computed here exactly as in-process, so SQL adds the same doubles.
    const values = c.woe.map((w) => c.coefficient * w);
    return binCase(c.spec, values, x, d);
  });
  return { kind: 'terms', features, intercept: body.intercept, terms, termFeatures };
}
