/**
 * The segment × action assignment of REFERENCE §8 (after FICO Decision Optimizer): variables
 * x_{s,a} ∈ {0,1} (or [0,1] relaxed), Σ_a x_{s,a} = 1 per segment, maximise Σ profit_{s,a}·x_{s,a}
 * subject to linear business constraints. Every problem (cutoffs, limits, mix) is built into this
 * one shape, written as CPLEX LP text for HiGHS. Coefficients are dense S×A arrays, segment-major.
 */
// @ts-nocheck

// 

export interface AssignmentModel {
  readonly segments: readonly string[];
  readonly actions: readonly string[];
  /** Objective coefficient of x_{s,a} (expected profit of giving segment s action a), index s·A + a. */
  readonly profit: Float64Array;
  /** Business constraints (the ones that can conflict, get shadow prices and appear in an IIS). */
  readonly constraints: readonly AssignmentConstraint[];
  /** Structural pairs x_{lower} ≤ x_{upper} summed over action ranges (e.g. limits monotone in score). */
  readonly orderings?: readonly Ordering[];
  /** 1 where x_{s,a} is forbidden (knock-out rules, maximum step), index s·A + a. */
  readonly forbidden?: Uint8Array;
  /** Extra continuous columns and rows appended verbatim (e.g. the CVaR auxiliaries of the mix problem). */
  readonly extra?: ExtraLp;
}

/** A linear business constraint Σ coefficient_{s,a}·x_{s,a} (+ extra terms) sense rhs. */
export interface AssignmentConstraint {
  /** LP row name: letters, digits, underscores. */
  readonly name: string;
  /** Human description, e.g. "bad rate ≤ 3.00%". */
  readonly label: string;
  readonly coefficients: Float64Array;
  readonly sense: '<=' | '>=';
  readonly rhs: number;
  /** Additional terms on extra columns (name → coefficient). */
  readonly extraTerms?: Readonly<Record<string, number>>;
  /**
   * How the row's dual turns into a shadow price of the business parameter: the parameter's
   * derivative of the row, as a function of the solution (e.g. −approved count for a bad-rate cap
   * written Σ n(PD − b̄)x ≤ 0). Absent: the shadow price is per unit of the right-hand side.
   */
  readonly parameter?: { readonly name: string; readonly value: number; readonly rowDerivative: (x: Float64Array) => number };
}

/** Σ_{a ≥ fromAction} x_{better,a} ≥ Σ_{a ≥ fromAction} x_{worse,a} for every fromAction ≥ 1: the better segment's action index is at least the worse one's. */
export interface Ordering {
  readonly better: number;
  readonly worse: number;
}

/** Extra LP material: continuous columns with bounds, and rows over them and the x. */
export interface ExtraLp {
  readonly columns: readonly { readonly name: string; readonly lower: number; readonly upper: number; readonly objective?: number }[];
  /** Rows in LP syntax over x names (`variableName(s, a)`) and the extra columns. */
  readonly rows: readonly string[];
}

/** The LP column name of x_{s,a}. */
export function variableName(s: number, a: number): string {
  return `x${s}_${a}`;
}

function term(coefficient: number, name: string): string {
  const text = Number(coefficient.toPrecision(15));
  return `${text < 0 ? '-' : '+'} ${Math.abs(text)} ${name}`;
}

/**
 * Writes the model as CPLEX LP text. `integer` adds the Binary section; `constraints` selects the
 * business rows to include (default all) — the conflict search drops rows this way.
 */
export function writeAssignmentLp(model: AssignmentModel, options: { integer: boolean; include?: ReadonlySet<string> }): string {
  const S = model.segments.length;
  const A = model.actions.length;
  const lines: string[] = ['Maximize'];
  const objective: string[] = [];
  for (let s = 0; s < S; s++) {
    for (let a = 0; a < A; a++) {
      const c = model.profit[s * A + a] as number;
      if (c !== 0) objective.push(term(c, variableName(s, a)));
    }
  }
  for (const column of model.extra?.columns ?? []) if (column.objective) objective.push(term(column.objective, column.name));
  // A zero objective still needs a term for the LP reader
  lines.push(` obj: ${objective.length === 0 ? `0 ${variableName(0, 0)}` : objective.join(' ')}`, 'Subject To');
  for (let s = 0; s < S; s++) {
    const terms: string[] = [];
    for (let a = 0; a < A; a++) terms.push(`+ ${variableName(s, a)}`);
    lines.push(` assign${s}: ${terms.join(' ')} = 1`);
  }
  for (const constraint of model.constraints) {
    if (options.include !== undefined && !options.include.has(constraint.name)) continue;
    const terms: string[] = [];
    for (let s = 0; s < S; s++) {
      for (let a = 0; a < A; a++) {
        const c = constraint.coefficients[s * A + a] as number;
        if (c !== 0) terms.push(term(c, variableName(s, a)));
      }
    }
    for (const [name, c] of Object.entries(constraint.extraTerms ?? {})) if (c !== 0) terms.push(term(c, name));
    if (terms.length === 0) terms.push(`0 ${variableName(0, 0)}`);
    lines.push(` ${constraint.name}: ${terms.join(' ')} ${constraint.sense} ${Number(constraint.rhs.toPrecision(15))}`);
  }
  let k = 0;
  for (const { better, worse } of model.orderings ?? []) {
    for (let from = 1; from < A; from++) {
      const terms: string[] = [];
      for (let a = from; a < A; a++) terms.push(`+ ${variableName(better, a)} - ${variableName(worse, a)}`);
      lines.push(` order${k++}: ${terms.join(' ')} >= 0`);
    }
  }
  for (const row of model.extra?.rows ?? []) lines.push(` ${row}`);
  lines.push('Bounds');
  for (let s = 0; s < S; s++) {
    for (let a = 0; a < A; a++) {
      const forbidden = model.forbidden?.[s * A + a] === 1;
      lines.push(forbidden ? ` ${variableName(s, a)} = 0` : ` 0 <= ${variableName(s, a)} <= 1`);
    }
  }
  for (const column of model.extra?.columns ?? []) {
    const lower = column.lower === Number.NEGATIVE_INFINITY ? '-inf' : String(column.lower);
    const upper = column.upper === Number.POSITIVE_INFINITY ? '+inf' : String(column.upper);
    lines.push(` ${lower} <= ${column.name} <= ${upper}`);
  }
  if (options.integer) {
    lines.push('Binary');
    const names: string[] = [];
    for (let s = 0; s < S; s++) for (let a = 0; a < A; a++) if (model.forbidden?.[s * A + a] !== 1) names.push(variableName(s, a));
    for (let i = 0; i < names.length; i += 20) lines.push(` ${names.slice(i, i + 20).join(' ')}`);
  }
  lines.push('End');
  return lines.join('\n');
}
