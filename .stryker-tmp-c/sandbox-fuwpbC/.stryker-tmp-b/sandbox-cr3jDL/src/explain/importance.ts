// @ts-nocheck
// 
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
import type { TreeEnsemble } from '../ml/tree/index.js';
import type { Explanation } from './explanation.js';

/** Global importance of one feature. */
export interface FeatureImportance {
  readonly feature: string;
  /** Total loss reduction of the feature's splits (as trained; the sum over trees). */
  readonly gain: number;
  /** Number of splits on the feature. */
  readonly splits: number;
  /** Mean |SHAP| over the explained rows (NaN-free: null when no data was given). */
  readonly meanAbsShap: number | null;
}

/**
 * Global importance per feature: total gain and split count from the trees, and mean |SHAP| from
 * an explanation of some rows when given (Lundberg et al. 2020 recommend mean |SHAP| as the
 * consistent measure; gain and counts are what XGBoost reports). Sorted by mean |SHAP| when
 * available, else by gain; ties by feature order.
 */
export function featureImportance(ensemble: TreeEnsemble | undefined, features: readonly string[], explanation?: Explanation): FeatureImportance[] {
  if (stryMutAct_9fa48("83")) {
    {}
  } else {
    stryCov_9fa48("83");
    const p = features.length;
    const gain = new Float64Array(p);
    const splits = new Float64Array(p);
    for (const tree of stryMutAct_9fa48("84") ? ensemble?.trees && [] : (stryCov_9fa48("84"), (stryMutAct_9fa48("85") ? ensemble.trees : (stryCov_9fa48("85"), ensemble?.trees)) ?? (stryMutAct_9fa48("86") ? ["Stryker was here"] : (stryCov_9fa48("86"), [])))) {
      if (stryMutAct_9fa48("87")) {
        {}
      } else {
        stryCov_9fa48("87");
        for (let n = 0; stryMutAct_9fa48("90") ? n >= tree.feature.length : stryMutAct_9fa48("89") ? n <= tree.feature.length : stryMutAct_9fa48("88") ? false : (stryCov_9fa48("88", "89", "90"), n < tree.feature.length); stryMutAct_9fa48("91") ? n-- : (stryCov_9fa48("91"), n++)) {
          if (stryMutAct_9fa48("92")) {
            {}
          } else {
            stryCov_9fa48("92");
            const f = tree.feature[n] as number;
            if (stryMutAct_9fa48("96") ? f >= 0 : stryMutAct_9fa48("95") ? f <= 0 : stryMutAct_9fa48("94") ? false : stryMutAct_9fa48("93") ? true : (stryCov_9fa48("93", "94", "95", "96"), f < 0)) continue;
            gain[f] = stryMutAct_9fa48("97") ? (gain[f] as number) - (tree.gain[n] as number) : (stryCov_9fa48("97"), (gain[f] as number) + (tree.gain[n] as number));
            splits[f] = stryMutAct_9fa48("98") ? (splits[f] as number) - 1 : (stryCov_9fa48("98"), (splits[f] as number) + 1);
          }
        }
      }
    }
    let meanAbs: Float64Array | undefined;
    if (stryMutAct_9fa48("101") ? explanation !== undefined || explanation.rowCount > 0 : stryMutAct_9fa48("100") ? false : stryMutAct_9fa48("99") ? true : (stryCov_9fa48("99", "100", "101"), (stryMutAct_9fa48("103") ? explanation === undefined : stryMutAct_9fa48("102") ? true : (stryCov_9fa48("102", "103"), explanation !== undefined)) && (stryMutAct_9fa48("106") ? explanation.rowCount <= 0 : stryMutAct_9fa48("105") ? explanation.rowCount >= 0 : stryMutAct_9fa48("104") ? true : (stryCov_9fa48("104", "105", "106"), explanation.rowCount > 0)))) {
      if (stryMutAct_9fa48("107")) {
        {}
      } else {
        stryCov_9fa48("107");
        meanAbs = new Float64Array(p);
        for (let i = 0; stryMutAct_9fa48("110") ? i >= explanation.rowCount : stryMutAct_9fa48("109") ? i <= explanation.rowCount : stryMutAct_9fa48("108") ? false : (stryCov_9fa48("108", "109", "110"), i < explanation.rowCount); stryMutAct_9fa48("111") ? i-- : (stryCov_9fa48("111"), i++)) {
          if (stryMutAct_9fa48("112")) {
            {}
          } else {
            stryCov_9fa48("112");
            for (let j = 0; stryMutAct_9fa48("115") ? j >= p : stryMutAct_9fa48("114") ? j <= p : stryMutAct_9fa48("113") ? false : (stryCov_9fa48("113", "114", "115"), j < p); stryMutAct_9fa48("116") ? j-- : (stryCov_9fa48("116"), j++)) meanAbs[j] = stryMutAct_9fa48("117") ? (meanAbs[j] as number) - Math.abs(explanation.values[i * p + j] as number) : (stryCov_9fa48("117"), (meanAbs[j] as number) + Math.abs(explanation.values[i * p + j] as number));
          }
        }
        for (let j = 0; stryMutAct_9fa48("120") ? j >= p : stryMutAct_9fa48("119") ? j <= p : stryMutAct_9fa48("118") ? false : (stryCov_9fa48("118", "119", "120"), j < p); stryMutAct_9fa48("121") ? j-- : (stryCov_9fa48("121"), j++)) meanAbs[j] = stryMutAct_9fa48("122") ? (meanAbs[j] as number) * explanation.rowCount : (stryCov_9fa48("122"), (meanAbs[j] as number) / explanation.rowCount);
      }
    }
    const rows = features.map(stryMutAct_9fa48("123") ? () => undefined : (stryCov_9fa48("123"), (feature, j) => stryMutAct_9fa48("124") ? {} : (stryCov_9fa48("124"), {
      feature,
      gain: gain[j] as number,
      splits: splits[j] as number,
      meanAbsShap: (stryMutAct_9fa48("127") ? meanAbs !== undefined : stryMutAct_9fa48("126") ? false : stryMutAct_9fa48("125") ? true : (stryCov_9fa48("125", "126", "127"), meanAbs === undefined)) ? null : meanAbs[j] as number,
      j
    })));
    stryMutAct_9fa48("128") ? rows : (stryCov_9fa48("128"), rows.sort(stryMutAct_9fa48("129") ? () => undefined : (stryCov_9fa48("129"), (a, b) => stryMutAct_9fa48("132") ? (meanAbs === undefined ? b.gain - a.gain : (b.meanAbsShap as number) - (a.meanAbsShap as number)) && a.j - b.j : stryMutAct_9fa48("131") ? false : stryMutAct_9fa48("130") ? true : (stryCov_9fa48("130", "131", "132"), ((stryMutAct_9fa48("135") ? meanAbs !== undefined : stryMutAct_9fa48("134") ? false : stryMutAct_9fa48("133") ? true : (stryCov_9fa48("133", "134", "135"), meanAbs === undefined)) ? stryMutAct_9fa48("136") ? b.gain + a.gain : (stryCov_9fa48("136"), b.gain - a.gain) : stryMutAct_9fa48("137") ? (b.meanAbsShap as number) + (a.meanAbsShap as number) : (stryCov_9fa48("137"), (b.meanAbsShap as number) - (a.meanAbsShap as number))) || (stryMutAct_9fa48("138") ? a.j + b.j : (stryCov_9fa48("138"), a.j - b.j))))));
    return rows.map(stryMutAct_9fa48("139") ? () => undefined : (stryCov_9fa48("139"), ({
      j: _j,
      ...rest
    }) => rest));
  }
}

/**
 * SHAP dependence data of one feature for plotting: the feature's model-aligned value per row
 * (NaN = missing) beside its contribution.
 */
export function shapDependence(explanation: Explanation, x: Float64Array, feature: number): {
  value: Float64Array;
  shap: Float64Array;
} {
  if (stryMutAct_9fa48("140")) {
    {}
  } else {
    stryCov_9fa48("140");
    const p = explanation.features.length;
    const n = explanation.rowCount;
    const value = new Float64Array(n);
    const shap = new Float64Array(n);
    for (let i = 0; stryMutAct_9fa48("143") ? i >= n : stryMutAct_9fa48("142") ? i <= n : stryMutAct_9fa48("141") ? false : (stryCov_9fa48("141", "142", "143"), i < n); stryMutAct_9fa48("144") ? i-- : (stryCov_9fa48("144"), i++)) {
      if (stryMutAct_9fa48("145")) {
        {}
      } else {
        stryCov_9fa48("145");
        value[i] = x[i * p + feature] as number;
        shap[i] = explanation.values[i * p + feature] as number;
      }
    }
    return stryMutAct_9fa48("146") ? {} : (stryCov_9fa48("146"), {
      value,
      shap
    });
  }
}