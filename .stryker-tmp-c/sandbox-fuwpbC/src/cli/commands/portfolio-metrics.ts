// @ts-nocheck
import { resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import {
  type BookEclRow,
  bookEcl,
  type Concentration,
  concentration,
  describeRarocAssumptions,
  IRB_CLASSES,
  type IrbClass,
  latestPositions,
  type NpaSummary,
  npaSummary,
  type PortfolioMetricsRow,
  parseCurrency,
  portfolioMetrics,
  RAROC_DEFAULTS,
  type RarocAssumptions,
  rarocAssumptionsRecord,
  readPerformanceTable,
  stagesFromPositions,
} from '../../finance/index.js';
import { type CategoryColumn, type Column, categoryColumn, type Frame } from '../../frame/index.js';
import { readFrame } from '../../io/index.js';
import { defineCommand } from '../command.js';
import { readDataFile, schemaFlag } from '../data-input.js';
import { type Cell, formatAmount, formatPercent, formatTable, printResult } from '../output.js';

/** A numeric column named by a flag, or an input error naming both. */
function numericOf(frame: Frame, name: string, flag: string, file: string): Float64Array {
  const column = frame.get(name);
  if (column === undefined) throw new CredoError('E_INPUT_COLUMN_MISSING', { column: name, source: `${file} (set --${flag})` });
  if (column.type !== 'number') throw new CredoError('E_INPUT_COLUMN_TYPE', { column: name, expected: 'numeric', actual: 'categorical' });
  return column.values;
}

/** Any column as category codes and labels (numbers become their text). */
function asCategory(column: Column): CategoryColumn {
  if (column.type === 'category') return column;
  const index = new Map<number, number>();
  const labels: string[] = [];
  const codes = Int32Array.from(column.values, (v) => {
    if (Number.isNaN(v)) return -1;
    let code = index.get(v);
    if (code === undefined) {
      code = labels.length;
      index.set(v, code);
      labels.push(String(v));
    }
    return code;
  });
  return categoryColumn(column.name, codes, labels);
}

/** Checks a probability column: every value used must lie in [0, 1]. */
function checkProbabilities(values: Float64Array, approved: Float64Array | undefined, name: string): void {
  for (let i = 0; i < values.length; i++) {
    if (approved !== undefined && approved[i] !== 1) continue;
    const v = values[i] as number;
    if (!(v >= 0 && v <= 1))
      throw new CredoError('E_FINANCE_INPUT_INVALID', { what: `column "${name}", row ${i + 1}`, problem: `must be a probability in [0, 1], got ${v}` });
  }
}

/** Adds the loans file's group label to the performance frame by joining loan_id to the loans id column. */
function joinGroup(performance: Frame, loanIdName: string, loans: Frame, idName: string, group: CategoryColumn): Frame {
  const ids = asCategory(loans.column(idName));
  const byId = new Map<string, number>();
  for (let i = 0; i < ids.codes.length; i++) {
    const code = ids.codes[i] as number;
    if (code >= 0) byId.set(ids.dictionary[code] as string, group.codes[i] as number);
  }
  const loanIds = asCategory(performance.column(loanIdName));
  const lookup = loanIds.dictionary.map((label) => byId.get(label) ?? -1);
  const codes = Int32Array.from(loanIds.codes, (c) => (c < 0 ? -1 : (lookup[c] as number)));
  return performance.withColumn(categoryColumn(group.name, codes, group.dictionary));
}

/**
 * IFRS 9 ECL of the loans in a performance table at their latest month: stages from the table, PD, LGD,
 * rate and term from the loans file (joined on its id column), balances in minor units.
 */
function performanceEcl(
  table: ReturnType<typeof readPerformanceTable>,
  loans: Frame,
  idName: string,
  columns: { pd: Float64Array; lgd: Float64Array | number; rate: Float64Array | undefined; term: Float64Array | undefined },
): BookEclRow[] {
  const ids = asCategory(loans.column(idName));
  const rowOf = new Map<string, number>();
  for (let i = 0; i < ids.codes.length; i++) {
    const code = ids.codes[i] as number;
    if (code >= 0) rowOf.set(ids.dictionary[code] as string, i);
  }
  const latest = latestPositions(table);
  const stages = stagesFromPositions(latest);
  const keep: number[] = [];
  const rows: number[] = [];
  for (let loan = 0; loan < table.loanCount; loan++) {
    const row = rowOf.get(table.loanIds[loan] as string);
    if (stages[loan] === 0 || row === undefined) continue;
    keep.push(loan);
    rows.push(row);
  }
  const pick = (values: Float64Array, fallback: number) =>
    Float64Array.from(rows, (r) => (Number.isNaN(values[r] as number) ? fallback : (values[r] as number)));
  const { pd, lgd, rate, term } = columns;
  return bookEcl({
    pd: pick(pd, 0),
    lgd: typeof lgd === 'number' ? lgd : pick(lgd, 0),
    balance: Float64Array.from(keep, (loan) => latest.balance[loan] as number),
    remainingMonths: Float64Array.from(keep, (loan, k) =>
      term === undefined ? 12 : Math.max(1, (term[rows[k] as number] as number) - (latest.mob[loan] as number)),
    ),
    eir: rate === undefined ? new Float64Array(keep.length) : pick(rate, 0),
    stage: Uint8Array.from(keep, (loan) => stages[loan] as number),
    ...(table.group === undefined ? {} : { group: { codes: Int32Array.from(keep, (loan) => latest.group[loan] as number), labels: table.groupLabels ?? [] } }),
  });
}

/** `credo portfolio metrics --loans FILE [--performance FILE] [--by segment]`: book metrics per group. */
export const portfolioMetricsCommand = defineCommand({
  name: 'portfolio metrics',
  summary: 'Book metrics: approval and default rates, EL, IRB RWA, RAROC, concentration (HHI) and, with performance, NPA ratio',
  details:
    'Approved rows (--approved-column, default "approved"; all rows when absent) are the loans. PD from --pd-column (default "pd",\n' +
    'else "true_pd"), LGD from --lgd-column or --lgd, EAD from --ead-column. Default rate: bads / loans with a known outcome,\n' +
    'on count and on EAD. RAROC = ((rate − funding − opex)·EAD − opex per loan − EL + capital·capital-rate) / capital, capital =\n' +
    'capital ratio × RWA (annual), the formula and defaults of `credo finance raroc` and `credo demo`.\n' +
    'NPA ratio: each loan at its latest performance row, IRAC-classified over its dpd history; charged-off loans are written off.\n' +
    'Example: credo portfolio metrics --loans world.csv --performance perf.csv --by segment',
  flags: {
    loans: { type: 'string', required: true, description: 'applications/loans file (.csv or .parquet)' },
    ...schemaFlag,
    performance: { type: 'string', description: 'loan × month performance file, for the NPA ratio' },
    by: { type: 'string', description: 'group by this column of the loans file (e.g. segment, product, region)' },
    'pd-column': { type: 'string', description: 'PD column (default "pd" if present, else "true_pd")' },
    lgd: { type: 'number', default: 0.45, min: 0, max: 1, description: 'LGD for every loan (when no --lgd-column)' },
    'lgd-column': { type: 'string', description: 'LGD column (overrides --lgd)' },
    'ead-column': { type: 'string', default: 'requested_amount', description: 'EAD column' },
    'rate-column': { type: 'string', default: 'interest_rate', description: 'annual interest rate column (RAROC is skipped when absent)' },
    'approved-column': { type: 'string', description: 'approved flag column (1 = booked); default "approved" when the file has it, else every row is a loan' },
    'bad-column': { type: 'string', default: 'bad', description: 'observed outcome column (1 = bad, empty = unknown)' },
    'id-column': { type: 'string', default: 'application_id', description: 'loan id column of the loans file (joins the performance table)' },
    'term-column': { type: 'string', default: 'term_months', description: 'term in months (IFRS 9 lifetime; 12 months remaining when absent)' },
    concentration: { type: 'list', default: ['purpose', 'region', 'segment'], description: 'columns to report concentration for (those present)' },
    class: { type: 'enum', choices: IRB_CLASSES as readonly IrbClass[], default: RAROC_DEFAULTS.assetClass, description: 'IRB asset class for capital' },
    'funding-rate': { type: 'number', default: RAROC_DEFAULTS.fundingRate, min: 0, max: 1, description: 'annual funding rate on EAD' },
    'opex-rate': { type: 'number', default: RAROC_DEFAULTS.operatingCostRate, min: 0, max: 1, description: 'annual operating cost as a share of EAD' },
    'opex-per-loan': { type: 'number', default: RAROC_DEFAULTS.operatingCostPerLoan, min: 0, description: 'annual operating cost per loan (currency)' },
    'capital-rate': { type: 'number', default: RAROC_DEFAULTS.capitalRate, min: 0, max: 1, description: 'annual rate earned on capital' },
    'capital-ratio': {
      type: 'number',
      default: RAROC_DEFAULTS.capitalRatio,
      min: 0,
      max: 1,
      description: 'capital held as a share of RWA = 12.5·K·EAD (0.105 = 8% + 2.5% buffer; 0.08 = K·EAD)',
    },
    currency: { type: 'string', default: 'USD', description: 'currency of the amounts (ISO 4217 code or CODE:EXPONENT); sums are exact in its minor units' },
  },
  async run(args, _positionals, context) {
    const file = resolve(context.cwd, args.loans);
    const frame = await readDataFile(context, args.loans, args);
    const pdName = args['pd-column'] ?? (frame.has('pd') ? 'pd' : 'true_pd');
    // a column the user names must exist; the default applies only when present
    const approvedName = args['approved-column'] ?? (frame.has('approved') ? 'approved' : undefined);
    const approved = approvedName !== undefined ? numericOf(frame, approvedName, 'approved-column', file) : new Float64Array(frame.rowCount).fill(1);
    const pd = numericOf(frame, pdName, 'pd-column', file);
    checkProbabilities(pd, approved, pdName);
    const lgd = args['lgd-column'] === undefined ? args.lgd : numericOf(frame, args['lgd-column'], 'lgd-column', file);
    if (typeof lgd !== 'number') checkProbabilities(lgd, approved, args['lgd-column'] as string);
    const currency = parseCurrency(args.currency);
    const scale = 10 ** currency.exponent;
    // EAD in integer minor units, so exposures and shares sum exactly; risk measures are printed to the minor unit.
    const eadColumn = numericOf(frame, args['ead-column'], 'ead-column', file);
    const ead = new Float64Array(eadColumn.length);
    for (let i = 0; i < ead.length; i++) {
      const v = eadColumn[i] as number;
      if (approved[i] === 1 && !(v >= 0 && Number.isFinite(v))) {
        throw new CredoError('E_FINANCE_INPUT_INVALID', { what: `column "${args['ead-column']}", row ${i + 1}`, problem: `must be an amount ≥ 0, got ${v}` });
      }
      ead[i] = Number.isNaN(v) ? 0 : Math.round(v * scale);
    }
    const money = (minor: number) => Math.round(minor) / scale;
    const rarocAssumptions: RarocAssumptions = {
      fundingRate: args['funding-rate'],
      operatingCostRate: args['opex-rate'],
      operatingCostPerLoan: args['opex-per-loan'],
      capitalRate: args['capital-rate'],
      capitalRatio: args['capital-ratio'],
      assetClass: args.class,
    };
    const rate = frame.has(args['rate-column']) ? numericOf(frame, args['rate-column'], 'rate-column', file) : undefined;
    const bad = frame.has(args['bad-column']) ? numericOf(frame, args['bad-column'], 'bad-column', file) : undefined;
    const groupColumn = args.by === undefined ? undefined : asCategory(frame.column(args.by));
    const metrics = portfolioMetrics(
      {
        approved,
        pd,
        lgd,
        ead,
        ...(rate === undefined ? {} : { rate }),
        ...(bad === undefined ? {} : { bad }),
        ...(groupColumn === undefined ? {} : { group: { codes: groupColumn.codes, labels: groupColumn.dictionary } }),
      },
      // EAD is in minor units here, so the amount per loan is too
      { ...rarocAssumptions, operatingCostPerLoan: rarocAssumptions.operatingCostPerLoan * scale },
    );
    const concentrations: Record<string, Concentration> = {};
    for (const name of args.concentration) {
      const column = frame.get(name);
      if (column === undefined) continue;
      const c = asCategory(column);
      concentrations[name] = concentration(c.codes, c.dictionary, ead, approved);
    }
    let npa: NpaSummary[] | undefined;
    let ecl: BookEclRow[] | undefined;
    if (args.performance !== undefined) {
      const perfFile = resolve(context.cwd, args.performance);
      let perf = await readFrame(perfFile);
      if (groupColumn !== undefined && !perf.has(groupColumn.name)) perf = joinGroup(perf, 'loan_id', frame, args['id-column'], groupColumn);
      const table = readPerformanceTable(perf, { currencyExponent: currency.exponent, ...(groupColumn === undefined ? {} : { group: groupColumn.name }) });
      npa = npaSummary(table);
      const term = frame.has(args['term-column']) ? numericOf(frame, args['term-column'], 'term-column', file) : undefined;
      ecl = performanceEcl(table, frame, args['id-column'], { pd, lgd, rate, term });
    }
    const result = {
      loans_file: args.loans,
      assumptions: {
        pd_column: pdName,
        lgd: args['lgd-column'] ?? args.lgd,
        ead_column: args['ead-column'],
        ...rarocAssumptionsRecord(rarocAssumptions),
        default_rate: 'bads / loans with a known outcome (count) and Σ EAD of bads / Σ EAD of those loans (amount)',
      },
      by: args.by ?? null,
      currency: currency.code,
      metrics: metrics.map((r) => snake(r, money)),
      concentration: Object.fromEntries(
        Object.entries(concentrations).map(([name, c]) => [
          name,
          {
            hhi: c.hhi,
            hhi_count: c.hhiCount,
            effective_number: c.effectiveNumber,
            shares: c.rows.map((r) => ({ label: r.label, count: r.count, amount: money(r.amount), count_share: r.countShare, amount_share: r.amountShare })),
          },
        ]),
      ),
      npa:
        npa?.map((n) => ({
          group: n.group,
          loans: n.loans,
          gross_outstanding: money(n.grossOutstanding),
          npa_outstanding: money(n.npaOutstanding),
          npa_ratio: n.npaRatio,
          npa_loans: n.npaLoans,
          written_off_loans: n.writtenOffLoans,
          written_off: money(n.writtenOff),
          provision_rbi: money(n.provision),
          buckets: n.buckets,
        })) ?? null,
      ifrs9:
        ecl?.map((e) => ({
          group: e.group,
          loans_by_stage: e.loans,
          exposure_by_stage: e.exposure.map(money),
          ecl_by_stage: e.ecl.map(money),
          ecl: money(e.totalEcl),
          coverage: e.coverage,
          cecl: money(e.cecl),
        })) ?? null,
    };
    const rarocLine = describeRarocAssumptions(rarocAssumptions);
    printResult(context, { ...result, raroc_assumptions: rarocLine }, () => `${human(metrics, concentrations, npa, ecl, args.by, money)}${rarocLine}\n`);
    return 0;
  },
});

function snake(r: PortfolioMetricsRow, money: (minor: number) => number) {
  return {
    group: r.group,
    applications: r.applications,
    loans: r.loans,
    approval_rate: r.approvalRate,
    exposure: money(r.exposure),
    observed: r.observed,
    defaults: r.defaults,
    default_rate_count: r.defaultRateCount,
    default_rate_amount: r.defaultRateAmount,
    expected_loss: money(r.expectedLoss),
    expected_loss_rate: r.expectedLossRate,
    rwa: money(r.rwa),
    capital: money(r.capital),
    risk_adjusted_return: r.riskAdjustedReturn === null ? null : money(r.riskAdjustedReturn),
    raroc: r.raroc,
  };
}

function pct(value: number | null): string {
  return value === null ? 'n/a' : formatPercent(value);
}

function human(
  metrics: PortfolioMetricsRow[],
  concentrations: Record<string, Concentration>,
  npa: NpaSummary[] | undefined,
  ecl: BookEclRow[] | undefined,
  by: string | undefined,
  money: (minor: number) => number,
): string {
  const rows: Cell[][] = metrics.map((r) => [
    r.group,
    r.applications,
    r.loans,
    pct(r.approvalRate),
    formatAmount(money(r.exposure)),
    pct(r.defaultRateCount),
    pct(r.defaultRateAmount),
    formatAmount(money(r.expectedLoss)),
    pct(r.expectedLossRate),
    formatAmount(money(r.rwa)),
    pct(r.raroc),
  ]);
  let out = formatTable([by ?? 'group', 'apps', 'loans', 'approval', 'exposure', 'default (n)', 'default (amt)', 'EL', 'EL rate', 'RWA', 'RAROC'], rows);
  if (npa !== undefined) {
    out += `\n${formatTable(
      [by ?? 'group', 'loans', 'gross outstanding', 'NPA outstanding', 'NPA ratio', 'NPA loans', 'written off', 'provision (RBI)'],
      npa.map((n) => [
        n.group,
        n.loans,
        formatAmount(money(n.grossOutstanding), 2),
        formatAmount(money(n.npaOutstanding), 2),
        pct(n.npaRatio),
        n.npaLoans,
        formatAmount(money(n.writtenOff), 2),
        formatAmount(money(n.provision), 2),
      ]),
      { title: 'NPA (each loan at its latest month; IRAC)' },
    )}`;
  }
  if (ecl !== undefined) {
    out += `\n${formatTable(
      [by ?? 'group', 'stage 1/2/3 loans', 'exposure', 'ECL stage 1', 'ECL stage 2', 'ECL stage 3', 'ECL', 'coverage', 'CECL'],
      ecl.map((e) => [
        e.group,
        e.loans.join(' / '),
        formatAmount(money(e.exposure[0] + e.exposure[1] + e.exposure[2])),
        formatAmount(money(e.ecl[0])),
        formatAmount(money(e.ecl[1])),
        formatAmount(money(e.ecl[2])),
        formatAmount(money(e.totalEcl)),
        formatPercent(e.coverage),
        formatAmount(money(e.cecl)),
      ]),
      { title: 'IFRS 9 ECL at each loan’s latest month (stage 3 = NPA, stage 2 = dpd > 30; 12-month PD as a constant hazard; discounted at the loan rate)' },
    )}`;
  }
  for (const [name, c] of Object.entries(concentrations)) {
    out += `\n${formatTable(
      [name, 'loans', 'amount', 'count share', 'amount share'],
      c.rows.slice(0, 10).map((r) => [r.label, r.count, formatAmount(money(r.amount)), formatPercent(r.countShare), formatPercent(r.amountShare)]),
      { title: `concentration by ${name}: HHI ${c.hhi.toFixed(4)} (effective number ${c.effectiveNumber.toFixed(2)})` },
    )}`;
  }
  return out;
}
