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
import { type ReasonCatalogue, reasonFor } from './reason-catalogue.js';

/** One principal reason for a decision. */
export interface Reason {
  /** 1-based rank (1 = the factor that pushed hardest toward decline). */
  readonly rank: number;
  readonly code: string;
  readonly feature: string;
  /** The row's value of the feature (label for categories, null when missing). */
  readonly value: number | string | null;
  /** Contribution toward decline on the raw (log-odds of bad) scale, relative to the reference. */
  readonly contribution: number;
  readonly text: string;
}

/** Options of `principalReasons`. */
export interface ReasonOptions {
  /** Most reasons per row (default 4, the ECOA/Reg B practice). */
  readonly count?: number;
  /**
   * Per-feature reference contributions subtracted before ranking (see `referenceContributions`);
   * default: none, i.e. relative to the population average output (φ₀).
   */
  readonly reference?: Float64Array;
}

/**
 * The principal reasons of one row (ECOA/Reg B §1002.9, FCRA §615): the features whose
 * contribution (minus the reference) pushed the raw output toward decline (positive = more
 * risk), largest first, at most `count`; features with a non-positive contribution are never
 * reasons. A reason code appears once (later features sharing a code are skipped). FCRA
 * §609(f)(1)(D): when a feature marked `inquiries` in the catalogue is adverse but not among the
 * first `count`, it is added as an extra reason. `featureValue(j)` gives the row's value of feature j.
 */
export function principalReasons(explanation: Explanation, row: number, featureValue: (feature: number) => number | string | null, catalogue: ReasonCatalogue, options: ReasonOptions = {}): Reason[] {
  if (stryMutAct_9fa48("452")) {
    {}
  } else {
    stryCov_9fa48("452");
    const count = stryMutAct_9fa48("453") ? options.count && 4 : (stryCov_9fa48("453"), options.count ?? 4);
    const p = explanation.features.length;
    const base = stryMutAct_9fa48("454") ? row / p : (stryCov_9fa48("454"), row * p);
    const order: number[] = stryMutAct_9fa48("455") ? ["Stryker was here"] : (stryCov_9fa48("455"), []);
    const score = new Float64Array(p);
    for (let j = 0; stryMutAct_9fa48("458") ? j >= p : stryMutAct_9fa48("457") ? j <= p : stryMutAct_9fa48("456") ? false : (stryCov_9fa48("456", "457", "458"), j < p); stryMutAct_9fa48("459") ? j-- : (stryCov_9fa48("459"), j++)) {
      if (stryMutAct_9fa48("460")) {
        {}
      } else {
        stryCov_9fa48("460");
        score[j] = stryMutAct_9fa48("461") ? (explanation.values[base + j] as number) + (options.reference?.[j] ?? 0) : (stryCov_9fa48("461"), (explanation.values[base + j] as number) - (stryMutAct_9fa48("462") ? options.reference?.[j] && 0 : (stryCov_9fa48("462"), (stryMutAct_9fa48("463") ? options.reference[j] : (stryCov_9fa48("463"), options.reference?.[j])) ?? 0)));
        if (stryMutAct_9fa48("467") ? (score[j] as number) <= 0 : stryMutAct_9fa48("466") ? score[j] as number >= 0 : stryMutAct_9fa48("465") ? false : stryMutAct_9fa48("464") ? true : (stryCov_9fa48("464", "465", "466", "467"), score[j] as number > 0)) order.push(j);
      }
    }
    stryMutAct_9fa48("468") ? order : (stryCov_9fa48("468"), order.sort(stryMutAct_9fa48("469") ? () => undefined : (stryCov_9fa48("469"), (a, b) => stryMutAct_9fa48("472") ? (score[b] as number) - (score[a] as number) && a - b : stryMutAct_9fa48("471") ? false : stryMutAct_9fa48("470") ? true : (stryCov_9fa48("470", "471", "472"), (stryMutAct_9fa48("473") ? (score[b] as number) + (score[a] as number) : (stryCov_9fa48("473"), (score[b] as number) - (score[a] as number))) || (stryMutAct_9fa48("474") ? a + b : (stryCov_9fa48("474"), a - b))))));
    const reasons: Reason[] = stryMutAct_9fa48("475") ? ["Stryker was here"] : (stryCov_9fa48("475"), []);
    const used = new Set<string>();
    let inquiriesShown = stryMutAct_9fa48("476") ? true : (stryCov_9fa48("476"), false);
    let inquiriesCandidate = stryMutAct_9fa48("477") ? +1 : (stryCov_9fa48("477"), -1);
    for (const j of order) {
      if (stryMutAct_9fa48("478")) {
        {}
      } else {
        stryCov_9fa48("478");
        const feature = explanation.features[j] as string;
        const isInquiries = stryMutAct_9fa48("481") ? catalogue.features[feature]?.inquiries !== true : stryMutAct_9fa48("480") ? false : stryMutAct_9fa48("479") ? true : (stryCov_9fa48("479", "480", "481"), (stryMutAct_9fa48("482") ? catalogue.features[feature].inquiries : (stryCov_9fa48("482"), catalogue.features[feature]?.inquiries)) === (stryMutAct_9fa48("483") ? false : (stryCov_9fa48("483"), true)));
        if (stryMutAct_9fa48("487") ? reasons.length < count : stryMutAct_9fa48("486") ? reasons.length > count : stryMutAct_9fa48("485") ? false : stryMutAct_9fa48("484") ? true : (stryCov_9fa48("484", "485", "486", "487"), reasons.length >= count)) {
          if (stryMutAct_9fa48("488")) {
            {}
          } else {
            stryCov_9fa48("488");
            if (stryMutAct_9fa48("491") ? isInquiries && !inquiriesShown || inquiriesCandidate < 0 : stryMutAct_9fa48("490") ? false : stryMutAct_9fa48("489") ? true : (stryCov_9fa48("489", "490", "491"), (stryMutAct_9fa48("493") ? isInquiries || !inquiriesShown : stryMutAct_9fa48("492") ? true : (stryCov_9fa48("492", "493"), isInquiries && (stryMutAct_9fa48("494") ? inquiriesShown : (stryCov_9fa48("494"), !inquiriesShown)))) && (stryMutAct_9fa48("497") ? inquiriesCandidate >= 0 : stryMutAct_9fa48("496") ? inquiriesCandidate <= 0 : stryMutAct_9fa48("495") ? true : (stryCov_9fa48("495", "496", "497"), inquiriesCandidate < 0)))) inquiriesCandidate = j;
            continue;
          }
        }
        const value = featureValue(j);
        const reason = reasonFor(catalogue, feature, value);
        if (stryMutAct_9fa48("499") ? false : stryMutAct_9fa48("498") ? true : (stryCov_9fa48("498", "499"), used.has(reason.code))) continue;
        used.add(reason.code);
        if (stryMutAct_9fa48("501") ? false : stryMutAct_9fa48("500") ? true : (stryCov_9fa48("500", "501"), isInquiries)) inquiriesShown = stryMutAct_9fa48("502") ? false : (stryCov_9fa48("502"), true);
        reasons.push(stryMutAct_9fa48("503") ? {} : (stryCov_9fa48("503"), {
          rank: stryMutAct_9fa48("504") ? reasons.length - 1 : (stryCov_9fa48("504"), reasons.length + 1),
          code: reason.code,
          feature,
          value,
          contribution: score[j] as number,
          text: reason.text
        }));
      }
    }
    if (stryMutAct_9fa48("508") ? inquiriesCandidate < 0 : stryMutAct_9fa48("507") ? inquiriesCandidate > 0 : stryMutAct_9fa48("506") ? false : stryMutAct_9fa48("505") ? true : (stryCov_9fa48("505", "506", "507", "508"), inquiriesCandidate >= 0)) {
      if (stryMutAct_9fa48("509")) {
        {}
      } else {
        stryCov_9fa48("509");
        const feature = explanation.features[inquiriesCandidate] as string;
        const value = featureValue(inquiriesCandidate);
        const reason = reasonFor(catalogue, feature, value);
        if (stryMutAct_9fa48("512") ? false : stryMutAct_9fa48("511") ? true : stryMutAct_9fa48("510") ? used.has(reason.code) : (stryCov_9fa48("510", "511", "512"), !used.has(reason.code))) {
          if (stryMutAct_9fa48("513")) {
            {}
          } else {
            stryCov_9fa48("513");
            reasons.push(stryMutAct_9fa48("514") ? {} : (stryCov_9fa48("514"), {
              rank: stryMutAct_9fa48("515") ? reasons.length - 1 : (stryCov_9fa48("515"), reasons.length + 1),
              code: reason.code,
              feature,
              value,
              contribution: score[inquiriesCandidate] as number,
              text: reason.text
            }));
          }
        }
      }
    }
    return reasons;
  }
}

/**
 * Mean contributions of a reference group of rows (e.g. applicants just above the cutoff, from
 * `justAboveCutoff`): reasons are then ranked by how much more each factor pushed this row toward
 * decline than it pushed the reference applicants. For linear models this is exact; for trees it
 * is the standard approximation (difference of path-dependent SHAP values).
 */
export function referenceContributions(explanation: Explanation, rows: ArrayLike<number>): Float64Array {
  if (stryMutAct_9fa48("516")) {
    {}
  } else {
    stryCov_9fa48("516");
    const p = explanation.features.length;
    const mean = new Float64Array(p);
    if (stryMutAct_9fa48("519") ? rows.length !== 0 : stryMutAct_9fa48("518") ? false : stryMutAct_9fa48("517") ? true : (stryCov_9fa48("517", "518", "519"), rows.length === 0)) return mean;
    for (let k = 0; stryMutAct_9fa48("522") ? k >= rows.length : stryMutAct_9fa48("521") ? k <= rows.length : stryMutAct_9fa48("520") ? false : (stryCov_9fa48("520", "521", "522"), k < rows.length); stryMutAct_9fa48("523") ? k-- : (stryCov_9fa48("523"), k++)) {
      if (stryMutAct_9fa48("524")) {
        {}
      } else {
        stryCov_9fa48("524");
        const base = stryMutAct_9fa48("525") ? (rows[k] as number) / p : (stryCov_9fa48("525"), (rows[k] as number) * p);
        for (let j = 0; stryMutAct_9fa48("528") ? j >= p : stryMutAct_9fa48("527") ? j <= p : stryMutAct_9fa48("526") ? false : (stryCov_9fa48("526", "527", "528"), j < p); stryMutAct_9fa48("529") ? j-- : (stryCov_9fa48("529"), j++)) mean[j] = stryMutAct_9fa48("530") ? (mean[j] as number) - (explanation.values[base + j] as number) : (stryCov_9fa48("530"), (mean[j] as number) + (explanation.values[base + j] as number));
      }
    }
    for (let j = 0; stryMutAct_9fa48("533") ? j >= p : stryMutAct_9fa48("532") ? j <= p : stryMutAct_9fa48("531") ? false : (stryCov_9fa48("531", "532", "533"), j < p); stryMutAct_9fa48("534") ? j-- : (stryCov_9fa48("534"), j++)) mean[j] = stryMutAct_9fa48("535") ? (mean[j] as number) * rows.length : (stryCov_9fa48("535"), (mean[j] as number) / rows.length);
    return mean;
  }
}

/**
 * Rows "just above the cutoff": among approved rows (PD below `cutoff`), the `share` (default 5%,
 * at least one) with the highest PD, i.e. the approved applicants closest to a decline.
 */
export function justAboveCutoff(pd: ArrayLike<number>, cutoff: number, share = 0.05): Int32Array {
  if (stryMutAct_9fa48("536")) {
    {}
  } else {
    stryCov_9fa48("536");
    const approved: number[] = stryMutAct_9fa48("537") ? ["Stryker was here"] : (stryCov_9fa48("537"), []);
    for (let i = 0; stryMutAct_9fa48("540") ? i >= pd.length : stryMutAct_9fa48("539") ? i <= pd.length : stryMutAct_9fa48("538") ? false : (stryCov_9fa48("538", "539", "540"), i < pd.length); stryMutAct_9fa48("541") ? i-- : (stryCov_9fa48("541"), i++)) if (stryMutAct_9fa48("545") ? pd[i] as number >= cutoff : stryMutAct_9fa48("544") ? (pd[i] as number) <= cutoff : stryMutAct_9fa48("543") ? false : stryMutAct_9fa48("542") ? true : (stryCov_9fa48("542", "543", "544", "545"), (pd[i] as number) < cutoff)) approved.push(i);
    stryMutAct_9fa48("546") ? approved : (stryCov_9fa48("546"), approved.sort(stryMutAct_9fa48("547") ? () => undefined : (stryCov_9fa48("547"), (a, b) => stryMutAct_9fa48("550") ? (pd[b] as number) - (pd[a] as number) && a - b : stryMutAct_9fa48("549") ? false : stryMutAct_9fa48("548") ? true : (stryCov_9fa48("548", "549", "550"), (stryMutAct_9fa48("551") ? (pd[b] as number) + (pd[a] as number) : (stryCov_9fa48("551"), (pd[b] as number) - (pd[a] as number))) || (stryMutAct_9fa48("552") ? a + b : (stryCov_9fa48("552"), a - b))))));
    const k = stryMutAct_9fa48("553") ? Math.max(approved.length, Math.max(1, Math.ceil(share * approved.length))) : (stryCov_9fa48("553"), Math.min(approved.length, stryMutAct_9fa48("554") ? Math.min(1, Math.ceil(share * approved.length)) : (stryCov_9fa48("554"), Math.max(1, Math.ceil(stryMutAct_9fa48("555") ? share / approved.length : (stryCov_9fa48("555"), share * approved.length))))));
    return Int32Array.from(stryMutAct_9fa48("556") ? approved : (stryCov_9fa48("556"), approved.slice(0, k)));
  }
}