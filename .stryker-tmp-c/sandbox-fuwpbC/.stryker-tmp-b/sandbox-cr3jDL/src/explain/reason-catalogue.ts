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
import { CredoError } from '../errors/index.js';

/** One reason: a stable code and the plain-language text shown to the applicant. */
export interface ReasonText {
  readonly code: string;
  readonly text: string;
}

/** A special (sentinel) value of a feature with its own reason, e.g. −1 = "no bureau record". */
export interface SpecialReason extends ReasonText {
  readonly value: number | string;
}

/** How the catalogue describes one feature. */
export interface FeatureReason extends ReasonText {
  /** Reason when the value is missing (default: the catalogue's generic missing text). */
  readonly missing?: ReasonText;
  /** Reasons for special values, matched exactly. */
  readonly special?: readonly SpecialReason[];
  /** True for the inquiries factor: FCRA §609(f) adds it as a fifth reason when it is adverse but not in the top four. */
  readonly inquiries?: boolean;
  /** How a counterfactual may change the feature (direction and absolute bounds); absent = any direction within the data's range. */
  readonly change?: ChangeRule;
  /** True for a protected attribute (ECOA/Reg B): never a model feature without an explicit flag, never a principal reason. */
  readonly protected?: boolean;
}

/** Allowed direction of a counterfactual change: `none` = the applicant cannot change it (e.g. income). */
export type ChangeDirection = 'decrease' | 'increase' | 'any' | 'none';

/** How a feature may change in a counterfactual. */
export interface ChangeRule {
  readonly direction: ChangeDirection;
  /** Absolute bounds of the changed value (within the data's range in any case). */
  readonly min?: number;
  readonly max?: number;
}

/**
 * The editable reason catalogue (`data/reasons.json`): feature name → code and text. Features
 * not listed get `generic` (code and text); missing values of unlisted features get
 * `genericMissing`, where `{feature}` is replaced by the feature name.
 */
export interface ReasonCatalogue {
  readonly version: 1;
  readonly generic: ReasonText;
  readonly genericMissing: ReasonText;
  readonly features: Readonly<Record<string, FeatureReason>>;
}

/** The allowed change directions, in the catalogue's spelling. */
export const CHANGE_DIRECTIONS: readonly ChangeDirection[] = stryMutAct_9fa48("248") ? [] : (stryCov_9fa48("248"), [stryMutAct_9fa48("249") ? "" : (stryCov_9fa48("249"), 'decrease'), stryMutAct_9fa48("250") ? "" : (stryCov_9fa48("250"), 'increase'), stryMutAct_9fa48("251") ? "" : (stryCov_9fa48("251"), 'any'), stryMutAct_9fa48("252") ? "" : (stryCov_9fa48("252"), 'none')]);

/** Validates parsed JSON as a reason catalogue; throws `E_EXPLAIN_CATALOGUE` naming the field. */
export function parseReasonCatalogue(raw: unknown, source = stryMutAct_9fa48("253") ? "" : (stryCov_9fa48("253"), 'reason catalogue')): ReasonCatalogue {
  if (stryMutAct_9fa48("254")) {
    {}
  } else {
    stryCov_9fa48("254");
    const fail = (path: string, problem: string): never => {
      if (stryMutAct_9fa48("255")) {
        {}
      } else {
        stryCov_9fa48("255");
        throw new CredoError(stryMutAct_9fa48("256") ? "" : (stryCov_9fa48("256"), 'E_EXPLAIN_CATALOGUE'), stryMutAct_9fa48("257") ? {} : (stryCov_9fa48("257"), {
          source,
          path,
          problem
        }));
      }
    };
    const isObject = stryMutAct_9fa48("258") ? () => undefined : (stryCov_9fa48("258"), (() => {
      const isObject = (v: unknown): v is Record<string, unknown> => stryMutAct_9fa48("261") ? typeof v === 'object' && v !== null || !Array.isArray(v) : stryMutAct_9fa48("260") ? false : stryMutAct_9fa48("259") ? true : (stryCov_9fa48("259", "260", "261"), (stryMutAct_9fa48("263") ? typeof v === 'object' || v !== null : stryMutAct_9fa48("262") ? true : (stryCov_9fa48("262", "263"), (stryMutAct_9fa48("265") ? typeof v !== 'object' : stryMutAct_9fa48("264") ? true : (stryCov_9fa48("264", "265"), typeof v === (stryMutAct_9fa48("266") ? "" : (stryCov_9fa48("266"), 'object')))) && (stryMutAct_9fa48("268") ? v === null : stryMutAct_9fa48("267") ? true : (stryCov_9fa48("267", "268"), v !== null)))) && (stryMutAct_9fa48("269") ? Array.isArray(v) : (stryCov_9fa48("269"), !Array.isArray(v))));
      return isObject;
    })());
    const reason = (v: unknown, path: string): ReasonText => {
      if (stryMutAct_9fa48("270")) {
        {}
      } else {
        stryCov_9fa48("270");
        if (stryMutAct_9fa48("273") ? false : stryMutAct_9fa48("272") ? true : stryMutAct_9fa48("271") ? isObject(v) : (stryCov_9fa48("271", "272", "273"), !isObject(v))) return fail(path, stryMutAct_9fa48("274") ? "" : (stryCov_9fa48("274"), 'must be an object with "code" and "text"'));
        if (stryMutAct_9fa48("277") ? typeof v.code !== 'string' && v.code === '' : stryMutAct_9fa48("276") ? false : stryMutAct_9fa48("275") ? true : (stryCov_9fa48("275", "276", "277"), (stryMutAct_9fa48("279") ? typeof v.code === 'string' : stryMutAct_9fa48("278") ? false : (stryCov_9fa48("278", "279"), typeof v.code !== (stryMutAct_9fa48("280") ? "" : (stryCov_9fa48("280"), 'string')))) || (stryMutAct_9fa48("282") ? v.code !== '' : stryMutAct_9fa48("281") ? false : (stryCov_9fa48("281", "282"), v.code === (stryMutAct_9fa48("283") ? "Stryker was here!" : (stryCov_9fa48("283"), '')))))) fail(stryMutAct_9fa48("284") ? `` : (stryCov_9fa48("284"), `${path}.code`), stryMutAct_9fa48("285") ? "" : (stryCov_9fa48("285"), 'must be a non-empty string'));
        if (stryMutAct_9fa48("288") ? typeof v.text !== 'string' && v.text === '' : stryMutAct_9fa48("287") ? false : stryMutAct_9fa48("286") ? true : (stryCov_9fa48("286", "287", "288"), (stryMutAct_9fa48("290") ? typeof v.text === 'string' : stryMutAct_9fa48("289") ? false : (stryCov_9fa48("289", "290"), typeof v.text !== (stryMutAct_9fa48("291") ? "" : (stryCov_9fa48("291"), 'string')))) || (stryMutAct_9fa48("293") ? v.text !== '' : stryMutAct_9fa48("292") ? false : (stryCov_9fa48("292", "293"), v.text === (stryMutAct_9fa48("294") ? "Stryker was here!" : (stryCov_9fa48("294"), '')))))) fail(stryMutAct_9fa48("295") ? `` : (stryCov_9fa48("295"), `${path}.text`), stryMutAct_9fa48("296") ? "" : (stryCov_9fa48("296"), 'must be a non-empty string'));
        return stryMutAct_9fa48("297") ? {} : (stryCov_9fa48("297"), {
          code: v.code as string,
          text: v.text as string
        });
      }
    };
    if (stryMutAct_9fa48("300") ? false : stryMutAct_9fa48("299") ? true : stryMutAct_9fa48("298") ? isObject(raw) : (stryCov_9fa48("298", "299", "300"), !isObject(raw))) return fail(stryMutAct_9fa48("301") ? "Stryker was here!" : (stryCov_9fa48("301"), ''), stryMutAct_9fa48("302") ? "" : (stryCov_9fa48("302"), 'must be a JSON object'));
    if (stryMutAct_9fa48("305") ? raw.version === 1 : stryMutAct_9fa48("304") ? false : stryMutAct_9fa48("303") ? true : (stryCov_9fa48("303", "304", "305"), raw.version !== 1)) fail(stryMutAct_9fa48("306") ? "" : (stryCov_9fa48("306"), 'version'), stryMutAct_9fa48("307") ? "" : (stryCov_9fa48("307"), 'must be 1'));
    if (stryMutAct_9fa48("310") ? false : stryMutAct_9fa48("309") ? true : stryMutAct_9fa48("308") ? isObject(raw.features) : (stryCov_9fa48("308", "309", "310"), !isObject(raw.features))) fail(stryMutAct_9fa48("311") ? "" : (stryCov_9fa48("311"), 'features'), stryMutAct_9fa48("312") ? "" : (stryCov_9fa48("312"), 'must be an object (feature name → {code, text})'));
    const features: Record<string, FeatureReason> = {};
    const codes = new Map<string, string>();
    const claim = (code: string, path: string) => {
      if (stryMutAct_9fa48("313")) {
        {}
      } else {
        stryCov_9fa48("313");
        const owner = codes.get(code);
        if (stryMutAct_9fa48("316") ? owner === undefined : stryMutAct_9fa48("315") ? false : stryMutAct_9fa48("314") ? true : (stryCov_9fa48("314", "315", "316"), owner !== undefined)) fail(path, stryMutAct_9fa48("317") ? `` : (stryCov_9fa48("317"), `code "${code}" is already used by ${owner}`));
        codes.set(code, path);
      }
    };
    const generic = reason(raw.generic, stryMutAct_9fa48("318") ? "" : (stryCov_9fa48("318"), 'generic'));
    claim(generic.code, stryMutAct_9fa48("319") ? "" : (stryCov_9fa48("319"), 'generic'));
    const genericMissing = reason(raw.genericMissing, stryMutAct_9fa48("320") ? "" : (stryCov_9fa48("320"), 'genericMissing'));
    claim(genericMissing.code, stryMutAct_9fa48("321") ? "" : (stryCov_9fa48("321"), 'genericMissing'));
    for (const [name, value] of Object.entries(raw.features as Record<string, unknown>)) {
      if (stryMutAct_9fa48("322")) {
        {}
      } else {
        stryCov_9fa48("322");
        const path = stryMutAct_9fa48("323") ? `` : (stryCov_9fa48("323"), `features.${name}`);
        const base = reason(value, path);
        claim(base.code, path);
        const v = value as Record<string, unknown>;
        const entry: { -readonly [K in keyof FeatureReason]: FeatureReason[K] } = stryMutAct_9fa48("324") ? {} : (stryCov_9fa48("324"), {
          ...base
        });
        if (stryMutAct_9fa48("327") ? v.missing === undefined : stryMutAct_9fa48("326") ? false : stryMutAct_9fa48("325") ? true : (stryCov_9fa48("325", "326", "327"), v.missing !== undefined)) {
          if (stryMutAct_9fa48("328")) {
            {}
          } else {
            stryCov_9fa48("328");
            entry.missing = reason(v.missing, stryMutAct_9fa48("329") ? `` : (stryCov_9fa48("329"), `${path}.missing`));
            claim(entry.missing.code, stryMutAct_9fa48("330") ? `` : (stryCov_9fa48("330"), `${path}.missing`));
          }
        }
        if (stryMutAct_9fa48("333") ? v.special === undefined : stryMutAct_9fa48("332") ? false : stryMutAct_9fa48("331") ? true : (stryCov_9fa48("331", "332", "333"), v.special !== undefined)) {
          if (stryMutAct_9fa48("334")) {
            {}
          } else {
            stryCov_9fa48("334");
            if (stryMutAct_9fa48("337") ? false : stryMutAct_9fa48("336") ? true : stryMutAct_9fa48("335") ? Array.isArray(v.special) : (stryCov_9fa48("335", "336", "337"), !Array.isArray(v.special))) fail(stryMutAct_9fa48("338") ? `` : (stryCov_9fa48("338"), `${path}.special`), stryMutAct_9fa48("339") ? "" : (stryCov_9fa48("339"), 'must be an array of {value, code, text}'));
            entry.special = (v.special as unknown[]).map((s, k) => {
              if (stryMutAct_9fa48("340")) {
                {}
              } else {
                stryCov_9fa48("340");
                const r = reason(s, stryMutAct_9fa48("341") ? `` : (stryCov_9fa48("341"), `${path}.special[${k}]`));
                const value = (s as Record<string, unknown>).value;
                if (stryMutAct_9fa48("344") ? typeof value !== 'number' || typeof value !== 'string' : stryMutAct_9fa48("343") ? false : stryMutAct_9fa48("342") ? true : (stryCov_9fa48("342", "343", "344"), (stryMutAct_9fa48("346") ? typeof value === 'number' : stryMutAct_9fa48("345") ? true : (stryCov_9fa48("345", "346"), typeof value !== (stryMutAct_9fa48("347") ? "" : (stryCov_9fa48("347"), 'number')))) && (stryMutAct_9fa48("349") ? typeof value === 'string' : stryMutAct_9fa48("348") ? true : (stryCov_9fa48("348", "349"), typeof value !== (stryMutAct_9fa48("350") ? "" : (stryCov_9fa48("350"), 'string')))))) fail(stryMutAct_9fa48("351") ? `` : (stryCov_9fa48("351"), `${path}.special[${k}].value`), stryMutAct_9fa48("352") ? "" : (stryCov_9fa48("352"), 'must be a number or a string'));
                claim(r.code, stryMutAct_9fa48("353") ? `` : (stryCov_9fa48("353"), `${path}.special[${k}]`));
                return stryMutAct_9fa48("354") ? {} : (stryCov_9fa48("354"), {
                  ...r,
                  value: value as number | string
                });
              }
            });
          }
        }
        if (stryMutAct_9fa48("357") ? v.inquiries === undefined : stryMutAct_9fa48("356") ? false : stryMutAct_9fa48("355") ? true : (stryCov_9fa48("355", "356", "357"), v.inquiries !== undefined)) {
          if (stryMutAct_9fa48("358")) {
            {}
          } else {
            stryCov_9fa48("358");
            if (stryMutAct_9fa48("361") ? typeof v.inquiries === 'boolean' : stryMutAct_9fa48("360") ? false : stryMutAct_9fa48("359") ? true : (stryCov_9fa48("359", "360", "361"), typeof v.inquiries !== (stryMutAct_9fa48("362") ? "" : (stryCov_9fa48("362"), 'boolean')))) fail(stryMutAct_9fa48("363") ? `` : (stryCov_9fa48("363"), `${path}.inquiries`), stryMutAct_9fa48("364") ? "" : (stryCov_9fa48("364"), 'must be true or false'));
            entry.inquiries = v.inquiries as boolean;
          }
        }
        if (stryMutAct_9fa48("367") ? v.protected === undefined : stryMutAct_9fa48("366") ? false : stryMutAct_9fa48("365") ? true : (stryCov_9fa48("365", "366", "367"), v.protected !== undefined)) {
          if (stryMutAct_9fa48("368")) {
            {}
          } else {
            stryCov_9fa48("368");
            if (stryMutAct_9fa48("371") ? typeof v.protected === 'boolean' : stryMutAct_9fa48("370") ? false : stryMutAct_9fa48("369") ? true : (stryCov_9fa48("369", "370", "371"), typeof v.protected !== (stryMutAct_9fa48("372") ? "" : (stryCov_9fa48("372"), 'boolean')))) fail(stryMutAct_9fa48("373") ? `` : (stryCov_9fa48("373"), `${path}.protected`), stryMutAct_9fa48("374") ? "" : (stryCov_9fa48("374"), 'must be true or false'));
            entry.protected = v.protected as boolean;
          }
        }
        if (stryMutAct_9fa48("377") ? v.change === undefined : stryMutAct_9fa48("376") ? false : stryMutAct_9fa48("375") ? true : (stryCov_9fa48("375", "376", "377"), v.change !== undefined)) {
          if (stryMutAct_9fa48("378")) {
            {}
          } else {
            stryCov_9fa48("378");
            const c = v.change as Record<string, unknown>;
            if (stryMutAct_9fa48("381") ? false : stryMutAct_9fa48("380") ? true : stryMutAct_9fa48("379") ? isObject(c) : (stryCov_9fa48("379", "380", "381"), !isObject(c))) fail(stryMutAct_9fa48("382") ? `` : (stryCov_9fa48("382"), `${path}.change`), stryMutAct_9fa48("383") ? "" : (stryCov_9fa48("383"), 'must be an object {direction, min?, max?}'));
            if (stryMutAct_9fa48("386") ? false : stryMutAct_9fa48("385") ? true : stryMutAct_9fa48("384") ? CHANGE_DIRECTIONS.includes(c.direction as ChangeDirection) : (stryCov_9fa48("384", "385", "386"), !CHANGE_DIRECTIONS.includes(c.direction as ChangeDirection))) fail(stryMutAct_9fa48("387") ? `` : (stryCov_9fa48("387"), `${path}.change.direction`), stryMutAct_9fa48("388") ? `` : (stryCov_9fa48("388"), `must be one of ${CHANGE_DIRECTIONS.join(stryMutAct_9fa48("389") ? "" : (stryCov_9fa48("389"), ', '))}`));
            for (const bound of ['min', 'max'] as const) if (stryMutAct_9fa48("392") ? c[bound] !== undefined || typeof c[bound] !== 'number' || !Number.isFinite(c[bound]) : stryMutAct_9fa48("391") ? false : stryMutAct_9fa48("390") ? true : (stryCov_9fa48("390", "391", "392"), (stryMutAct_9fa48("394") ? c[bound] === undefined : stryMutAct_9fa48("393") ? true : (stryCov_9fa48("393", "394"), c[bound] !== undefined)) && (stryMutAct_9fa48("396") ? typeof c[bound] !== 'number' && !Number.isFinite(c[bound]) : stryMutAct_9fa48("395") ? true : (stryCov_9fa48("395", "396"), (stryMutAct_9fa48("398") ? typeof c[bound] === 'number' : stryMutAct_9fa48("397") ? false : (stryCov_9fa48("397", "398"), typeof c[bound] !== (stryMutAct_9fa48("399") ? "" : (stryCov_9fa48("399"), 'number')))) || (stryMutAct_9fa48("400") ? Number.isFinite(c[bound]) : (stryCov_9fa48("400"), !Number.isFinite(c[bound]))))))) fail(stryMutAct_9fa48("401") ? `` : (stryCov_9fa48("401"), `${path}.change.${bound}`), stryMutAct_9fa48("402") ? "" : (stryCov_9fa48("402"), 'must be a finite number'));
            entry.change = stryMutAct_9fa48("403") ? {} : (stryCov_9fa48("403"), {
              direction: c.direction as ChangeDirection,
              ...((stryMutAct_9fa48("406") ? c.min !== undefined : stryMutAct_9fa48("405") ? false : stryMutAct_9fa48("404") ? true : (stryCov_9fa48("404", "405", "406"), c.min === undefined)) ? {} : stryMutAct_9fa48("407") ? {} : (stryCov_9fa48("407"), {
                min: c.min as number
              })),
              ...((stryMutAct_9fa48("410") ? c.max !== undefined : stryMutAct_9fa48("409") ? false : stryMutAct_9fa48("408") ? true : (stryCov_9fa48("408", "409", "410"), c.max === undefined)) ? {} : stryMutAct_9fa48("411") ? {} : (stryCov_9fa48("411"), {
                max: c.max as number
              }))
            });
          }
        }
        features[name] = entry;
      }
    }
    return stryMutAct_9fa48("412") ? {} : (stryCov_9fa48("412"), {
      version: 1,
      generic,
      genericMissing,
      features
    });
  }
}

/** Features of a model that the catalogue does not map (they would get the generic text). */
export function unmappedFeatures(catalogue: ReasonCatalogue, features: readonly string[]): string[] {
  if (stryMutAct_9fa48("413")) {
    {}
  } else {
    stryCov_9fa48("413");
    return stryMutAct_9fa48("414") ? features : (stryCov_9fa48("414"), features.filter(stryMutAct_9fa48("415") ? () => undefined : (stryCov_9fa48("415"), f => stryMutAct_9fa48("416") ? Object.hasOwn(catalogue.features, f) : (stryCov_9fa48("416"), !Object.hasOwn(catalogue.features, f)))));
  }
}

/**
 * The reason for a feature at a row's value: the special-value reason when the value matches one,
 * the missing reason when missing (`value` null), else the feature's reason, else the generic one.
 */
export function reasonFor(catalogue: ReasonCatalogue, feature: string, value: number | string | null): ReasonText {
  if (stryMutAct_9fa48("417")) {
    {}
  } else {
    stryCov_9fa48("417");
    const entry = Object.hasOwn(catalogue.features, feature) ? catalogue.features[feature] : undefined;
    if (stryMutAct_9fa48("420") ? value !== null : stryMutAct_9fa48("419") ? false : stryMutAct_9fa48("418") ? true : (stryCov_9fa48("418", "419", "420"), value === null)) {
      if (stryMutAct_9fa48("421")) {
        {}
      } else {
        stryCov_9fa48("421");
        if (stryMutAct_9fa48("424") ? entry?.missing === undefined : stryMutAct_9fa48("423") ? false : stryMutAct_9fa48("422") ? true : (stryCov_9fa48("422", "423", "424"), (stryMutAct_9fa48("425") ? entry.missing : (stryCov_9fa48("425"), entry?.missing)) !== undefined)) return entry.missing;
        return stryMutAct_9fa48("426") ? {} : (stryCov_9fa48("426"), {
          code: catalogue.genericMissing.code,
          text: catalogue.genericMissing.text.replaceAll(stryMutAct_9fa48("427") ? "" : (stryCov_9fa48("427"), '{feature}'), feature)
        });
      }
    }
    const special = stryMutAct_9fa48("429") ? entry.special?.find(s => s.value === value) : stryMutAct_9fa48("428") ? entry?.special.find(s => s.value === value) : (stryCov_9fa48("428", "429"), entry?.special?.find(stryMutAct_9fa48("430") ? () => undefined : (stryCov_9fa48("430"), s => stryMutAct_9fa48("433") ? s.value !== value : stryMutAct_9fa48("432") ? false : stryMutAct_9fa48("431") ? true : (stryCov_9fa48("431", "432", "433"), s.value === value))));
    if (stryMutAct_9fa48("436") ? special === undefined : stryMutAct_9fa48("435") ? false : stryMutAct_9fa48("434") ? true : (stryCov_9fa48("434", "435", "436"), special !== undefined)) return stryMutAct_9fa48("437") ? {} : (stryCov_9fa48("437"), {
      code: special.code,
      text: special.text
    });
    if (stryMutAct_9fa48("440") ? entry === undefined : stryMutAct_9fa48("439") ? false : stryMutAct_9fa48("438") ? true : (stryCov_9fa48("438", "439", "440"), entry !== undefined)) return stryMutAct_9fa48("441") ? {} : (stryCov_9fa48("441"), {
      code: entry.code,
      text: entry.text
    });
    return stryMutAct_9fa48("442") ? {} : (stryCov_9fa48("442"), {
      code: catalogue.generic.code,
      text: catalogue.generic.text.replaceAll(stryMutAct_9fa48("443") ? "" : (stryCov_9fa48("443"), '{feature}'), feature)
    });
  }
}

/** Features the catalogue marks `protected: true` (e.g. region or postcode where they proxy a protected group). */
export function protectedInCatalogue(catalogue: ReasonCatalogue): string[] {
  if (stryMutAct_9fa48("444")) {
    {}
  } else {
    stryCov_9fa48("444");
    return stryMutAct_9fa48("445") ? Object.entries(catalogue.features).map(([name]) => name) : (stryCov_9fa48("445"), Object.entries(catalogue.features).filter(stryMutAct_9fa48("446") ? () => undefined : (stryCov_9fa48("446"), ([, entry]) => stryMutAct_9fa48("449") ? entry.protected !== true : stryMutAct_9fa48("448") ? false : stryMutAct_9fa48("447") ? true : (stryCov_9fa48("447", "448", "449"), entry.protected === (stryMutAct_9fa48("450") ? false : (stryCov_9fa48("450"), true))))).map(stryMutAct_9fa48("451") ? () => undefined : (stryCov_9fa48("451"), ([name]) => name)));
  }
}