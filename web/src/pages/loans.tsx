import { useState } from 'preact/hooks';
import { type ApiError, api } from '../api.js';
import { DataTable, Empty, ErrorBox, Load } from '../components.js';
import { money, pct } from '../format.js';
import { useApi } from '../use-api.js';

interface LoanRow {
  id: string;
  state: string;
  currency: string;
  principal: string;
  outstanding_principal: string;
  annual_rate: string;
  term_months: number;
  disbursed_on: string | null;
  dpd: number;
  irac_class: string;
  ifrs9_stage: number;
}
interface LoanView extends LoanRow {
  outstanding_total: string;
  arrears: string;
  paid: string;
  bucket: string;
  npa: boolean;
  ecl: string;
  provision: string;
  allowed_commands: string[];
  schedule: { n: number; due_date: string; principal: string; interest: string; fees: string; emi: string }[];
}

/** One loan: balances, classification, schedule, and the repayment action. */
function Loan({ id, onChanged }: { id: string; onChanged: () => void }) {
  const loan = useApi<LoanView>(`/api/v1/loans/${id}`);
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(new Date().toISOString().slice(0, 10));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  return (
    <section class="card" aria-label="Loan">
      <Load value={loan} what="the loan">
        {(l) => (
          <>
            <h2>Loan {l.id.slice(0, 8)}</h2>
            <p>
              {l.state} · principal {money(l.principal)} {l.currency} at {pct(Number(l.annual_rate))} for {l.term_months} months, disbursed{' '}
              {l.disbursed_on ?? '—'}
            </p>
            <DataTable
              caption="Position as of today"
              columns={[
                'outstanding principal',
                'outstanding total',
                'arrears',
                'paid',
                'dpd',
                'bucket',
                'IRAC class',
                'NPA',
                'IFRS 9 stage',
                'ECL',
                'provision',
              ]}
              rows={[
                [
                  money(l.outstanding_principal),
                  money(l.outstanding_total),
                  money(l.arrears),
                  money(l.paid),
                  l.dpd,
                  l.bucket,
                  l.irac_class,
                  l.npa ? 'yes' : 'no',
                  l.ifrs9_stage,
                  money(l.ecl),
                  money(l.provision),
                ],
              ]}
            />
            {l.state === 'active' && (
              <form
                class="row"
                onSubmit={(e) => {
                  e.preventDefault();
                  if (!window.confirm(`Record a repayment of ${amount} ${l.currency} on ${date}?`)) return;
                  setError(null);
                  api<{ id: string }>(`/api/v1/loans/${l.id}/repayments`, {
                    method: 'POST',
                    body: { amount, value_date: date },
                    headers: { 'idempotency-key': crypto.randomUUID() },
                  }).then(
                    (r) => {
                      setMessage(`Repayment ${r.id.slice(0, 8)} recorded.`);
                      loan.reload();
                      onChanged();
                    },
                    (err: ApiError) => setError(err),
                  );
                }}
              >
                <div>
                  <label for="repay-amount">Repayment amount ({l.currency})</label>
                  <input id="repay-amount" inputMode="decimal" required value={amount} onInput={(e) => setAmount(e.currentTarget.value)} />
                </div>
                <div>
                  <label for="repay-date">Value date</label>
                  <input id="repay-date" type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />
                </div>
                <button type="submit">Repay</button>
                <span role="status">{message}</span>
              </form>
            )}
            {error !== null && <ErrorBox error={error} what="the repayment" />}
            <DataTable
              caption="Repayment schedule"
              columns={['#', 'due', 'principal', 'interest', 'fees', 'instalment']}
              rows={l.schedule.map((i) => [i.n, i.due_date, money(i.principal), money(i.interest), money(i.fees), money(i.emi)])}
            />
          </>
        )}
      </Load>
    </section>
  );
}

/** Loans: the book with a state filter; a loan's position, schedule and repayment. */
export function LoansPage() {
  const [state, setState] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const list = useApi<{ total: number; items: LoanRow[] }>(`/api/v1/loans?limit=15&offset=${offset}${state === '' ? '' : `&state=${state}`}`);
  return (
    <>
      <h1>Loans</h1>
      <div class="grid">
        <section class="card" aria-labelledby="book-h">
          <h2 id="book-h">Loan book</h2>
          <label for="loan-state">State</label>
          <select
            id="loan-state"
            value={state}
            onChange={(e) => {
              setState(e.currentTarget.value);
              setOffset(0);
            }}
          >
            <option value="">all</option>
            {['approved', 'active', 'closed', 'written_off', 'restructured'].map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <Load value={list} what="loans">
            {(l) =>
              l.items.length === 0 ? (
                <Empty>No loans. `credo start` disburses loans from approved applications on its first run.</Empty>
              ) : (
                <>
                  <table>
                    <caption>
                      {l.total} loans ({offset + 1}–{offset + l.items.length})
                    </caption>
                    <thead>
                      <tr>
                        {['principal', 'outstanding', 'dpd', 'class', 'stage', 'open'].map((c) => (
                          <th scope="col" key={c}>
                            {c}
                          </th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {l.items.map((r) => (
                        <tr key={r.id} class={r.id === open ? 'selected' : ''}>
                          <td>{money(r.principal)}</td>
                          <td data-loan-outstanding={r.id}>{money(r.outstanding_principal)}</td>
                          <td>{r.dpd}</td>
                          <td>{r.irac_class}</td>
                          <td>{r.ifrs9_stage}</td>
                          <td>
                            <button type="button" class="link" onClick={() => setOpen(r.id)} aria-label={`Open loan ${r.id.slice(0, 8)}`}>
                              Open
                            </button>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <div class="row">
                    <button type="button" class="secondary" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - 15))}>
                      Previous
                    </button>
                    <button type="button" class="secondary" disabled={offset + 15 >= l.total} onClick={() => setOffset(offset + 15)}>
                      Next
                    </button>
                  </div>
                </>
              )
            }
          </Load>
        </section>
        {open !== null && <Loan key={open} id={open} onChanged={list.reload} />}
      </div>
    </>
  );
}
