// @ts-nocheck
function stryNS_9fa48() {
  var g = typeof globalThis === 'object' && globalThis && globalThis.Math === Math && globalThis || new Function("return this")();
  var ns = g.__stryker__ || (g.__stryker__ = {});
  if (ns.activeMutant === undefined && g.process && g.process.env && g.process.env.__STRYKER_ACTIVE_MUTANT__) {
    ns.activeMutant = g.process.env.__STRYKER_ACTIVE_MUTANT__;
  }
  function retrieveNS() {
    return ns;
  }
  stryNS_9fa48 = retrieveNS;
  return retrieveNS();
}
stryNS_9fa48();
function stryCov_9fa48() {
  var ns = stryNS_9fa48();
  var cov = ns.mutantCoverage || (ns.mutantCoverage = {
    static: {},
    perTest: {}
  });
  function cover() {
    var c = cov.static;
    if (ns.currentTestId) {
      c = cov.perTest[ns.currentTestId] = cov.perTest[ns.currentTestId] || {};
    }
    var a = arguments;
    for (var i = 0; i < a.length; i++) {
      c[a[i]] = (c[a[i]] || 0) + 1;
    }
  }
  stryCov_9fa48 = cover;
  cover.apply(null, arguments);
}
function stryMutAct_9fa48(id) {
  var ns = stryNS_9fa48();
  function isActive(id) {
    if (ns.activeMutant === id) {
      if (ns.hitCount !== void 0 && ++ns.hitCount > ns.hitLimit) {
        throw new Error('Stryker: Hit count limit reached (' + ns.hitCount + ')');
      }
      return true;
    }
    return false;
  }
  stryMutAct_9fa48 = isActive;
  return isActive(id);
}
import { CredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';
import type { CredoModel } from '../ml/model.js';
import { ensembleFromSaved, featureMatrix, type TreeEnsemble } from '../ml/tree/index.js';
import { type CompileTreeShapOptions, compileTreeShap, type TreeShapModel } from './compile-tree-shap.js';
import { createTreeShapScratch, treeShapRows } from './tree-shap.js';

/** A tree model ready to explain: its ensemble and the TreeSHAP data precomputed once. */
export interface TreeExplainer {
  readonly ensemble: TreeEnsemble;
  readonly compiled: TreeShapModel;
}
const cache = new WeakMap<object, TreeExplainer>();

/** The tree ensemble of a Credo model, or undefined when the model is not a tree model. */
export function ensembleOf(model: CredoModel): TreeEnsemble | undefined {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    if (stryMutAct_9fa48("3") ? model.kind !== 'gbdt' : stryMutAct_9fa48("2") ? false : stryMutAct_9fa48("1") ? true : (stryCov_9fa48("1", "2", "3"), model.kind === (stryMutAct_9fa48("4") ? "" : (stryCov_9fa48("4"), 'gbdt')))) return ensembleFromSaved(model.body.ensemble);
    if (stryMutAct_9fa48("7") ? model.kind !== 'forest' : stryMutAct_9fa48("6") ? false : stryMutAct_9fa48("5") ? true : (stryCov_9fa48("5", "6", "7"), model.kind === (stryMutAct_9fa48("8") ? "" : (stryCov_9fa48("8"), 'forest')))) {
      if (stryMutAct_9fa48("9")) {
        {}
      } else {
        stryCov_9fa48("9");
        const body = model.body as {
          ensemble?: unknown;
        } | null;
        if (stryMutAct_9fa48("12") ? body !== null && typeof body === 'object' || body.ensemble !== undefined : stryMutAct_9fa48("11") ? false : stryMutAct_9fa48("10") ? true : (stryCov_9fa48("10", "11", "12"), (stryMutAct_9fa48("14") ? body !== null || typeof body === 'object' : stryMutAct_9fa48("13") ? true : (stryCov_9fa48("13", "14"), (stryMutAct_9fa48("16") ? body === null : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16"), body !== null)) && (stryMutAct_9fa48("18") ? typeof body !== 'object' : stryMutAct_9fa48("17") ? true : (stryCov_9fa48("17", "18"), typeof body === (stryMutAct_9fa48("19") ? "" : (stryCov_9fa48("19"), 'object')))))) && (stryMutAct_9fa48("21") ? body.ensemble === undefined : stryMutAct_9fa48("20") ? true : (stryCov_9fa48("20", "21"), body.ensemble !== undefined)))) return ensembleFromSaved(body.ensemble as Parameters<typeof ensembleFromSaved>[0]);
      }
    }
    return undefined;
  }
}

/** The explainer of a tree model, compiled once per model object (cached). */
export function treeExplainerFor(model: CredoModel, options: CompileTreeShapOptions = {}): TreeExplainer {
  if (stryMutAct_9fa48("22")) {
    {}
  } else {
    stryCov_9fa48("22");
    const cached = cache.get(model);
    if (stryMutAct_9fa48("25") ? cached === undefined : stryMutAct_9fa48("24") ? false : stryMutAct_9fa48("23") ? true : (stryCov_9fa48("23", "24", "25"), cached !== undefined)) return cached;
    const ensemble = ensembleOf(model);
    if (stryMutAct_9fa48("28") ? ensemble !== undefined : stryMutAct_9fa48("27") ? false : stryMutAct_9fa48("26") ? true : (stryCov_9fa48("26", "27", "28"), ensemble === undefined)) throw new CredoError(stryMutAct_9fa48("29") ? "" : (stryCov_9fa48("29"), 'E_MODEL_KIND'), stryMutAct_9fa48("30") ? {} : (stryCov_9fa48("30"), {
      kind: model.kind,
      problem: stryMutAct_9fa48("31") ? "" : (stryCov_9fa48("31"), 'TreeSHAP needs a tree model (gbdt, forest, imported XGBoost/LightGBM)')
    }));
    const explainer = treeExplainerOf(ensemble, options);
    cache.set(model, explainer);
    return explainer;
  }
}

/** Compiles an ensemble for TreeSHAP. */
export function treeExplainerOf(ensemble: TreeEnsemble, options: CompileTreeShapOptions = {}): TreeExplainer {
  if (stryMutAct_9fa48("32")) {
    {}
  } else {
    stryCov_9fa48("32");
    return stryMutAct_9fa48("33") ? {} : (stryCov_9fa48("33"), {
      ensemble,
      compiled: compileTreeShap(ensemble, options)
    });
  }
}

/**
 * The model-aligned input of a frame as a row-major matrix (`rowCount × features`), as the
 * TreeSHAP kernel reads it: numeric values (float32-rounded for XGBoost imports), categories as
 * training codes (unseen labels go right at every categorical split), NaN for missing.
 */
export function rowMajorInput(ensemble: TreeEnsemble, frame: Frame): Float64Array {
  if (stryMutAct_9fa48("34")) {
    {}
  } else {
    stryCov_9fa48("34");
    const matrix = featureMatrix(ensemble.features, frame, ensemble.inputPrecision);
    const n = matrix.rowCount;
    const p = matrix.columns.length;
    const x = new Float64Array(stryMutAct_9fa48("35") ? n / p : (stryCov_9fa48("35"), n * p));
    for (let j = 0; stryMutAct_9fa48("38") ? j >= p : stryMutAct_9fa48("37") ? j <= p : stryMutAct_9fa48("36") ? false : (stryCov_9fa48("36", "37", "38"), j < p); stryMutAct_9fa48("39") ? j-- : (stryCov_9fa48("39"), j++)) {
      if (stryMutAct_9fa48("40")) {
        {}
      } else {
        stryCov_9fa48("40");
        const column = matrix.columns[j] as Float64Array;
        for (let i = 0; stryMutAct_9fa48("43") ? i >= n : stryMutAct_9fa48("42") ? i <= n : stryMutAct_9fa48("41") ? false : (stryCov_9fa48("41", "42", "43"), i < n); stryMutAct_9fa48("44") ? i-- : (stryCov_9fa48("44"), i++)) x[stryMutAct_9fa48("45") ? i * p - j : (stryCov_9fa48("45"), (stryMutAct_9fa48("46") ? i / p : (stryCov_9fa48("46"), i * p)) + j)] = column[i] as number;
      }
    }
    return x;
  }
}

/** TreeSHAP values of every row of `x` on the calling thread (row-major, `rows × features`). */
export function explainRowsSync(compiled: TreeShapModel, x: Float64Array, rows: number): Float64Array {
  if (stryMutAct_9fa48("47")) {
    {}
  } else {
    stryCov_9fa48("47");
    const out = new Float64Array(stryMutAct_9fa48("48") ? rows / compiled.featureCount : (stryCov_9fa48("48"), rows * compiled.featureCount));
    treeShapRows(compiled, x, 0, rows, out, createTreeShapScratch(compiled));
    return out;
  }
}