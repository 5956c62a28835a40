import { formatMoney, parseCurrency, parseMoney, toMinor, USD } from '../../finance/index.js';
import { type Allocation, allowedCommands, type Classification, type Instalment, type LoanPosition } from '../../servicing/index.js';
import type { Loan } from '../../store/repositories/loans.js';

/** Money in API answers: a decimal string with the currency's decimals (2 for USD: "1234.50"). */
export function money(minor: number, currency = 'USD'): string {
  return formatMoney(minor, currency === 'USD' ? USD : parseCurrency(currency));
}

/** A money amount from a body: a decimal string ("250.00") or a number of major units, to minor units. */
export function minorOf(amount: string | number, currency = 'USD'): number {
  const c = currency === 'USD' ? USD : parseCurrency(currency);
  return typeof amount === 'number' ? toMinor(amount, c) : parseMoney(amount, c);
}

/** A movement body (amount, value date, optional external id) as the store's money commands take it: minor units of `currency`. */
export function movementOf(body: { amount: string | number; value_date: string; external_id?: string }, currency: string) {
  return { amount: minorOf(body.amount, currency), valueDate: body.value_date, externalId: body.external_id ?? null };
}

/** What a payment paid, per component, as the API returns it (`AllocationView`). */
export function allocationJson(a: Pick<Allocation, 'penalty' | 'fees' | 'interest' | 'principal' | 'excess'>, currency: string) {
  const m = (x: number) => money(x, currency);
  return { penalty: m(a.penalty), fees: m(a.fees), interest: m(a.interest), principal: m(a.principal), excess: m(a.excess) };
}

/** A schedule as the API returns it. */
export function scheduleJson(schedule: readonly Instalment[], currency: string) {
  return schedule.map((i) => ({
    n: i.n,
    due_date: i.dueDate,
    principal: money(i.principal, currency),
    interest: money(i.interest, currency),
    fees: money(i.fees, currency),
    emi: money(i.principal + i.interest, currency),
  }));
}

/** A loan with its position and classification as of today, and the value of its unreleased collateral (minor units). */
export function loanJson(loan: Loan, position: LoanPosition | undefined, c: Classification | undefined, collateral = 0) {
  const cur = loan.currency;
  const outstanding = position === undefined ? 0 : Math.max(0, position.outstandingPrincipal - loan.writtenOff);
  return {
    id: loan.id,
    application_id: loan.applicationId,
    product_id: loan.product.id,
    product_version: loan.product.version,
    state: loan.state,
    allowed_commands: allowedCommands(loan.state),
    currency: cur,
    principal: money(loan.principal, cur),
    annual_rate: loan.annualRate,
    term_months: loan.termMonths,
    disbursed_on: loan.disbursedOn,
    as_of: position?.asOf ?? null,
    outstanding_principal: money(outstanding, cur),
    outstanding_total: money(position === undefined ? 0 : Math.max(0, position.outstandingTotal - loan.writtenOff), cur),
    arrears: money(position?.arrears ?? 0, cur),
    paid: money(position?.paidTotal ?? 0, cur),
    written_off: money(loan.writtenOff, cur),
    dpd: c?.dpd ?? 0,
    bucket: c?.bucket ?? 'current',
    irac_class: c?.iracClass ?? 'Standard',
    npa: c?.npa ?? false,
    npa_since: c?.npaSince ?? null,
    ifrs9_stage: c?.ifrs9Stage ?? 1,
    ecl: money(c?.ecl ?? 0, cur),
    provision: money(c?.provision ?? 0, cur),
    last_close: loan.lastClose,
    restructured_on: loan.restructuredOn,
    monitored_until: loan.monitoredUntil,
    collateral_value: money(collateral, cur),
    // Rounded to 4 decimals (basis points of a ratio); null without collateral.
    ltv: collateral > 0 ? Math.round((outstanding / collateral) * 10_000) / 10_000 : null,
  };
}
