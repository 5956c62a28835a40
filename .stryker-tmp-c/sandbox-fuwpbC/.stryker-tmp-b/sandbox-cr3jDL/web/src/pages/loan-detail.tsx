// @ts-nocheck
// 
import * as Plot from '@observablehq/plot';
import { useState } from 'preact/hooks';
import { type ApiError, api } from '../api.js';
import { Chart, DataTable, Empty, ErrorBox, Load } from '../components.js';
import { money, pct } from '../format.js';
import { useApi } from '../use-api.js';

interface LoanView {
  id: string;
  state: string;
  currency: string;
  principal: string;
  annual_rate: string;
  term_months: number;
  disbursed_on: string | null;
  outstanding_principal: string;
  outstanding_total: string;
  arrears: string;
  paid: string;
  dpd: number;
  bucket: string;
  irac_class: string;
  npa: boolean;
  ifrs9_stage: number;
  ecl: string;
  provision: string;
  allowed_commands: string[];
  schedule: { n: number; due_date: string; principal: string; interest: string; fees: string; emi: string }[];
}

type Amounts = { penalty: string; fees: string; interest: string; principal: string };
interface LoanHistory {
  transactions: { id: string; kind: string; amount: string; value_date: string; reversed: boolean; reversal_reason: string | null; allocation: Amounts }[];
  dpd: { as_of: string; dpd: number; bucket: string; irac_class: string; npa: boolean; stage: number; outstanding: string; ecl: string; provision: string }[];
  moves: { as_of: string; dpd: number; from: { irac_class: string; npa: boolean; stage: number }; to: { irac_class: string; npa: boolean; stage: number } }[];
  states: { command: string; from: string | null; to: string; reason: string | null; at: string }[];
  ledger: { seq: number; journal_id: string; account: string; debit: string; credit: string; value_date: string; memo: string }[];
}

/** The roles that may act on loans (the servicing routes' writers). */
const WRITERS = ['admin', 'loan_officer'];
const today = () => new Date().toISOString().slice(0, 10);

/** Sends a loan command after the user confirms it; reports success or the API's problem. */
function useCommand(after: () => void) {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const run = (question: string, path: string, body: unknown, done: string) => {
    if (!window.confirm(question)) return;
    setError(null);
    setMessage(null);
    api<unknown>(path, { method: 'POST', body, headers: { 'idempotency-key': crypto.randomUUID() } }).then(
      () => {
        setMessage(done);
        after();
      },
      (e: ApiError) => setError(e),
    );
  };
  return { run, message, error };
}

/** Disburse, repay, restructure, write off (reversal sits on each repayment row), each confirmed, for the roles that may. */
function Actions({ l, command }: { l: LoanView; command: ReturnType<typeof useCommand> }) {
  const [amount, setAmount] = useState('');
  const [date, setDate] = useState(today());
  const [reason, setReason] = useState('');
  return (
    <div class="actions">
      {l.state === 'approved' && (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            command.run(`Disburse ${money(l.principal)} ${l.currency} on ${date}?`, `/api/v1/loans/${l.id}/disburse`, { value_date: date }, 'Loan disbursed.');
          }}
        >
          <div>
            <label for="disburse-date">Disbursement date</label>
            <input id="disburse-date" type="date" required value={date} onInput={(e) => setDate(e.currentTarget.value)} />
          </div>
          <button type="submit">Disburse</button>
        </form>
      )}
      {l.state === 'active' && (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            command.run(
              `Record a repayment of ${amount} ${l.currency} on ${date}?`,
              `/api/v1/loans/${l.id}/repayments`,
              { amount, value_date: date },
              `Repayment of ${amount} recorded.`,
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
        </form>
      )}
      {l.state === 'active' && <Restructure l={l} command={command} />}
      {l.allowed_commands.includes('write_off') && (
        <form
          class="row"
          onSubmit={(e) => {
            e.preventDefault();
            command.run(
              `Write off the outstanding principal ${money(l.outstanding_principal)} ${l.currency}? This cannot be undone.`,
              `/api/v1/loans/${l.id}/write-off`,
              { reason },
              'Loan written off.',
            );
          }}
        >
          <div>
            <label for="writeoff-reason">Write-off reason</label>
            <input id="writeoff-reason" required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
          </div>
          <button type="submit" class="danger">
            Write off
          </button>
        </form>
      )}
    </div>
  );
}

/** Restructure an active loan (new rate, term and moratorium; flagged and an NPA while monitored), confirmed. */
function Restructure({ l, command }: { l: LoanView; command: ReturnType<typeof useCommand> }) {
  const [rate, setRate] = useState(l.annual_rate);
  const [term, setTerm] = useState(String(l.term_months));
  const [moratorium, setMoratorium] = useState('0');
  const [reason, setReason] = useState('');
  return (
    <form
      class="row"
      onSubmit={(e) => {
        e.preventDefault();
        command.run(
          `Restructure at ${pct(Number(rate))} over ${term} months with ${moratorium} months' moratorium? The loan is flagged restructured and classed an NPA while it is monitored.`,
          `/api/v1/loans/${l.id}/restructure`,
          { annual_rate: rate, term_months: Number(term), moratorium_months: Number(moratorium), reason },
          'Loan restructured.',
        );
      }}
    >
      <div>
        <label for="restructure-rate">New annual rate (fraction, e.g. 0.12)</label>
        <input id="restructure-rate" inputMode="decimal" required pattern="0(\.\d{1,8})?" value={rate} onInput={(e) => setRate(e.currentTarget.value)} />
      </div>
      <div>
        <label for="restructure-term">New term (months)</label>
        <input id="restructure-term" type="number" min={1} max={600} required value={term} onInput={(e) => setTerm(e.currentTarget.value)} />
      </div>
      <div>
        <label for="restructure-moratorium">Moratorium (months)</label>
        <input id="restructure-moratorium" type="number" min={0} max={36} required value={moratorium} onInput={(e) => setMoratorium(e.currentTarget.value)} />
      </div>
      <div>
        <label for="restructure-reason">Restructure reason</label>
        <input id="restructure-reason" required value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      <button type="submit">Restructure</button>
    </form>
  );
}

/** Transactions with their allocation, reversal per repayment; allocation chart; dpd history; classification moves; state changes; ledger. */
function History({ id, canAct, command, version }: { id: string; canAct: boolean; command: ReturnType<typeof useCommand>; version: number }) {
  const history = useApi<LoanHistory>(`/api/v1/loans/${id}/history?v=${version}`);
  return (
    <Load value={history} what="the loan history">
      {(h) => {
        const repayments = h.transactions.filter((t) => t.kind === 'repayment' && !t.reversed);
        const allocation = repayments.flatMap((t) =>
          (['principal', 'interest', 'fees', 'penalty'] as const).map((part) => ({ date: t.value_date, part, amount: Number(t.allocation[part]) })),
        );
        return (
          <>
            <h3>Transactions</h3>
            {h.transactions.length === 0 ? (
              <Empty>No transactions yet.</Empty>
            ) : (
              <div class="table-wrap">
                <table>
                  <caption>Transactions and their allocation</caption>
                  <thead>
                    <tr>
                      {['date', 'kind', 'amount', 'principal', 'interest', 'fees', 'penalty', 'status'].map((c) => (
                        <th scope="col" key={c}>
                          {c}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {h.transactions.map((t) => (
                      <tr key={t.id} data-transaction={t.kind}>
                        <td>{t.value_date}</td>
                        <td>{t.kind}</td>
                        <td>{money(t.amount)}</td>
                        <td>{money(t.allocation.principal)}</td>
                        <td>{money(t.allocation.interest)}</td>
                        <td>{money(t.allocation.fees)}</td>
                        <td>{money(t.allocation.penalty)}</td>
                        <td>
                          {t.reversed ? (
                            `reversed: ${t.reversal_reason ?? ''}`
                          ) : t.kind === 'repayment' && canAct ? (
                            <button
                              type="button"
                              class="link"
                              aria-label={`Reverse the repayment of ${t.amount} on ${t.value_date}`}
                              onClick={() => {
                                const reason = window.prompt('Reason for the reversal', 'payment returned') ?? '';
                                if (reason === '') return;
                                command.run(
                                  `Reverse the repayment of ${money(t.amount)} on ${t.value_date}?`,
                                  `/api/v1/loans/${id}/repayments/${t.id}/reversal`,
                                  { reason },
                                  'Repayment reversed.',
                                );
                              }}
                            >
                              Reverse
                            </button>
                          ) : (
                            'posted'
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Chart
              title="Allocation of each repayment"
              columns={['date', 'part', 'amount']}
              rows={allocation.filter((a) => a.amount > 0).map((a) => [a.date, a.part, a.amount.toFixed(2)])}
              render={() =>
                Plot.plot({
                  height: 220,
                  marginLeft: 60,
                  x: { label: 'value date', type: 'band', tickRotate: -30 },
                  y: { label: 'amount', grid: true },
                  color: { legend: true, domain: ['principal', 'interest', 'fees', 'penalty'], range: ['#1f5fbf', '#8a5300', '#6b4fa0', '#b3261e'] },
                  marks: [Plot.barY(allocation, { x: 'date', y: 'amount', fill: 'part' })],
                })
              }
            />
            <Chart
              title="Days past due at each daily close"
              columns={['as of', 'dpd', 'bucket', 'IRAC class', 'NPA', 'stage', 'outstanding', 'ECL']}
              rows={h.dpd.map((c) => [c.as_of, c.dpd, c.bucket, c.irac_class, c.npa ? 'yes' : 'no', c.stage, money(c.outstanding), money(c.ecl)])}
              render={() =>
                Plot.plot({
                  height: 200,
                  x: { label: 'close date', type: 'utc' },
                  y: { label: 'dpd', grid: true },
                  marks: [
                    Plot.ruleY([90], { stroke: '#b3261e', strokeDasharray: '4,3' }),
                    Plot.line(h.dpd, { x: (c: { as_of: string }) => new Date(c.as_of), y: 'dpd', stroke: '#14233c' }),
                    Plot.dot(h.dpd, { x: (c: { as_of: string }) => new Date(c.as_of), y: 'dpd', fill: '#14233c' }),
                  ],
                })
              }
            />
            <h3>Classification moves</h3>
            {h.moves.length === 0 ? (
              <Empty>No class or stage change over {h.dpd.length} daily closes.</Empty>
            ) : (
              <DataTable
                caption="IRAC class, NPA and IFRS 9 stage changes between closes"
                columns={['as of', 'dpd', 'from', 'to']}
                rows={h.moves.map((m) => [
                  m.as_of,
                  m.dpd,
                  `${m.from.irac_class}${m.from.npa ? ' (NPA)' : ''}, stage ${m.from.stage}`,
                  `${m.to.irac_class}${m.to.npa ? ' (NPA)' : ''}, stage ${m.to.stage}`,
                ])}
              />
            )}
            <DataTable
              caption="State changes"
              columns={['at', 'command', 'from', 'to', 'reason']}
              rows={h.states.map((s) => [s.at.slice(0, 19).replace('T', ' '), s.command, s.from ?? '', s.to, s.reason ?? ''])}
            />
            <DataTable
              caption="Ledger entries (double entry)"
              columns={['#', 'date', 'account', 'debit', 'credit', 'memo']}
              rows={h.ledger.map((e) => [e.seq, e.value_date, e.account, money(e.debit), money(e.credit), e.memo])}
            />
          </>
        );
      }}
    </Load>
  );
}

/** One loan: position, actions by role with confirmation, schedule and its history. */
export function Loan({ id, onChanged, role }: { id: string; onChanged: () => void; role: string | null }) {
  const loan = useApi<LoanView>(`/api/v1/loans/${id}`);
  const [version, setVersion] = useState(0);
  const command = useCommand(() => {
    loan.reload();
    setVersion((v) => v + 1);
    onChanged();
  });
  const canAct = role !== null && WRITERS.includes(role);
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
            {canAct ? <Actions l={l} command={command} /> : <p class="hint">Your role ({role ?? 'unknown'}) may view loans but not act on them.</p>}
            <p role="status">{command.message}</p>
            {command.error !== null && <ErrorBox error={command.error} what="the loan command" />}
            <History id={l.id} canAct={canAct} command={command} version={version} />
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
