// @ts-nocheck
import { type ReasonCatalogue, type ReasonText, reasonFor } from '../explain/index.js';
import type { SqlDialect } from './dialects.js';
import { featureAlias, type SqlFeature } from './model-terms.js';

/** A step of the reasons pipeline: a named SELECT over the previous step (`ref` gives a step's SQL name). */
export interface ReasonPart {
  readonly name: string;
  readonly body: (ref: (name: string) => string) => string;
}

/** What `additiveReasonParts` adds to a compiled additive model. */
export interface AdditiveReasonSql {
  /** Steps after the input CTE, in order; the last one carries the keys, the term columns and the reason columns. */
  readonly parts: ReasonPart[];
  /** Name of the last step. */
  readonly source: string;
  /** SQL names of the term columns (`c0…`), in model order, for the raw log-odds. */
  readonly termColumns: readonly string[];
  /** Internal names of the reason columns in output order: codes `reason_1..N+1`, then texts `reason_text_1..N+1`. */
  readonly columns: readonly { readonly internal: string; readonly output: string }[];
}

/** The terms of an additive model as `compileModelSql` sees them: SQL over the input CTE and the feature each term reads. */
export interface AdditiveTermsSql {
  readonly features: readonly SqlFeature[];
  readonly terms: readonly string[];
  /** Index into `features` of each term's feature. */
  readonly termFeatures: readonly number[];
}

/**
 * Principal reason codes of an additive model (logistic, linear SVM, scorecard) in SQL, with the
 * semantics of `credo score --reasons N` (`principalReasons` relative to the population): the
 * contribution of term j is its value minus its mean over all rows of the input table (exact
 * Shapley values of an additive model, as `additiveExplanation`); features with a positive
 * contribution are ranked largest first (ties: model order), a code already given is skipped, at
 * most `count` reasons; then the FCRA §609(f) slot N+1: the first adverse inquiries feature after
 * the N-th reason when no reason so far is an inquiries feature and its code is not already given.
 * The code and text of a feature follow `reasonFor` (missing, special values, the feature, the
 * generic entry with `{feature}` filled in). Ranking is done column-wise, one pick per step (the
 * largest eligible contribution by GREATEST, the first feature holding it), so no row id, window
 * function or unpivot is needed and every dialect runs it. `keys` are the key aliases carried along.
 */
export function additiveReasonParts(
  model: AdditiveTermsSql,
  d: SqlDialect,
  keys: readonly string[],
  catalogue: ReasonCatalogue,
  count: number,
): AdditiveReasonSql {
  const p = model.terms.length;
  const idx = Array.from({ length: p }, (_, j) => j);
  const c = idx.map((j) => `c${j}`);
  const s = idx.map((j) => `s${j}`);
  const q = idx.map((j) => `q${j}`);
  const w = idx.map((j) => `w${j}`);
  const zero = d.formatDouble(0);
  const none = d.formatDouble(-1);
  const list = (cols: readonly string[]) => cols.join(', ');
  const names = model.termFeatures.map((f) => model.features[f] as SqlFeature);
  const parts: ReasonPart[] = [];
  // Term values, and the code and text each feature would give at the row's value.
  const termCols = idx.map((j) => `  ${model.terms[j]} AS ${c[j]}`);
  const codeCols = idx.map((j) => `  ${reasonCase(catalogue, names[j] as SqlFeature, featureAlias(model.termFeatures[j] as number), d, 'code')} AS ${q[j]}`);
  const textCols = idx.map((j) => `  ${reasonCase(catalogue, names[j] as SqlFeature, featureAlias(model.termFeatures[j] as number), d, 'text')} AS ${w[j]}`);
  const termsSelect = [...keys.map((k) => `  ${k}`), ...termCols, ...codeCols, ...textCols];
  parts.push({ name: 'terms', body: (ref) => `SELECT\n${termsSelect.join(',\n')}\nFROM ${ref('input')}` });
  parts.push({ name: 'means', body: (ref) => `SELECT ${idx.map((j) => `AVG(${c[j]}) AS m${j}`).join(', ')}\nFROM ${ref('terms')}` });
  let carry = [...keys, ...c, ...q, ...w, ...s];
  parts.push({
    name: 'contributions',
    body: (ref) =>
      `SELECT ${prefix(keys)}${list([...c, ...q, ...w])},\n  ${idx.map((j) => `${c[j]} - m${j} AS ${s[j]}`).join(', ')}\nFROM ${ref('terms')} CROSS JOIN ${ref('means')}`,
  });
  let source = 'contributions';
  const picked: string[] = [];
  const pickedCodes: string[] = [];
  const pickedTexts: string[] = [];
  // One pick per step: eligible = positive and its code not given yet; the largest wins, the first on ties.
  for (let k = 1; k <= count; k++) {
    const e = idx.map((j) => `e${k}_${j}`);
    const given = [...pickedCodes];
    const conditions = (j: number) => [`${s[j]} > ${zero}`, ...given.map((pc) => `${q[j]} <> ${pc}`)].join(' AND ');
    const prev = source;
    const withE = carry;
    parts.push({
      name: `eligible_${k}`,
      body: (ref) =>
        `SELECT ${list(withE)},\n  ${idx.map((j) => `CASE WHEN ${conditions(j)} THEN ${s[j]} ELSE ${none} END AS ${e[j]}`).join(',\n  ')}\nFROM ${ref(prev)}`,
    });
    const g = `g${k}`;
    parts.push({ name: `largest_${k}`, body: (ref) => `SELECT ${list([...withE, ...e])}, ${greatest(e)} AS ${g}\nFROM ${ref(`eligible_${k}`)}` });
    const pk = `p${k}`;
    const pick = `CASE WHEN ${g} > ${zero} THEN CASE ${idx.map((j) => `WHEN ${e[j]} = ${g} THEN ${j}`).join(' ')} END END`;
    parts.push({ name: `pick_${k}`, body: (ref) => `SELECT ${list(withE)}, ${g}, ${pick} AS ${pk}\nFROM ${ref(`largest_${k}`)}` });
    const pc = `pc${k}`;
    const pw = `pw${k}`;
    parts.push({
      name: `reason_${k}`,
      body: (ref) => `SELECT ${list([...withE, g, pk])}, ${byIndex(pk, q)} AS ${pc}, ${byIndex(pk, w)} AS ${pw}\nFROM ${ref(`pick_${k}`)}`,
    });
    picked.push(pk);
    pickedCodes.push(pc);
    pickedTexts.push(pw);
    carry = [...withE, g, pk, pc, pw];
    source = `reason_${k}`;
  }
  // FCRA §609(f): the first adverse inquiries feature ranked after the N-th reason.
  const inquiries = idx.filter((j) => {
    const name = (names[j] as SqlFeature).name;
    return Object.hasOwn(catalogue.features, name) && catalogue.features[name]?.inquiries === true;
  });
  let extraCode = d.toText('NULL');
  let extraText = d.toText('NULL');
  if (inquiries.length > 0) {
    const last = `p${count}`;
    const gLast = `g${count}`;
    const after = (j: number) => `${last} IS NOT NULL AND ${s[j]} > ${zero} AND (${s[j]} < ${gLast} OR (${s[j]} = ${gLast} AND ${j} > ${last}))`;
    const ei = inquiries.map((j) => `i_${j}`);
    const prev = source;
    const withI = carry;
    parts.push({
      name: 'inquiries_eligible',
      body: (ref) =>
        `SELECT ${list(withI)},\n  ${inquiries.map((j, t) => `CASE WHEN ${after(j)} THEN ${s[j]} ELSE ${none} END AS ${ei[t]}`).join(',\n  ')}\nFROM ${ref(prev)}`,
    });
    parts.push({ name: 'inquiries_largest', body: (ref) => `SELECT ${list([...withI, ...ei])}, ${greatest(ei)} AS gi\nFROM ${ref('inquiries_eligible')}` });
    const candidate = `CASE WHEN gi > ${zero} THEN CASE ${inquiries.map((j, t) => `WHEN ${ei[t]} = gi THEN ${j}`).join(' ')} END END`;
    parts.push({ name: 'inquiries_pick', body: (ref) => `SELECT ${list(withI)}, ${candidate} AS pi\nFROM ${ref('inquiries_largest')}` });
    const shown = picked.map((pk) => `${pk} IN (${inquiries.join(', ')})`).join(' OR ');
    const fresh = pickedCodes.map((pc) => `${byIndex('pi', q)} <> ${pc}`).join(' AND ');
    const when = `pi IS NOT NULL AND NOT (${shown}) AND ${fresh}`;
    parts.push({
      name: 'inquiries',
      body: (ref) =>
        `SELECT ${list(withI)}, CASE WHEN ${when} THEN ${byIndex('pi', q)} END AS pcx, CASE WHEN ${when} THEN ${byIndex('pi', w)} END AS pwx\nFROM ${ref('inquiries_pick')}`,
    });
    source = 'inquiries';
    extraCode = 'pcx';
    extraText = 'pwx';
  } else {
    const prev = source;
    const withI = carry;
    parts.push({ name: 'inquiries', body: (ref) => `SELECT ${list(withI)}, ${extraCode} AS pcx, ${extraText} AS pwx\nFROM ${ref(prev)}` });
    source = 'inquiries';
  }
  const columns = [
    ...pickedCodes.map((pc, k) => ({ internal: pc, output: `reason_${k + 1}` })),
    { internal: 'pcx', output: `reason_${count + 1}` },
    ...pickedTexts.map((pw, k) => ({ internal: pw, output: `reason_text_${k + 1}` })),
    { internal: 'pwx', output: `reason_text_${count + 1}` },
  ];
  return { parts, source, termColumns: c, columns };

  function prefix(cols: readonly string[]): string {
    return cols.length === 0 ? '' : `${cols.join(', ')}, `;
  }
  // Spark's GREATEST needs two arguments or more.
  function greatest(cols: readonly string[]): string {
    return cols.length === 1 ? (cols[0] as string) : `GREATEST(${cols.join(', ')})`;
  }
  function byIndex(pick: string, cols: readonly string[]): string {
    return `CASE ${pick} ${cols.map((col, j) => `WHEN ${j} THEN ${col}`).join(' ')} END`;
  }
}

/**
 * The reason code (or text) of one feature at the row's value `x`, as `reasonFor`: the missing
 * reason when NULL, a special value's reason when `x` equals it (first listed wins; only specials
 * of the feature's type can match), else the feature's own reason or the generic one.
 */
function reasonCase(catalogue: ReasonCatalogue, feature: SqlFeature, x: string, d: SqlDialect, field: keyof ReasonText): string {
  const entry = Object.hasOwn(catalogue.features, feature.name) ? catalogue.features[feature.name] : undefined;
  const missing = reasonFor(catalogue, feature.name, null);
  const whens = [`WHEN ${x} IS NULL THEN ${d.quoteString(missing[field])}`];
  for (const special of entry?.special ?? []) {
    if (feature.type === 'number' && typeof special.value === 'number')
      whens.push(`WHEN ${x} = ${d.formatDouble(special.value)} THEN ${d.quoteString(special[field])}`);
    if (feature.type === 'category' && typeof special.value === 'string')
      whens.push(`WHEN ${x} = ${d.quoteString(special.value)} THEN ${d.quoteString(special[field])}`);
  }
  // Any present value that is not special: the feature's entry, or (unlisted) the generic one, which has no specials.
  const present = entry === undefined ? reasonFor(catalogue, feature.name, 0) : { code: entry.code, text: entry.text };
  return `CASE ${whens.join(' ')} ELSE ${d.toText(d.quoteString(present[field]))} END`;
}
