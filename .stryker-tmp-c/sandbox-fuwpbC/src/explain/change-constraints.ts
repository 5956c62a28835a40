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
import type { ChangeDirection, ChangeRule, ReasonCatalogue } from './reason-catalogue.js';

/** The constraint a counterfactual applies to one actionable feature, and where it came from. */
export interface ChangeConstraint {
  readonly feature: string;
  readonly direction: ChangeDirection;
  /** Absolute bounds: the data's range narrowed by the rule's min/max. */
  readonly lower: number;
  readonly upper: number;
  /** `flag` (the command line), `catalogue` (the reason catalogue's `change`) or `default` (any direction within the data's range). */
  readonly source: 'flag' | 'catalogue' | 'default';
}

/**
 * Resolves the change rule of each actionable feature: a command-line rule wins over the reason
 * catalogue's `change`, which wins over the default (any direction within the data's range
 * [min, max]). A feature whose rule is `none` (e.g. income: the applicant cannot change it) is
 * refused with `E_EXPLAIN_ACTIONABLE` naming where the rule came from, as is a feature whose bounds
 * leave no room.
 */
export function resolveChangeConstraints(features: readonly string[], range: readonly {
  readonly min: number;
  readonly max: number;
}[], catalogue: ReasonCatalogue | undefined, flags: Readonly<Record<string, Partial<ChangeRule>>> = {}): ChangeConstraint[] {
  if (stryMutAct_9fa48("0")) {
    {}
  } else {
    stryCov_9fa48("0");
    return features.map((feature, k) => {
      if (stryMutAct_9fa48("1")) {
        {}
      } else {
        stryCov_9fa48("1");
        const fromCatalogue = (stryMutAct_9fa48("4") ? catalogue !== undefined || Object.hasOwn(catalogue.features, feature) : stryMutAct_9fa48("3") ? false : stryMutAct_9fa48("2") ? true : (stryCov_9fa48("2", "3", "4"), (stryMutAct_9fa48("6") ? catalogue === undefined : stryMutAct_9fa48("5") ? true : (stryCov_9fa48("5", "6"), catalogue !== undefined)) && Object.hasOwn(catalogue.features, feature))) ? stryMutAct_9fa48("7") ? catalogue.features[feature].change : (stryCov_9fa48("7"), catalogue.features[feature]?.change) : undefined;
        const flag = Object.hasOwn(flags, feature) ? flags[feature] : undefined;
        const source = (stryMutAct_9fa48("10") ? flag === undefined : stryMutAct_9fa48("9") ? false : stryMutAct_9fa48("8") ? true : (stryCov_9fa48("8", "9", "10"), flag !== undefined)) ? stryMutAct_9fa48("11") ? "" : (stryCov_9fa48("11"), 'flag') : (stryMutAct_9fa48("14") ? fromCatalogue === undefined : stryMutAct_9fa48("13") ? false : stryMutAct_9fa48("12") ? true : (stryCov_9fa48("12", "13", "14"), fromCatalogue !== undefined)) ? stryMutAct_9fa48("15") ? "" : (stryCov_9fa48("15"), 'catalogue') : stryMutAct_9fa48("16") ? "" : (stryCov_9fa48("16"), 'default');
        const rule: Partial<ChangeRule> = stryMutAct_9fa48("17") ? {} : (stryCov_9fa48("17"), {
          ...fromCatalogue,
          ...flag
        });
        const direction = stryMutAct_9fa48("18") ? rule.direction && 'any' : (stryCov_9fa48("18"), rule.direction ?? (stryMutAct_9fa48("19") ? "" : (stryCov_9fa48("19"), 'any')));
        if (stryMutAct_9fa48("22") ? direction !== 'none' : stryMutAct_9fa48("21") ? false : stryMutAct_9fa48("20") ? true : (stryCov_9fa48("20", "21", "22"), direction === (stryMutAct_9fa48("23") ? "" : (stryCov_9fa48("23"), 'none')))) {
          if (stryMutAct_9fa48("24")) {
            {}
          } else {
            stryCov_9fa48("24");
            throw new CredoError(stryMutAct_9fa48("25") ? "" : (stryCov_9fa48("25"), 'E_EXPLAIN_ACTIONABLE'), stryMutAct_9fa48("26") ? {} : (stryCov_9fa48("26"), {
              feature,
              problem: (stryMutAct_9fa48("29") ? source !== 'flag' : stryMutAct_9fa48("28") ? false : stryMutAct_9fa48("27") ? true : (stryCov_9fa48("27", "28", "29"), source === (stryMutAct_9fa48("30") ? "" : (stryCov_9fa48("30"), 'flag')))) ? stryMutAct_9fa48("31") ? "" : (stryCov_9fa48("31"), 'its --direction is none: the applicant cannot change it') : stryMutAct_9fa48("32") ? `` : (stryCov_9fa48("32"), `the reason catalogue says the applicant cannot change it (features.${feature}.change.direction = none); override with --direction ${feature}:any`)
            }));
          }
        }
        const data = stryMutAct_9fa48("33") ? range[k] && {
          min: Number.NEGATIVE_INFINITY,
          max: Number.POSITIVE_INFINITY
        } : (stryCov_9fa48("33"), range[k] ?? (stryMutAct_9fa48("34") ? {} : (stryCov_9fa48("34"), {
          min: Number.NEGATIVE_INFINITY,
          max: Number.POSITIVE_INFINITY
        })));
        const lower = stryMutAct_9fa48("35") ? Math.min(data.min, rule.min ?? Number.NEGATIVE_INFINITY) : (stryCov_9fa48("35"), Math.max(data.min, stryMutAct_9fa48("36") ? rule.min && Number.NEGATIVE_INFINITY : (stryCov_9fa48("36"), rule.min ?? Number.NEGATIVE_INFINITY)));
        const upper = stryMutAct_9fa48("37") ? Math.max(data.max, rule.max ?? Number.POSITIVE_INFINITY) : (stryCov_9fa48("37"), Math.min(data.max, stryMutAct_9fa48("38") ? rule.max && Number.POSITIVE_INFINITY : (stryCov_9fa48("38"), rule.max ?? Number.POSITIVE_INFINITY)));
        if (stryMutAct_9fa48("41") ? false : stryMutAct_9fa48("40") ? true : stryMutAct_9fa48("39") ? lower <= upper : (stryCov_9fa48("39", "40", "41"), !(stryMutAct_9fa48("45") ? lower > upper : stryMutAct_9fa48("44") ? lower < upper : stryMutAct_9fa48("43") ? false : stryMutAct_9fa48("42") ? true : (stryCov_9fa48("42", "43", "44", "45"), lower <= upper)))) throw new CredoError(stryMutAct_9fa48("46") ? "" : (stryCov_9fa48("46"), 'E_EXPLAIN_ACTIONABLE'), stryMutAct_9fa48("47") ? {} : (stryCov_9fa48("47"), {
          feature,
          problem: stryMutAct_9fa48("48") ? `` : (stryCov_9fa48("48"), `its bounds [${lower}, ${upper}] are empty`)
        }));
        return stryMutAct_9fa48("49") ? {} : (stryCov_9fa48("49"), {
          feature,
          direction,
          lower,
          upper,
          source
        });
      }
    });
  }
}

/** The interval a feature at `current` may move in: its bounds, cut at the current value by the direction. */
export function changeInterval(constraint: ChangeConstraint, current: number): [number, number] {
  if (stryMutAct_9fa48("50")) {
    {}
  } else {
    stryCov_9fa48("50");
    const lower = (stryMutAct_9fa48("53") ? constraint.direction !== 'increase' : stryMutAct_9fa48("52") ? false : stryMutAct_9fa48("51") ? true : (stryCov_9fa48("51", "52", "53"), constraint.direction === (stryMutAct_9fa48("54") ? "" : (stryCov_9fa48("54"), 'increase')))) ? stryMutAct_9fa48("55") ? Math.min(constraint.lower, current) : (stryCov_9fa48("55"), Math.max(constraint.lower, current)) : constraint.lower;
    const upper = (stryMutAct_9fa48("58") ? constraint.direction !== 'decrease' : stryMutAct_9fa48("57") ? false : stryMutAct_9fa48("56") ? true : (stryCov_9fa48("56", "57", "58"), constraint.direction === (stryMutAct_9fa48("59") ? "" : (stryCov_9fa48("59"), 'decrease')))) ? stryMutAct_9fa48("60") ? Math.max(constraint.upper, current) : (stryCov_9fa48("60"), Math.min(constraint.upper, current)) : constraint.upper;
    return stryMutAct_9fa48("61") ? [] : (stryCov_9fa48("61"), [lower, upper]);
  }
}

/** One line per constraint for reports, e.g. "LOAN may only decrease, within [1100, 89900] (reason catalogue)". */
export function describeChangeConstraint(c: ChangeConstraint): string {
  if (stryMutAct_9fa48("62")) {
    {}
  } else {
    stryCov_9fa48("62");
    const how = (stryMutAct_9fa48("65") ? c.direction !== 'any' : stryMutAct_9fa48("64") ? false : stryMutAct_9fa48("63") ? true : (stryCov_9fa48("63", "64", "65"), c.direction === (stryMutAct_9fa48("66") ? "" : (stryCov_9fa48("66"), 'any')))) ? stryMutAct_9fa48("67") ? "" : (stryCov_9fa48("67"), 'may move either way') : stryMutAct_9fa48("68") ? `` : (stryCov_9fa48("68"), `may only ${c.direction}`);
    const source = (stryMutAct_9fa48("71") ? c.source !== 'flag' : stryMutAct_9fa48("70") ? false : stryMutAct_9fa48("69") ? true : (stryCov_9fa48("69", "70", "71"), c.source === (stryMutAct_9fa48("72") ? "" : (stryCov_9fa48("72"), 'flag')))) ? stryMutAct_9fa48("73") ? "" : (stryCov_9fa48("73"), 'command line') : (stryMutAct_9fa48("76") ? c.source !== 'catalogue' : stryMutAct_9fa48("75") ? false : stryMutAct_9fa48("74") ? true : (stryCov_9fa48("74", "75", "76"), c.source === (stryMutAct_9fa48("77") ? "" : (stryCov_9fa48("77"), 'catalogue')))) ? stryMutAct_9fa48("78") ? "" : (stryCov_9fa48("78"), 'reason catalogue') : stryMutAct_9fa48("79") ? "" : (stryCov_9fa48("79"), 'default: the data range');
    return stryMutAct_9fa48("80") ? `` : (stryCov_9fa48("80"), `${c.feature} ${how}, within [${c.lower}, ${c.upper}] (${source})`);
  }
}

/**
 * Parses `--direction` items `feature:decrease|increase|any|none` (also down/up) and `--bounds`
 * items `feature:min..max` (either end may be empty) into per-feature rules.
 */
export function parseChangeFlags(directions: readonly string[], bounds: readonly string[]): Record<string, Partial<ChangeRule>> {
  if (stryMutAct_9fa48("81")) {
    {}
  } else {
    stryCov_9fa48("81");
    const out: Record<string, {
      direction?: ChangeDirection;
      min?: number;
      max?: number;
    }> = {};
    const alias: Record<string, ChangeDirection> = stryMutAct_9fa48("82") ? {} : (stryCov_9fa48("82"), {
      decrease: stryMutAct_9fa48("83") ? "" : (stryCov_9fa48("83"), 'decrease'),
      down: stryMutAct_9fa48("84") ? "" : (stryCov_9fa48("84"), 'decrease'),
      increase: stryMutAct_9fa48("85") ? "" : (stryCov_9fa48("85"), 'increase'),
      up: stryMutAct_9fa48("86") ? "" : (stryCov_9fa48("86"), 'increase'),
      any: stryMutAct_9fa48("87") ? "" : (stryCov_9fa48("87"), 'any'),
      none: stryMutAct_9fa48("88") ? "" : (stryCov_9fa48("88"), 'none')
    });
    for (const item of directions) {
      if (stryMutAct_9fa48("89")) {
        {}
      } else {
        stryCov_9fa48("89");
        const at = item.lastIndexOf(stryMutAct_9fa48("90") ? "" : (stryCov_9fa48("90"), ':'));
        const word = stryMutAct_9fa48("91") ? item : (stryCov_9fa48("91"), item.slice(stryMutAct_9fa48("92") ? at - 1 : (stryCov_9fa48("92"), at + 1)));
        // own keys only: `feature:toString` must not find Object.prototype's function
        const direction = Object.hasOwn(alias, word) ? alias[word] : undefined;
        if (stryMutAct_9fa48("95") ? at <= 0 && direction === undefined : stryMutAct_9fa48("94") ? false : stryMutAct_9fa48("93") ? true : (stryCov_9fa48("93", "94", "95"), (stryMutAct_9fa48("98") ? at > 0 : stryMutAct_9fa48("97") ? at < 0 : stryMutAct_9fa48("96") ? false : (stryCov_9fa48("96", "97", "98"), at <= 0)) || (stryMutAct_9fa48("100") ? direction !== undefined : stryMutAct_9fa48("99") ? false : (stryCov_9fa48("99", "100"), direction === undefined)))) throw new CredoError(stryMutAct_9fa48("101") ? "" : (stryCov_9fa48("101"), 'E_INPUT_FLAG_INVALID'), stryMutAct_9fa48("102") ? {} : (stryCov_9fa48("102"), {
          flag: stryMutAct_9fa48("103") ? "" : (stryCov_9fa48("103"), 'direction'),
          problem: stryMutAct_9fa48("104") ? "" : (stryCov_9fa48("104"), 'expected feature:decrease|increase|any|none'),
          value: item
        }));
        const name = stryMutAct_9fa48("105") ? item : (stryCov_9fa48("105"), item.slice(0, at));
        out[name] = stryMutAct_9fa48("106") ? {} : (stryCov_9fa48("106"), {
          ...out[name],
          direction
        });
      }
    }
    for (const item of bounds) {
      if (stryMutAct_9fa48("107")) {
        {}
      } else {
        stryCov_9fa48("107");
        const match = (stryMutAct_9fa48("118") ? /^(.+):(-?[\d.eE+-]*)\.\.(-?[\D.eE+-]*)$/ : stryMutAct_9fa48("117") ? /^(.+):(-?[\d.eE+-]*)\.\.(-?[^\d.eE+-]*)$/ : stryMutAct_9fa48("116") ? /^(.+):(-?[\d.eE+-]*)\.\.(-?[\d.eE+-])$/ : stryMutAct_9fa48("115") ? /^(.+):(-?[\d.eE+-]*)\.\.(-[\d.eE+-]*)$/ : stryMutAct_9fa48("114") ? /^(.+):(-?[\D.eE+-]*)\.\.(-?[\d.eE+-]*)$/ : stryMutAct_9fa48("113") ? /^(.+):(-?[^\d.eE+-]*)\.\.(-?[\d.eE+-]*)$/ : stryMutAct_9fa48("112") ? /^(.+):(-?[\d.eE+-])\.\.(-?[\d.eE+-]*)$/ : stryMutAct_9fa48("111") ? /^(.+):(-[\d.eE+-]*)\.\.(-?[\d.eE+-]*)$/ : stryMutAct_9fa48("110") ? /^(.):(-?[\d.eE+-]*)\.\.(-?[\d.eE+-]*)$/ : stryMutAct_9fa48("109") ? /^(.+):(-?[\d.eE+-]*)\.\.(-?[\d.eE+-]*)/ : stryMutAct_9fa48("108") ? /(.+):(-?[\d.eE+-]*)\.\.(-?[\d.eE+-]*)$/ : (stryCov_9fa48("108", "109", "110", "111", "112", "113", "114", "115", "116", "117", "118"), /^(.+):(-?[\d.eE+-]*)\.\.(-?[\d.eE+-]*)$/)).exec(item);
        const min = (stryMutAct_9fa48("121") ? match?.[2] !== '' : stryMutAct_9fa48("120") ? false : stryMutAct_9fa48("119") ? true : (stryCov_9fa48("119", "120", "121"), (stryMutAct_9fa48("122") ? match[2] : (stryCov_9fa48("122"), match?.[2])) === (stryMutAct_9fa48("123") ? "Stryker was here!" : (stryCov_9fa48("123"), '')))) ? undefined : Number(stryMutAct_9fa48("124") ? match[2] : (stryCov_9fa48("124"), match?.[2]));
        const max = (stryMutAct_9fa48("127") ? match?.[3] !== '' : stryMutAct_9fa48("126") ? false : stryMutAct_9fa48("125") ? true : (stryCov_9fa48("125", "126", "127"), (stryMutAct_9fa48("128") ? match[3] : (stryCov_9fa48("128"), match?.[3])) === (stryMutAct_9fa48("129") ? "Stryker was here!" : (stryCov_9fa48("129"), '')))) ? undefined : Number(stryMutAct_9fa48("130") ? match[3] : (stryCov_9fa48("130"), match?.[3]));
        if (stryMutAct_9fa48("133") ? (match === null || min !== undefined && !Number.isFinite(min)) && max !== undefined && !Number.isFinite(max) : stryMutAct_9fa48("132") ? false : stryMutAct_9fa48("131") ? true : (stryCov_9fa48("131", "132", "133"), (stryMutAct_9fa48("135") ? match === null && min !== undefined && !Number.isFinite(min) : stryMutAct_9fa48("134") ? false : (stryCov_9fa48("134", "135"), (stryMutAct_9fa48("137") ? match !== null : stryMutAct_9fa48("136") ? false : (stryCov_9fa48("136", "137"), match === null)) || (stryMutAct_9fa48("139") ? min !== undefined || !Number.isFinite(min) : stryMutAct_9fa48("138") ? false : (stryCov_9fa48("138", "139"), (stryMutAct_9fa48("141") ? min === undefined : stryMutAct_9fa48("140") ? true : (stryCov_9fa48("140", "141"), min !== undefined)) && (stryMutAct_9fa48("142") ? Number.isFinite(min) : (stryCov_9fa48("142"), !Number.isFinite(min))))))) || (stryMutAct_9fa48("144") ? max !== undefined || !Number.isFinite(max) : stryMutAct_9fa48("143") ? false : (stryCov_9fa48("143", "144"), (stryMutAct_9fa48("146") ? max === undefined : stryMutAct_9fa48("145") ? true : (stryCov_9fa48("145", "146"), max !== undefined)) && (stryMutAct_9fa48("147") ? Number.isFinite(max) : (stryCov_9fa48("147"), !Number.isFinite(max))))))) throw new CredoError(stryMutAct_9fa48("148") ? "" : (stryCov_9fa48("148"), 'E_INPUT_FLAG_INVALID'), stryMutAct_9fa48("149") ? {} : (stryCov_9fa48("149"), {
          flag: stryMutAct_9fa48("150") ? "" : (stryCov_9fa48("150"), 'bounds'),
          problem: stryMutAct_9fa48("151") ? "" : (stryCov_9fa48("151"), 'expected feature:min..max (either end may be empty)'),
          value: item
        }));
        const name = match[1] as string;
        out[name] = stryMutAct_9fa48("152") ? {} : (stryCov_9fa48("152"), {
          ...out[name],
          ...((stryMutAct_9fa48("155") ? min !== undefined : stryMutAct_9fa48("154") ? false : stryMutAct_9fa48("153") ? true : (stryCov_9fa48("153", "154", "155"), min === undefined)) ? {} : stryMutAct_9fa48("156") ? {} : (stryCov_9fa48("156"), {
            min
          })),
          ...((stryMutAct_9fa48("159") ? max !== undefined : stryMutAct_9fa48("158") ? false : stryMutAct_9fa48("157") ? true : (stryCov_9fa48("157", "158", "159"), max === undefined)) ? {} : stryMutAct_9fa48("160") ? {} : (stryCov_9fa48("160"), {
            max
          }))
        });
      }
    }
    return out;
  }
}