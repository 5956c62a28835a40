import { assignStage, type StagingRules } from './ifrs9.js';
import { IRAC_NPA_FROM, IracCode } from './irac.js';
import type { LatestPosition } from './npa.js';

/**
 * IFRS 9 expected credit loss of a book of amortising loans, by stage (REFERENCE §5). Each loan has
 * a 12-month PD, converted to the constant monthly survival (1−PD)^(1/12) (a discrete hazard of
 * 1 − (1−PD)^(1/12) and a continuous one of −ln(1−PD)/12 both give it: calibrated to the same 12-month PD the
 * two conventions coincide, so there is no convention to choose), an outstanding balance that amortises as an annuity over the remaining months at
 * the loan's rate, and a stage. Month t contributes PD_marg(t)·LGD·EAD(t)·(1+EIR)^(−t/12), EAD(t)
 * the balance outstanding during month t (before its instalment), default at month end.
 * Stage 1: the first 12 months; stage 2: the remaining term; stage 3 (credit-impaired): LGD·balance
 * (default has happened). CECL is the lifetime figure for every loan whatever its stage.
 */
export interface BookEclInput {
  /** 12-month PD per loan. */
  readonly pd: ArrayLike<number>;
  readonly lgd: ArrayLike<number> | number;
  /** Outstanding balance per loan (any one currency unit). */
  readonly balance: ArrayLike<number>;
  /** Remaining term in months per loan (at least 1 is used). */
  readonly remainingMonths: ArrayLike<number>;
  /** Annual effective interest rate per loan (discounting and amortisation). */
  readonly eir: ArrayLike<number>;
  /** Stage 1, 2 or 3 per loan. */
  readonly stage: ArrayLike<number>;
  /** Group code per loan (−1 missing) and labels. */
  readonly group?: { readonly codes: ArrayLike<number>; readonly labels: readonly string[] };
}

/** ECL of one group of loans. */
export interface BookEclRow {
  readonly group: string;
  /** Loans, exposure and ECL per stage (index 0 = stage 1). */
  readonly loans: readonly [number, number, number];
  readonly exposure: readonly [number, number, number];
  readonly ecl: readonly [number, number, number];
  readonly totalEcl: number;
  /** Total ECL / total exposure (0 when nothing is exposed). */
  readonly coverage: number;
  /** Lifetime ECL of every loan (CECL), stage 3 at LGD·balance. */
  readonly cecl: number;
}

/**
 * Lifetime and 12-month ECL of one amortising loan: returns [12-month, lifetime]. `months` ≥ 1.
 * Exported for tests and single-loan use; `bookEcl` calls it per loan.
 */
export function amortisingLoanEcl(pd: number, lgd: number, balance: number, months: number, eir: number): [number, number] {
  const n = Math.max(1, Math.round(months));
  const survivalStep = (1 - pd) ** (1 / 12);
  // Annuity balance B(t) = B·(1 − ((1+r)^t − 1)/((1+r)^n − 1)) written with expm1/log1p: exact for tiny rates too.
  const logGrowth = Math.log1p(eir / 12);
  const total = Math.expm1(n * logGrowth);
  const monthlyDiscount = (1 + eir) ** (-1 / 12);
  let survival = 1;
  let discount = 1;
  let twelve = 0;
  let lifetime = 0;
  for (let t = 1; t <= n; t++) {
    const next = survival * survivalStep;
    discount *= monthlyDiscount;
    const ead = total === 0 ? (balance * (n - t + 1)) / n : balance * (1 - Math.expm1((t - 1) * logGrowth) / total);
    const c = (survival - next) * lgd * ead * discount;
    lifetime += c;
    if (t <= 12) twelve += c;
    survival = next;
  }
  return [twelve, lifetime];
}

/** ECL per group (label order, empty groups omitted) and then "all". */
export function bookEcl(input: BookEclInput): BookEclRow[] {
  const labels = input.group?.labels ?? [];
  const g = labels.length + 1;
  const blocks = g + 1;
  const loans = new Float64Array(blocks * 3);
  const exposure = new Float64Array(blocks * 3);
  const ecl = new Float64Array(blocks * 3);
  const cecl = new Float64Array(blocks);
  const add = (b: number, s: number, balance: number, value: number, lifetime: number) => {
    loans[b * 3 + s] = (loans[b * 3 + s] as number) + 1;
    exposure[b * 3 + s] = (exposure[b * 3 + s] as number) + balance;
    ecl[b * 3 + s] = (ecl[b * 3 + s] as number) + value;
    cecl[b] = (cecl[b] as number) + lifetime;
  };
  for (let i = 0; i < input.pd.length; i++) {
    const lgd = typeof input.lgd === 'number' ? input.lgd : (input.lgd[i] as number);
    const balance = input.balance[i] as number;
    const stage = input.stage[i] as number;
    const s = stage >= 3 ? 2 : stage === 2 ? 1 : 0;
    let value: number;
    let lifetime: number;
    if (s === 2) {
      value = lgd * balance;
      lifetime = value;
    } else {
      const [twelve, life] = amortisingLoanEcl(input.pd[i] as number, lgd, balance, input.remainingMonths[i] as number, input.eir[i] as number);
      value = s === 0 ? twelve : life;
      lifetime = life;
    }
    const code = input.group === undefined ? -1 : (input.group.codes[i] as number);
    const own = input.group === undefined ? -1 : code < 0 ? g - 1 : code;
    add(g, s, balance, value, lifetime);
    if (own >= 0) add(own, s, balance, value, lifetime);
  }
  const rows: BookEclRow[] = [];
  for (let b = 0; b < blocks; b++) {
    const triple = (a: Float64Array): [number, number, number] => [a[b * 3] as number, a[b * 3 + 1] as number, a[b * 3 + 2] as number];
    const count = triple(loans);
    if (b < g && count[0] + count[1] + count[2] === 0) continue;
    const e = triple(exposure);
    const l = triple(ecl);
    const total = l[0] + l[1] + l[2];
    const totalExposure = e[0] + e[1] + e[2];
    rows.push({
      group: b === g ? 'all' : b === g - 1 ? '(missing)' : (labels[b] as string),
      loans: count,
      exposure: e,
      ecl: l,
      totalEcl: total,
      coverage: totalExposure > 0 ? total / totalExposure : 0,
      cecl: cecl[b] as number,
    });
  }
  return rows;
}

/**
 * IFRS 9 stage of each loan at its latest position: 3 when credit-impaired (an IRAC NPA, i.e. in a
 * > 90 dpd spell not yet cured, or dpd above `rules.stage3Dpd`), 2 when dpd > `rules.stage2Dpd`
 * (default 30), else 1; 0 for loans written off (charged off), which carry no ECL. PDs are not in
 * a performance table, so the relative-PD test is not applied here.
 */
export function stagesFromPositions(latest: LatestPosition, rules: StagingRules = {}): Uint8Array {
  const out = new Uint8Array(latest.code.length);
  for (let loan = 0; loan < out.length; loan++) {
    const code = latest.code[loan] as number;
    if (code === IracCode.loss) out[loan] = 0;
    else if (code >= IRAC_NPA_FROM) out[loan] = 3;
    else out[loan] = assignStage(latest.dpd[loan] as number, Number.POSITIVE_INFINITY, 0, rules);
  }
  return out;
}
