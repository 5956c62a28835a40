/**
 * Per-row additive explanations of a model's raw output (log-odds for PD models): row i's
 * contributions are `values[i·features.length + j]`, and `expectedValue + Σ_j` equals the row's
 * raw output (local accuracy). `method` names how they were computed.
 */
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
export interface Explanation {
  readonly features: readonly string[];
  readonly rowCount: number;
  /** Row-major contributions, `rowCount × features.length`. */
  readonly values: Float64Array;
  /** φ₀: the reference output (training mean for trees, the output at the reference point for linear models). */
  readonly expectedValue: number;
  readonly method: 'tree-shap-path-dependent' | 'linear' | 'scorecard-points' | 'shapley-permutation-interventional';
  /** Standard error of each value (row-major like `values`) when the values are sampling estimates; absent for exact methods. */
  readonly standardErrors?: Float64Array;
}

/** Row i's contributions (a view, not a copy). */
export function rowContributions(explanation: Explanation, row: number): Float64Array {
  if (stryMutAct_9fa48("79")) {
    {}
  } else {
    stryCov_9fa48("79");
    const p = explanation.features.length;
    return explanation.values.subarray(stryMutAct_9fa48("80") ? row / p : (stryCov_9fa48("80"), row * p), stryMutAct_9fa48("81") ? (row + 1) / p : (stryCov_9fa48("81"), (stryMutAct_9fa48("82") ? row - 1 : (stryCov_9fa48("82"), row + 1)) * p));
  }
}