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
import type { Tree, TreeEnsemble, TreeFeature } from '../ml/tree/index.js';
import { Rng } from '../random/index.js';

/** Options of `randomTreeEnsemble`. */
export interface RandomTreeEnsembleOptions {
  readonly seed: number;
  readonly features: number;
  /** How many of the features (the last ones) are categorical with `categoryCount` levels. */
  readonly categorical?: number;
  readonly categoryCount?: number;
  readonly trees: number;
  readonly maxDepth: number;
  /** Probability that a node at depth < maxDepth becomes a leaf (default 0.2). */
  readonly leafProbability?: number;
  readonly averaging?: boolean;
}

/**
 * A random tree ensemble for tests and benchmarks: random features (repeats along a path allowed),
 * thresholds on a grid of tenths in [−1, 1], random missing directions, random category lists,
 * positive covers (internal cover = sum of the children) and normal leaf values.
 */
export function randomTreeEnsemble(options: RandomTreeEnsembleOptions): TreeEnsemble {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    const rng = new Rng(options.seed);
    const categorical = stryMutAct_9fa48("1") ? options.categorical && 0 : (stryCov_9fa48("1"), options.categorical ?? 0);
    const levels = stryMutAct_9fa48("2") ? options.categoryCount && 4 : (stryCov_9fa48("2"), options.categoryCount ?? 4);
    const features: TreeFeature[] = stryMutAct_9fa48("3") ? ["Stryker was here"] : (stryCov_9fa48("3"), []);
    for (let j = 0; stryMutAct_9fa48("6") ? j >= options.features : stryMutAct_9fa48("5") ? j <= options.features : stryMutAct_9fa48("4") ? false : (stryCov_9fa48("4", "5", "6"), j < options.features); stryMutAct_9fa48("7") ? j-- : (stryCov_9fa48("7"), j++)) {
      if (stryMutAct_9fa48("8")) {
        {}
      } else {
        stryCov_9fa48("8");
        const isCategory = stryMutAct_9fa48("12") ? j < options.features - categorical : stryMutAct_9fa48("11") ? j > options.features - categorical : stryMutAct_9fa48("10") ? false : stryMutAct_9fa48("9") ? true : (stryCov_9fa48("9", "10", "11", "12"), j >= (stryMutAct_9fa48("13") ? options.features + categorical : (stryCov_9fa48("13"), options.features - categorical)));
        features.push(isCategory ? stryMutAct_9fa48("14") ? {} : (stryCov_9fa48("14"), {
          name: stryMutAct_9fa48("15") ? `` : (stryCov_9fa48("15"), `f${j}`),
          type: stryMutAct_9fa48("16") ? "" : (stryCov_9fa48("16"), 'category'),
          categories: Array.from(stryMutAct_9fa48("17") ? {} : (stryCov_9fa48("17"), {
            length: levels
          }), stryMutAct_9fa48("18") ? () => undefined : (stryCov_9fa48("18"), (_, k) => stryMutAct_9fa48("19") ? `` : (stryCov_9fa48("19"), `c${k}`)))
        }) : stryMutAct_9fa48("20") ? {} : (stryCov_9fa48("20"), {
          name: stryMutAct_9fa48("21") ? `` : (stryCov_9fa48("21"), `f${j}`),
          type: stryMutAct_9fa48("22") ? "" : (stryCov_9fa48("22"), 'number')
        }));
      }
    }
    const trees: Tree[] = stryMutAct_9fa48("23") ? ["Stryker was here"] : (stryCov_9fa48("23"), []);
    for (let t = 0; stryMutAct_9fa48("26") ? t >= options.trees : stryMutAct_9fa48("25") ? t <= options.trees : stryMutAct_9fa48("24") ? false : (stryCov_9fa48("24", "25", "26"), t < options.trees); stryMutAct_9fa48("27") ? t-- : (stryCov_9fa48("27"), t++)) trees.push(randomTree(rng, features, options.maxDepth, stryMutAct_9fa48("28") ? options.leafProbability && 0.2 : (stryCov_9fa48("28"), options.leafProbability ?? 0.2), levels));
    return stryMutAct_9fa48("29") ? {} : (stryCov_9fa48("29"), {
      trees,
      features,
      baseScore: stryMutAct_9fa48("30") ? rng.nextNormal() / 0.1 : (stryCov_9fa48("30"), rng.nextNormal() * 0.1),
      objective: stryMutAct_9fa48("31") ? "" : (stryCov_9fa48("31"), 'binary'),
      averaging: stryMutAct_9fa48("32") ? options.averaging && false : (stryCov_9fa48("32"), options.averaging ?? (stryMutAct_9fa48("33") ? true : (stryCov_9fa48("33"), false))),
      inputPrecision: stryMutAct_9fa48("34") ? "" : (stryCov_9fa48("34"), 'float64')
    });
  }
}
function randomTree(rng: Rng, features: readonly TreeFeature[], maxDepth: number, leafProbability: number, levels: number): Tree {
  if (stryMutAct_9fa48("35")) {
    {}
  } else {
    stryCov_9fa48("35");
    const feature: number[] = stryMutAct_9fa48("36") ? ["Stryker was here"] : (stryCov_9fa48("36"), []);
    const threshold: number[] = stryMutAct_9fa48("37") ? ["Stryker was here"] : (stryCov_9fa48("37"), []);
    const left: number[] = stryMutAct_9fa48("38") ? ["Stryker was here"] : (stryCov_9fa48("38"), []);
    const right: number[] = stryMutAct_9fa48("39") ? ["Stryker was here"] : (stryCov_9fa48("39"), []);
    const defaultLeft: number[] = stryMutAct_9fa48("40") ? ["Stryker was here"] : (stryCov_9fa48("40"), []);
    const categoryStart: number[] = stryMutAct_9fa48("41") ? ["Stryker was here"] : (stryCov_9fa48("41"), []);
    const categoryCount: number[] = stryMutAct_9fa48("42") ? ["Stryker was here"] : (stryCov_9fa48("42"), []);
    const categories: number[] = stryMutAct_9fa48("43") ? ["Stryker was here"] : (stryCov_9fa48("43"), []);
    const value: number[] = stryMutAct_9fa48("44") ? ["Stryker was here"] : (stryCov_9fa48("44"), []);
    const cover: number[] = stryMutAct_9fa48("45") ? ["Stryker was here"] : (stryCov_9fa48("45"), []);
    const gain: number[] = stryMutAct_9fa48("46") ? ["Stryker was here"] : (stryCov_9fa48("46"), []);
    const grow = (depth: number): number => {
      if (stryMutAct_9fa48("47")) {
        {}
      } else {
        stryCov_9fa48("47");
        const n = feature.length;
        feature.push(stryMutAct_9fa48("48") ? +1 : (stryCov_9fa48("48"), -1));
        threshold.push(0);
        left.push(stryMutAct_9fa48("49") ? +1 : (stryCov_9fa48("49"), -1));
        right.push(stryMutAct_9fa48("50") ? +1 : (stryCov_9fa48("50"), -1));
        defaultLeft.push(0);
        categoryStart.push(stryMutAct_9fa48("51") ? +1 : (stryCov_9fa48("51"), -1));
        categoryCount.push(0);
        value.push(0);
        cover.push(0);
        gain.push(0);
        if (stryMutAct_9fa48("54") ? depth >= maxDepth && depth > 0 && rng.nextDouble() < leafProbability : stryMutAct_9fa48("53") ? false : stryMutAct_9fa48("52") ? true : (stryCov_9fa48("52", "53", "54"), (stryMutAct_9fa48("57") ? depth < maxDepth : stryMutAct_9fa48("56") ? depth > maxDepth : stryMutAct_9fa48("55") ? false : (stryCov_9fa48("55", "56", "57"), depth >= maxDepth)) || (stryMutAct_9fa48("59") ? depth > 0 || rng.nextDouble() < leafProbability : stryMutAct_9fa48("58") ? false : (stryCov_9fa48("58", "59"), (stryMutAct_9fa48("62") ? depth <= 0 : stryMutAct_9fa48("61") ? depth >= 0 : stryMutAct_9fa48("60") ? true : (stryCov_9fa48("60", "61", "62"), depth > 0)) && (stryMutAct_9fa48("65") ? rng.nextDouble() >= leafProbability : stryMutAct_9fa48("64") ? rng.nextDouble() <= leafProbability : stryMutAct_9fa48("63") ? true : (stryCov_9fa48("63", "64", "65"), rng.nextDouble() < leafProbability)))))) {
          if (stryMutAct_9fa48("66")) {
            {}
          } else {
            stryCov_9fa48("66");
            value[n] = rng.nextNormal();
            cover[n] = stryMutAct_9fa48("67") ? 1 - rng.nextInt(20) : (stryCov_9fa48("67"), 1 + rng.nextInt(20));
            return n;
          }
        }
        const f = rng.nextInt(features.length);
        feature[n] = f;
        defaultLeft[n] = (stryMutAct_9fa48("71") ? rng.nextDouble() >= 0.5 : stryMutAct_9fa48("70") ? rng.nextDouble() <= 0.5 : stryMutAct_9fa48("69") ? false : stryMutAct_9fa48("68") ? true : (stryCov_9fa48("68", "69", "70", "71"), rng.nextDouble() < 0.5)) ? 1 : 0;
        gain[n] = rng.nextDouble();
        if (stryMutAct_9fa48("74") ? features[f]?.type !== 'category' : stryMutAct_9fa48("73") ? false : stryMutAct_9fa48("72") ? true : (stryCov_9fa48("72", "73", "74"), (stryMutAct_9fa48("75") ? features[f].type : (stryCov_9fa48("75"), features[f]?.type)) === (stryMutAct_9fa48("76") ? "" : (stryCov_9fa48("76"), 'category')))) {
          if (stryMutAct_9fa48("77")) {
            {}
          } else {
            stryCov_9fa48("77");
            categoryStart[n] = categories.length;
            for (let k = 0; stryMutAct_9fa48("80") ? k >= levels : stryMutAct_9fa48("79") ? k <= levels : stryMutAct_9fa48("78") ? false : (stryCov_9fa48("78", "79", "80"), k < levels); stryMutAct_9fa48("81") ? k-- : (stryCov_9fa48("81"), k++)) if (stryMutAct_9fa48("85") ? rng.nextDouble() >= 0.5 : stryMutAct_9fa48("84") ? rng.nextDouble() <= 0.5 : stryMutAct_9fa48("83") ? false : stryMutAct_9fa48("82") ? true : (stryCov_9fa48("82", "83", "84", "85"), rng.nextDouble() < 0.5)) categories.push(k);
            categoryCount[n] = stryMutAct_9fa48("86") ? categories.length + (categoryStart[n] as number) : (stryCov_9fa48("86"), categories.length - (categoryStart[n] as number));
          }
        } else {
          if (stryMutAct_9fa48("87")) {
            {}
          } else {
            stryCov_9fa48("87");
            threshold[n] = stryMutAct_9fa48("88") ? (rng.nextInt(21) - 10) * 10 : (stryCov_9fa48("88"), (stryMutAct_9fa48("89") ? rng.nextInt(21) + 10 : (stryCov_9fa48("89"), rng.nextInt(21) - 10)) / 10);
          }
        }
        const l = grow(stryMutAct_9fa48("90") ? depth - 1 : (stryCov_9fa48("90"), depth + 1));
        const r = grow(stryMutAct_9fa48("91") ? depth - 1 : (stryCov_9fa48("91"), depth + 1));
        left[n] = l;
        right[n] = r;
        cover[n] = stryMutAct_9fa48("92") ? (cover[l] as number) - (cover[r] as number) : (stryCov_9fa48("92"), (cover[l] as number) + (cover[r] as number));
        value[n] = stryMutAct_9fa48("93") ? ((cover[l] as number) * (value[l] as number) + (cover[r] as number) * (value[r] as number)) * (cover[n] as number) : (stryCov_9fa48("93"), (stryMutAct_9fa48("94") ? (cover[l] as number) * (value[l] as number) - (cover[r] as number) * (value[r] as number) : (stryCov_9fa48("94"), (stryMutAct_9fa48("95") ? (cover[l] as number) / (value[l] as number) : (stryCov_9fa48("95"), (cover[l] as number) * (value[l] as number))) + (stryMutAct_9fa48("96") ? (cover[r] as number) / (value[r] as number) : (stryCov_9fa48("96"), (cover[r] as number) * (value[r] as number))))) / (cover[n] as number));
        return n;
      }
    };
    grow(0);
    return stryMutAct_9fa48("97") ? {} : (stryCov_9fa48("97"), {
      feature: Int32Array.from(feature),
      threshold: Float64Array.from(threshold),
      left: Int32Array.from(left),
      right: Int32Array.from(right),
      defaultLeft: Uint8Array.from(defaultLeft),
      categoryStart: Int32Array.from(categoryStart),
      categoryCount: Int32Array.from(categoryCount),
      categories: Int32Array.from(categories),
      value: Float64Array.from(value),
      cover: Float64Array.from(cover),
      gain: Float64Array.from(gain)
    });
  }
}

/**
 * Random rows for a random ensemble, row-major: numeric values on a grid of twentieths in
 * [−1.2, 1.2] (so some equal a threshold), categories 0..levels (levels = unseen), and a share
 * `missing` of NaN values.
 */
export function randomRows(ensemble: TreeEnsemble, rows: number, seed: number, missing = 0.15): Float64Array {
  if (stryMutAct_9fa48("98")) {
    {}
  } else {
    stryCov_9fa48("98");
    const rng = new Rng(seed);
    const p = ensemble.features.length;
    const x = new Float64Array(stryMutAct_9fa48("99") ? rows / p : (stryCov_9fa48("99"), rows * p));
    for (let i = 0; stryMutAct_9fa48("102") ? i >= rows : stryMutAct_9fa48("101") ? i <= rows : stryMutAct_9fa48("100") ? false : (stryCov_9fa48("100", "101", "102"), i < rows); stryMutAct_9fa48("103") ? i-- : (stryCov_9fa48("103"), i++)) {
      if (stryMutAct_9fa48("104")) {
        {}
      } else {
        stryCov_9fa48("104");
        for (let j = 0; stryMutAct_9fa48("107") ? j >= p : stryMutAct_9fa48("106") ? j <= p : stryMutAct_9fa48("105") ? false : (stryCov_9fa48("105", "106", "107"), j < p); stryMutAct_9fa48("108") ? j-- : (stryCov_9fa48("108"), j++)) {
          if (stryMutAct_9fa48("109")) {
            {}
          } else {
            stryCov_9fa48("109");
            const feature = ensemble.features[j] as TreeFeature;
            let v: number;
            if (stryMutAct_9fa48("113") ? rng.nextDouble() >= missing : stryMutAct_9fa48("112") ? rng.nextDouble() <= missing : stryMutAct_9fa48("111") ? false : stryMutAct_9fa48("110") ? true : (stryCov_9fa48("110", "111", "112", "113"), rng.nextDouble() < missing)) v = Number.NaN;else if (stryMutAct_9fa48("116") ? feature.type !== 'category' : stryMutAct_9fa48("115") ? false : stryMutAct_9fa48("114") ? true : (stryCov_9fa48("114", "115", "116"), feature.type === (stryMutAct_9fa48("117") ? "" : (stryCov_9fa48("117"), 'category')))) v = rng.nextInt(stryMutAct_9fa48("118") ? (feature.categories?.length ?? 0) - 1 : (stryCov_9fa48("118"), (stryMutAct_9fa48("119") ? feature.categories?.length && 0 : (stryCov_9fa48("119"), (stryMutAct_9fa48("120") ? feature.categories.length : (stryCov_9fa48("120"), feature.categories?.length)) ?? 0)) + 1));else v = stryMutAct_9fa48("121") ? (rng.nextInt(49) - 24) * 20 : (stryCov_9fa48("121"), (stryMutAct_9fa48("122") ? rng.nextInt(49) + 24 : (stryCov_9fa48("122"), rng.nextInt(49) - 24)) / 20);
            x[stryMutAct_9fa48("123") ? i * p - j : (stryCov_9fa48("123"), (stryMutAct_9fa48("124") ? i / p : (stryCov_9fa48("124"), i * p)) + j)] = v;
          }
        }
      }
    }
    return x;
  }
}