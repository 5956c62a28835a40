// @ts-nocheck
import { CredoError } from '../../errors/index.js';
import { amortise, formatMoney, fromMinor, type Prepayment, parseCurrency, parseMoney } from '../../finance/index.js';
import { defineCommand } from '../command.js';
import { formatTable, printResult } from '../output.js';

/** Parses `--prepay MONTH=AMOUNT` values into minor units. */
function parsePrepayments(values: readonly string[], parse: (text: string) => number): Prepayment[] {
  return values.map((value) => {
    const match = /^(\d+)=(.+)$/.exec(value);
    if (match === null) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'prepay', problem: 'must be MONTH=AMOUNT, e.g. 3=25000', value });
    return { month: Number(match[1]), amount: parse(match[2] as string) };
  });
}

/** `credo finance schedule --amount 100000 --rate 0.12 --months 12`: EMI and the full amortisation schedule. */
export const financeScheduleCommand = defineCommand({
  name: 'finance schedule',
  summary: 'EMI and amortisation schedule of a loan (integer minor units; principals sum exactly to the loan)',
  details:
    'EMI = P·r·(1+r)^n/((1+r)^n − 1), r = rate/12; interest = round(balance·r) each month, half away from zero;\n' +
    'the last instalment absorbs the rounding so the principals sum exactly to the amount (REFERENCE §4).\n' +
    'Amounts are parsed exactly as decimals in the currency (--currency CODE or CODE:EXPONENT) and printed to the minor unit.\n' +
    'Example: credo finance schedule --amount 100000 --rate 0.12 --months 12 --json',
  flags: {
    amount: { type: 'string', required: true, description: 'loan amount, a decimal in the currency (e.g. 100000 or 2500.50)' },
    rate: { type: 'number', required: true, min: 0, max: 10, rate: true, description: 'annual interest rate as a decimal (0.12 = 12%)' },
    months: { type: 'int', required: true, min: 1, max: 1200, description: 'term in months' },
    currency: { type: 'string', default: 'USD', description: 'ISO 4217 code (USD, EUR, INR, JPY, KWD, …) or CODE:EXPONENT' },
    prepay: { type: 'repeat', description: 'extra principal payment MONTH=AMOUNT after that month’s instalment (repeatable)' },
    'prepay-mode': {
      type: 'enum',
      choices: ['reduce-term', 'reduce-emi'] as const,
      default: 'reduce-term',
      description: 'after a prepayment keep the EMI (reduce-term) or the end date (reduce-emi)',
    },
  },
  run(args, _positionals, context) {
    const currency = parseCurrency(args.currency);
    const parse = (text: string) => {
      try {
        return parseMoney(text, currency);
      } catch (error) {
        throw new CredoError(
          'E_INPUT_FLAG_INVALID',
          { flag: 'amount', problem: `must be a decimal amount in ${currency.code}`, value: text },
          { cause: error },
        );
      }
    };
    const principal = parse(args.amount);
    if (principal <= 0) throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'amount', problem: 'must be positive', value: args.amount });
    const prepayments = parsePrepayments(args.prepay, parse);
    for (const p of prepayments) {
      if (p.month > args.months)
        throw new CredoError('E_INPUT_FLAG_INVALID', { flag: 'prepay', problem: `month must be within 1..${args.months}`, value: `${p.month}` });
    }
    const s = amortise(principal, args.rate, args.months, { prepayments, prepaymentMode: args['prepay-mode'] });
    // Numbers printed from integer minor units: the JSON text is the exact decimal amount.
    const money = (minor: number) => fromMinor(minor, currency);
    const withPrepay = prepayments.length > 0;
    const schedule = Array.from({ length: s.months }, (_, m) => ({
      month: m + 1,
      payment: money(s.payment[m] as number),
      interest: money(s.interest[m] as number),
      principal: money(s.principal[m] as number),
      ...(withPrepay ? { prepayment: money(s.prepayment[m] as number) } : {}),
      balance: money(s.balance[m] as number),
    }));
    const result = {
      currency: currency.code,
      amount: money(principal),
      rate: args.rate,
      months: args.months,
      emi: money(s.emi),
      total_interest: money(s.totalInterest),
      total_paid: money(s.totalPaid),
      paid_off_month: s.months,
      schedule,
    };
    printResult(context, result, () => {
      const f = (minor: number) => formatMoney(minor, currency);
      const rows = schedule.map((_, m) => [
        m + 1,
        f(s.payment[m] as number),
        f(s.interest[m] as number),
        f(s.principal[m] as number),
        ...(withPrepay ? [f(s.prepayment[m] as number)] : []),
        f(s.balance[m] as number),
      ]);
      const headers = ['month', 'payment', 'interest', 'principal', ...(withPrepay ? ['prepayment'] : []), 'balance'];
      // Right-align the amount columns (they are exact strings, which the table would left-align).
      for (let c = 1; c < headers.length; c++) {
        const width = Math.max((headers[c] as string).length, ...rows.map((row) => String(row[c]).length));
        for (const row of rows) row[c] = String(row[c]).padStart(width);
      }
      return (
        `${f(principal)} ${currency.code} at ${(args.rate * 100).toFixed(2)}% p.a. over ${args.months} months: EMI ${f(s.emi)}, ` +
        `total interest ${f(s.totalInterest)}, total paid ${f(s.totalPaid)}\n${formatTable(headers, rows)}`
      );
    });
    return 0;
  },
});
