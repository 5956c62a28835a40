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
import { goesLeft, type TreeEnsemble } from '../ml/tree/index.js';

/** One internal node a row passed through. */
export interface PathStep {
  /** Node id in the tree (as stored in the model). */
  readonly node: number;
  readonly feature: string;
  /** The split rule: `< threshold` for numbers, the left-going category labels for categories. */
  readonly threshold: number | null;
  readonly leftCategories: readonly string[] | null;
  /** The row's value (a label for categories; null when missing). */
  readonly value: number | string | null;
  readonly direction: 'left' | 'right';
  /** True when the value was missing and the node's default direction decided. */
  readonly missingRouted: boolean;
  /** Next node id. */
  readonly next: number;
}

/** A row's route through one tree: the steps and the leaf reached with its output (margin scale). */
export interface DecisionPath {
  readonly tree: number;
  readonly steps: readonly PathStep[];
  readonly leaf: number;
  readonly leafValue: number;
}

/**
 * The decision path of a row through tree `treeIndex` (same routing as `goesLeft`): node ids,
 * feature, threshold or category list, the value, the direction and whether missing-value routing
 * decided, ending at the leaf — the auditor's view of one tree. `x` is the row's model-aligned
 * input (as `rowMajorInput` gives it).
 */
export function decisionPath(ensemble: TreeEnsemble, treeIndex: number, x: ArrayLike<number>): DecisionPath {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    const tree = ensemble.trees[treeIndex];
    if (stryMutAct_9fa48("3") ? tree !== undefined : stryMutAct_9fa48("2") ? false : stryMutAct_9fa48("1") ? true : (stryCov_9fa48("1", "2", "3"), tree === undefined)) throw new RangeError(stryMutAct_9fa48("4") ? `` : (stryCov_9fa48("4"), `tree ${treeIndex} is outside 0..${stryMutAct_9fa48("5") ? ensemble.trees.length + 1 : (stryCov_9fa48("5"), ensemble.trees.length - 1)}`));
    const steps: PathStep[] = stryMutAct_9fa48("6") ? ["Stryker was here"] : (stryCov_9fa48("6"), []);
    let n = 0;
    while (stryMutAct_9fa48("9") ? (tree.feature[n] as number) < 0 : stryMutAct_9fa48("8") ? tree.feature[n] as number > 0 : stryMutAct_9fa48("7") ? false : (stryCov_9fa48("7", "8", "9"), tree.feature[n] as number >= 0)) {
      if (stryMutAct_9fa48("10")) {
        {}
      } else {
        stryCov_9fa48("10");
        const f = tree.feature[n] as number;
        const meta = ensemble.features[f];
        const raw = x[f] as number;
        const categorical = stryMutAct_9fa48("14") ? (tree.categoryStart[n] as number) < 0 : stryMutAct_9fa48("13") ? tree.categoryStart[n] as number > 0 : stryMutAct_9fa48("12") ? false : stryMutAct_9fa48("11") ? true : (stryCov_9fa48("11", "12", "13", "14"), tree.categoryStart[n] as number >= 0);
        const missing = stryMutAct_9fa48("17") ? Number.isNaN(raw) && categorical && raw < 0 : stryMutAct_9fa48("16") ? false : stryMutAct_9fa48("15") ? true : (stryCov_9fa48("15", "16", "17"), Number.isNaN(raw) || (stryMutAct_9fa48("19") ? categorical || raw < 0 : stryMutAct_9fa48("18") ? false : (stryCov_9fa48("18", "19"), categorical && (stryMutAct_9fa48("22") ? raw >= 0 : stryMutAct_9fa48("21") ? raw <= 0 : stryMutAct_9fa48("20") ? true : (stryCov_9fa48("20", "21", "22"), raw < 0)))));
        const left = goesLeft(tree, n, raw);
        const next = left ? tree.left[n] as number : tree.right[n] as number;
        let leftCategories: string[] | null = null;
        if (stryMutAct_9fa48("24") ? false : stryMutAct_9fa48("23") ? true : (stryCov_9fa48("23", "24"), categorical)) {
          if (stryMutAct_9fa48("25")) {
            {}
          } else {
            stryCov_9fa48("25");
            const start = tree.categoryStart[n] as number;
            leftCategories = Array.from(tree.categories.subarray(start, stryMutAct_9fa48("26") ? start - (tree.categoryCount[n] as number) : (stryCov_9fa48("26"), start + (tree.categoryCount[n] as number))), stryMutAct_9fa48("27") ? () => undefined : (stryCov_9fa48("27"), c => stryMutAct_9fa48("28") ? meta?.categories?.[c] && String(c) : (stryCov_9fa48("28"), (stryMutAct_9fa48("30") ? meta.categories?.[c] : stryMutAct_9fa48("29") ? meta?.categories[c] : (stryCov_9fa48("29", "30"), meta?.categories?.[c])) ?? String(c))));
          }
        }
        const value = missing ? null : (stryMutAct_9fa48("33") ? categorical && meta?.type === 'category' : stryMutAct_9fa48("32") ? false : stryMutAct_9fa48("31") ? true : (stryCov_9fa48("31", "32", "33"), categorical || (stryMutAct_9fa48("35") ? meta?.type !== 'category' : stryMutAct_9fa48("34") ? false : (stryCov_9fa48("34", "35"), (stryMutAct_9fa48("36") ? meta.type : (stryCov_9fa48("36"), meta?.type)) === (stryMutAct_9fa48("37") ? "" : (stryCov_9fa48("37"), 'category')))))) ? stryMutAct_9fa48("38") ? meta?.categories?.[raw] && `(unseen ${raw})` : (stryCov_9fa48("38"), (stryMutAct_9fa48("40") ? meta.categories?.[raw] : stryMutAct_9fa48("39") ? meta?.categories[raw] : (stryCov_9fa48("39", "40"), meta?.categories?.[raw])) ?? (stryMutAct_9fa48("41") ? `` : (stryCov_9fa48("41"), `(unseen ${raw})`))) : raw;
        steps.push(stryMutAct_9fa48("42") ? {} : (stryCov_9fa48("42"), {
          node: n,
          feature: stryMutAct_9fa48("43") ? meta?.name && `f${f}` : (stryCov_9fa48("43"), (stryMutAct_9fa48("44") ? meta.name : (stryCov_9fa48("44"), meta?.name)) ?? (stryMutAct_9fa48("45") ? `` : (stryCov_9fa48("45"), `f${f}`))),
          threshold: categorical ? null : tree.threshold[n] as number,
          leftCategories,
          value,
          direction: left ? stryMutAct_9fa48("46") ? "" : (stryCov_9fa48("46"), 'left') : stryMutAct_9fa48("47") ? "" : (stryCov_9fa48("47"), 'right'),
          missingRouted: missing,
          next
        }));
        n = next;
      }
    }
    return stryMutAct_9fa48("48") ? {} : (stryCov_9fa48("48"), {
      tree: treeIndex,
      steps,
      leaf: n,
      leafValue: tree.value[n] as number
    });
  }
}

/** One line per step, for auditors: `node 0: utilization = 0.82 ≥ 0.5 → right (node 2)`. */
export function formatDecisionPath(path: DecisionPath): string {
  if (stryMutAct_9fa48("49")) {
    {}
  } else {
    stryCov_9fa48("49");
    const lines = stryMutAct_9fa48("50") ? [] : (stryCov_9fa48("50"), [stryMutAct_9fa48("51") ? `` : (stryCov_9fa48("51"), `tree ${path.tree}:`)]);
    for (const s of path.steps) {
      if (stryMutAct_9fa48("52")) {
        {}
      } else {
        stryCov_9fa48("52");
        let rule: string;
        if (stryMutAct_9fa48("55") ? s.leftCategories === null : stryMutAct_9fa48("54") ? false : stryMutAct_9fa48("53") ? true : (stryCov_9fa48("53", "54", "55"), s.leftCategories !== null)) {
          if (stryMutAct_9fa48("56")) {
            {}
          } else {
            stryCov_9fa48("56");
            const inList = stryMutAct_9fa48("59") ? s.direction !== 'left' : stryMutAct_9fa48("58") ? false : stryMutAct_9fa48("57") ? true : (stryCov_9fa48("57", "58", "59"), s.direction === (stryMutAct_9fa48("60") ? "" : (stryCov_9fa48("60"), 'left')));
            rule = s.missingRouted ? stryMutAct_9fa48("61") ? `` : (stryCov_9fa48("61"), `missing → default ${s.direction}`) : stryMutAct_9fa48("62") ? `` : (stryCov_9fa48("62"), `${JSON.stringify(s.value)} ${inList ? stryMutAct_9fa48("63") ? "" : (stryCov_9fa48("63"), 'in') : stryMutAct_9fa48("64") ? "" : (stryCov_9fa48("64"), 'not in')} {${s.leftCategories.join(stryMutAct_9fa48("65") ? "" : (stryCov_9fa48("65"), ', '))}}`);
          }
        } else {
          if (stryMutAct_9fa48("66")) {
            {}
          } else {
            stryCov_9fa48("66");
            rule = s.missingRouted ? stryMutAct_9fa48("67") ? `` : (stryCov_9fa48("67"), `missing → default ${s.direction}`) : stryMutAct_9fa48("68") ? `` : (stryCov_9fa48("68"), `${s.value} ${(stryMutAct_9fa48("71") ? s.direction !== 'left' : stryMutAct_9fa48("70") ? false : stryMutAct_9fa48("69") ? true : (stryCov_9fa48("69", "70", "71"), s.direction === (stryMutAct_9fa48("72") ? "" : (stryCov_9fa48("72"), 'left')))) ? stryMutAct_9fa48("73") ? "" : (stryCov_9fa48("73"), '<') : stryMutAct_9fa48("74") ? "" : (stryCov_9fa48("74"), '≥')} ${s.threshold}`);
          }
        }
        lines.push(stryMutAct_9fa48("75") ? `` : (stryCov_9fa48("75"), `  node ${s.node}: ${s.feature}: ${rule} → ${s.direction} (node ${s.next})`));
      }
    }
    lines.push(stryMutAct_9fa48("76") ? `` : (stryCov_9fa48("76"), `  leaf ${path.leaf}: value ${path.leafValue}`));
    return stryMutAct_9fa48("77") ? `` : (stryCov_9fa48("77"), `${lines.join(stryMutAct_9fa48("78") ? "" : (stryCov_9fa48("78"), '\n'))}\n`);
  }
}