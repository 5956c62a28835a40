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
import type { Explanation } from './explanation.js';

/**
 * Exact additive contributions of a linear model on its raw (log-odds) scale:
 * φ_ij = β_j·(x_ij − E[x_j]), φ₀ = β₀ + Σ_j β_j·E[x_j], so φ₀ + Σ_j φ_ij = β₀ + Σ_j β_j·x_ij.
 * These are the exact Shapley values of a linear model with independent features (the
 * interventional and observational definitions agree). `x` is row-major `rows × features`
 * (already transformed as the model sees it, e.g. WOE); `mean` is the reference point (training
 * means by default; pass another reference, e.g. applicants just above the cutoff, to explain
 * relative to it).
 */
export function linearContributions(features: readonly string[], intercept: number, beta: ArrayLike<number>, mean: ArrayLike<number>, x: Float64Array, rows: number): Explanation {
  if (stryMutAct_9fa48("147")) {
    {}
  } else {
    stryCov_9fa48("147");
    const p = features.length;
    const values = new Float64Array(stryMutAct_9fa48("148") ? rows / p : (stryCov_9fa48("148"), rows * p));
    let expectedValue = intercept;
    for (let j = 0; stryMutAct_9fa48("151") ? j >= p : stryMutAct_9fa48("150") ? j <= p : stryMutAct_9fa48("149") ? false : (stryCov_9fa48("149", "150", "151"), j < p); stryMutAct_9fa48("152") ? j-- : (stryCov_9fa48("152"), j++)) stryMutAct_9fa48("153") ? expectedValue -= (beta[j] as number) * (mean[j] as number) : (stryCov_9fa48("153"), expectedValue += stryMutAct_9fa48("154") ? (beta[j] as number) / (mean[j] as number) : (stryCov_9fa48("154"), (beta[j] as number) * (mean[j] as number)));
    for (let i = 0; stryMutAct_9fa48("157") ? i >= rows : stryMutAct_9fa48("156") ? i <= rows : stryMutAct_9fa48("155") ? false : (stryCov_9fa48("155", "156", "157"), i < rows); stryMutAct_9fa48("158") ? i-- : (stryCov_9fa48("158"), i++)) {
      if (stryMutAct_9fa48("159")) {
        {}
      } else {
        stryCov_9fa48("159");
        for (let j = 0; stryMutAct_9fa48("162") ? j >= p : stryMutAct_9fa48("161") ? j <= p : stryMutAct_9fa48("160") ? false : (stryCov_9fa48("160", "161", "162"), j < p); stryMutAct_9fa48("163") ? j-- : (stryCov_9fa48("163"), j++)) values[stryMutAct_9fa48("164") ? i * p - j : (stryCov_9fa48("164"), (stryMutAct_9fa48("165") ? i / p : (stryCov_9fa48("165"), i * p)) + j)] = stryMutAct_9fa48("166") ? (beta[j] as number) / ((x[i * p + j] as number) - (mean[j] as number)) : (stryCov_9fa48("166"), (beta[j] as number) * (stryMutAct_9fa48("167") ? (x[i * p + j] as number) + (mean[j] as number) : (stryCov_9fa48("167"), (x[i * p + j] as number) - (mean[j] as number))));
      }
    }
    return stryMutAct_9fa48("168") ? {} : (stryCov_9fa48("168"), {
      features,
      rowCount: rows,
      values,
      expectedValue,
      method: stryMutAct_9fa48("169") ? "" : (stryCov_9fa48("169"), 'linear')
    });
  }
}

/**
 * Scorecard contributions in points relative to a reference: φ_ij = reference_j − points_ij, so a
 * positive value means the characteristic cost the applicant points versus the reference (pushes
 * toward decline, the same sign convention as log-odds-of-bad contributions). `points` is
 * row-major `rows × characteristics`; `reference` is e.g. the population-average points per
 * characteristic. φ₀ = Σ reference_j; score = φ₀ − Σ_j φ_ij.
 */
export function scorecardContributions(characteristics: readonly string[], points: Float64Array, rows: number, reference: ArrayLike<number>): Explanation {
  if (stryMutAct_9fa48("170")) {
    {}
  } else {
    stryCov_9fa48("170");
    const p = characteristics.length;
    const values = new Float64Array(stryMutAct_9fa48("171") ? rows / p : (stryCov_9fa48("171"), rows * p));
    let expectedValue = 0;
    for (let j = 0; stryMutAct_9fa48("174") ? j >= p : stryMutAct_9fa48("173") ? j <= p : stryMutAct_9fa48("172") ? false : (stryCov_9fa48("172", "173", "174"), j < p); stryMutAct_9fa48("175") ? j-- : (stryCov_9fa48("175"), j++)) stryMutAct_9fa48("176") ? expectedValue -= reference[j] as number : (stryCov_9fa48("176"), expectedValue += reference[j] as number);
    for (let i = 0; stryMutAct_9fa48("179") ? i >= rows : stryMutAct_9fa48("178") ? i <= rows : stryMutAct_9fa48("177") ? false : (stryCov_9fa48("177", "178", "179"), i < rows); stryMutAct_9fa48("180") ? i-- : (stryCov_9fa48("180"), i++)) {
      if (stryMutAct_9fa48("181")) {
        {}
      } else {
        stryCov_9fa48("181");
        for (let j = 0; stryMutAct_9fa48("184") ? j >= p : stryMutAct_9fa48("183") ? j <= p : stryMutAct_9fa48("182") ? false : (stryCov_9fa48("182", "183", "184"), j < p); stryMutAct_9fa48("185") ? j-- : (stryCov_9fa48("185"), j++)) values[stryMutAct_9fa48("186") ? i * p - j : (stryCov_9fa48("186"), (stryMutAct_9fa48("187") ? i / p : (stryCov_9fa48("187"), i * p)) + j)] = stryMutAct_9fa48("188") ? (reference[j] as number) + (points[i * p + j] as number) : (stryCov_9fa48("188"), (reference[j] as number) - (points[i * p + j] as number));
      }
    }
    return stryMutAct_9fa48("189") ? {} : (stryCov_9fa48("189"), {
      features: characteristics,
      rowCount: rows,
      values,
      expectedValue,
      method: stryMutAct_9fa48("190") ? "" : (stryCov_9fa48("190"), 'scorecard-points')
    });
  }
}

/**
 * The cheapest change that brings a linear margin β₀ + Σβ_j·x_j below `cutoffMargin` under the
 * weighted L1 cost Σ w_j·|Δ_j|/s_j with box bounds: an LP whose optimum moves features in order of
 * cost per unit of margin, w_j/(s_j·|β_j|), each as far as its bound allows (greedy is exact for
 * this fractional-knapsack structure). Returns the new values of the actionable features, or null
 * when the bounds do not allow enough change.
 */
export function linearCounterfactual(beta: ArrayLike<number>, x: ArrayLike<number>, margin: number, cutoffMargin: number, actionable: readonly number[], scale: ArrayLike<number>, weight: ArrayLike<number>, lower: ArrayLike<number>, upper: ArrayLike<number>): {
  values: Map<number, number>;
  cost: number;
} | null {
  if (stryMutAct_9fa48("191")) {
    {}
  } else {
    stryCov_9fa48("191");
    let needed = stryMutAct_9fa48("192") ? margin - cutoffMargin - 1e-9 * Math.max(1, Math.abs(cutoffMargin)) : (stryCov_9fa48("192"), (stryMutAct_9fa48("193") ? margin + cutoffMargin : (stryCov_9fa48("193"), margin - cutoffMargin)) + (stryMutAct_9fa48("194") ? 1e-9 / Math.max(1, Math.abs(cutoffMargin)) : (stryCov_9fa48("194"), 1e-9 * (stryMutAct_9fa48("195") ? Math.min(1, Math.abs(cutoffMargin)) : (stryCov_9fa48("195"), Math.max(1, Math.abs(cutoffMargin)))))));
    const values = new Map<number, number>();
    if (stryMutAct_9fa48("199") ? needed > 0 : stryMutAct_9fa48("198") ? needed < 0 : stryMutAct_9fa48("197") ? false : stryMutAct_9fa48("196") ? true : (stryCov_9fa48("196", "197", "198", "199"), needed <= 0)) return stryMutAct_9fa48("200") ? {} : (stryCov_9fa48("200"), {
      values,
      cost: 0
    });
    const order = stryMutAct_9fa48("202") ? actionable.sort((a, b) => unitCost(a) - unitCost(b) || a - b) : stryMutAct_9fa48("201") ? actionable.filter(j => beta[j] as number !== 0) : (stryCov_9fa48("201", "202"), actionable.filter(stryMutAct_9fa48("203") ? () => undefined : (stryCov_9fa48("203"), j => stryMutAct_9fa48("206") ? beta[j] as number === 0 : stryMutAct_9fa48("205") ? false : stryMutAct_9fa48("204") ? true : (stryCov_9fa48("204", "205", "206"), beta[j] as number !== 0))).sort(stryMutAct_9fa48("207") ? () => undefined : (stryCov_9fa48("207"), (a, b) => stryMutAct_9fa48("210") ? unitCost(a) - unitCost(b) && a - b : stryMutAct_9fa48("209") ? false : stryMutAct_9fa48("208") ? true : (stryCov_9fa48("208", "209", "210"), (stryMutAct_9fa48("211") ? unitCost(a) + unitCost(b) : (stryCov_9fa48("211"), unitCost(a) - unitCost(b))) || (stryMutAct_9fa48("212") ? a + b : (stryCov_9fa48("212"), a - b))))));
    function unitCost(j: number): number {
      if (stryMutAct_9fa48("213")) {
        {}
      } else {
        stryCov_9fa48("213");
        return stryMutAct_9fa48("214") ? (weight[j] as number) * ((scale[j] as number) * Math.abs(beta[j] as number)) : (stryCov_9fa48("214"), (weight[j] as number) / (stryMutAct_9fa48("215") ? (scale[j] as number) / Math.abs(beta[j] as number) : (stryCov_9fa48("215"), (scale[j] as number) * Math.abs(beta[j] as number))));
      }
    }
    let cost = 0;
    for (const j of order) {
      if (stryMutAct_9fa48("216")) {
        {}
      } else {
        stryCov_9fa48("216");
        const b = beta[j] as number;
        const xj = x[j] as number;
        // lowering the margin: decrease x_j when β_j > 0, increase it when β_j < 0
        const room = (stryMutAct_9fa48("220") ? b <= 0 : stryMutAct_9fa48("219") ? b >= 0 : stryMutAct_9fa48("218") ? false : stryMutAct_9fa48("217") ? true : (stryCov_9fa48("217", "218", "219", "220"), b > 0)) ? stryMutAct_9fa48("221") ? xj + (lower[j] as number) : (stryCov_9fa48("221"), xj - (lower[j] as number)) : stryMutAct_9fa48("222") ? (upper[j] as number) + xj : (stryCov_9fa48("222"), (upper[j] as number) - xj);
        if (stryMutAct_9fa48("225") ? false : stryMutAct_9fa48("224") ? true : stryMutAct_9fa48("223") ? room > 0 : (stryCov_9fa48("223", "224", "225"), !(stryMutAct_9fa48("229") ? room <= 0 : stryMutAct_9fa48("228") ? room >= 0 : stryMutAct_9fa48("227") ? false : stryMutAct_9fa48("226") ? true : (stryCov_9fa48("226", "227", "228", "229"), room > 0)))) continue;
        const step = stryMutAct_9fa48("230") ? Math.max(room, needed / Math.abs(b)) : (stryCov_9fa48("230"), Math.min(room, stryMutAct_9fa48("231") ? needed * Math.abs(b) : (stryCov_9fa48("231"), needed / Math.abs(b))));
        values.set(j, (stryMutAct_9fa48("235") ? b <= 0 : stryMutAct_9fa48("234") ? b >= 0 : stryMutAct_9fa48("233") ? false : stryMutAct_9fa48("232") ? true : (stryCov_9fa48("232", "233", "234", "235"), b > 0)) ? stryMutAct_9fa48("236") ? xj + step : (stryCov_9fa48("236"), xj - step) : stryMutAct_9fa48("237") ? xj - step : (stryCov_9fa48("237"), xj + step));
        stryMutAct_9fa48("238") ? cost -= (weight[j] as number) * step / (scale[j] as number) : (stryCov_9fa48("238"), cost += stryMutAct_9fa48("239") ? (weight[j] as number) * step * (scale[j] as number) : (stryCov_9fa48("239"), (stryMutAct_9fa48("240") ? (weight[j] as number) / step : (stryCov_9fa48("240"), (weight[j] as number) * step)) / (scale[j] as number)));
        stryMutAct_9fa48("241") ? needed += step * Math.abs(b) : (stryCov_9fa48("241"), needed -= stryMutAct_9fa48("242") ? step / Math.abs(b) : (stryCov_9fa48("242"), step * Math.abs(b)));
        if (stryMutAct_9fa48("246") ? needed > 1e-15 : stryMutAct_9fa48("245") ? needed < 1e-15 : stryMutAct_9fa48("244") ? false : stryMutAct_9fa48("243") ? true : (stryCov_9fa48("243", "244", "245", "246"), needed <= 1e-15)) return stryMutAct_9fa48("247") ? {} : (stryCov_9fa48("247"), {
          values,
          cost
        });
      }
    }
    return null;
  }
}