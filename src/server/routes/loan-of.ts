import { CredoError } from '../../errors/index.js';
import { getLoan } from '../../store/repositories/loans.js';

/** The loan or 404 (inside a command's transaction, or on the service's database for a read). */
export async function loanOf(q: Parameters<typeof getLoan>[0], id: string) {
  const loan = await getLoan(q, id);
  if (loan === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'loan', id });
  return loan;
}
