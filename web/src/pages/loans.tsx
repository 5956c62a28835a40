import { useState } from 'preact/hooks';
import { Empty, ListFilter, Load, OpenCell, Pager } from '../components.js';
import { money } from '../format.js';
import { useApi } from '../use-api.js';
import { Loan } from './loan-detail.js';

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
/** Loans: the book with a state filter; a loan's position, schedule and repayment. */
export function LoansPage() {
  const [state, setState] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<string | null>(null);
  const me = useApi<{ role: string }>('/api/v1/me');
  const list = useApi<{ total: number; items: LoanRow[] }>(`/api/v1/loans?limit=15&offset=${offset}${state === '' ? '' : `&state=${state}`}`);
  return (
    <>
      <h1>Loans</h1>
      <div class="grid">
        <section class="card" aria-labelledby="book-h">
          <h2 id="book-h">Loan book</h2>
          <ListFilter
            id="loan-state"
            label="State"
            value={state}
            options={['submitted', 'approved', 'active', 'closed', 'written_off', 'rejected', 'withdrawn']}
            onPick={(v) => {
              setState(v);
              setOffset(0);
            }}
          />
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
                          <OpenCell label={`Open loan ${r.id.slice(0, 8)}`} onOpen={() => setOpen(r.id)} />
                        </tr>
                      ))}
                    </tbody>
                  </table>
                  <Pager offset={offset} size={15} total={l.total} onOffset={setOffset} />
                </>
              )
            }
          </Load>
        </section>
        {open !== null && <Loan key={open} id={open} onChanged={list.reload} role={me.state === 'ok' ? me.data.role : null} />}
      </div>
    </>
  );
}
