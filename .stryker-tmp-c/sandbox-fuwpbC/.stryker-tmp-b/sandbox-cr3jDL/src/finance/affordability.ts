// @ts-nocheck
// 
import { CredoError } from '../errors/index.js';

/**
 * Affordability and collateral ratios of REFERENCE §4. Amounts may be in any one unit (minor or
 * major) as long as numerator and denominator agree. A non-positive denominator throws
 * `E_FINANCE_INPUT_INVALID` (the ratio is undefined, never NaN or Infinity).
 */
function ratio(numerator: number, denominator: number, what: string, denominatorName: string): number {
  if (!(denominator > 0) || !Number.isFinite(denominator)) {
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what, problem: `${denominatorName} must be a positive amount, got ${denominator}` });
  }
  if (!Number.isFinite(numerator) || numerator < 0)
    throw new CredoError('E_FINANCE_INPUT_INVALID', { what, problem: `amounts must be non-negative, got ${numerator}` });
  return numerator / denominator;
}

/** Debt-to-income: (existing monthly debt payments + new EMI) / gross monthly income. */
export function debtToIncome(existingMonthlyDebt: number, newEmi: number, grossMonthlyIncome: number): number {
  return ratio(existingMonthlyDebt + newEmi, grossMonthlyIncome, 'DTI', 'gross monthly income');
}

/** Loan-to-income: loan amount / annual income. */
export function loanToIncome(loanAmount: number, annualIncome: number): number {
  return ratio(loanAmount, annualIncome, 'LTI', 'annual income');
}

/** Loan-to-value: loan amount / collateral value. */
export function loanToValue(loanAmount: number, collateralValue: number): number {
  return ratio(loanAmount, collateralValue, 'LTV', 'collateral value');
}

/** Fixed-obligations-to-income ratio: fixed monthly obligations (including the new EMI) / net monthly income. */
export function fixedObligationsToIncome(fixedMonthlyObligations: number, netMonthlyIncome: number): number {
  return ratio(fixedMonthlyObligations, netMonthlyIncome, 'FOIR', 'net monthly income');
}
