import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ApiError } from './api.js';
import type { Loadable } from './use-api.js';

/** The loading line (announced politely to screen readers). */
export function Loading({ what }: { what: string }) {
  return (
    <p class="state loading" role="status">
      Loading {what}…
    </p>
  );
}

/** An API failure: status, catalogue code and the server's detail. */
export function ErrorBox({ error, what }: { error: ApiError; what: string }) {
  return (
    <div class="state error" role="alert">
      <strong>Could not load {what}.</strong> {error.status > 0 ? `HTTP ${error.status} ` : ''}
      <code>{error.code}</code>: {error.message}
    </div>
  );
}

/** Nothing to show yet, and why. */
export function Empty({ children }: { children: ComponentChildren }) {
  return <p class="state empty">{children}</p>;
}

/** Renders `children(data)` once loaded; loading and error states otherwise. */
export function Load<T>({ value, what, children }: { value: Loadable<T>; what: string; children: (data: T) => ComponentChildren }) {
  if (value.state === 'loading') return <Loading what={what} />;
  if (value.state === 'error') return <ErrorBox error={value.error} what={what} />;
  return <>{children(value.data)}</>;
}

/** A labelled filter of a list: "all" (the empty value) or one of `options`. */
export function ListFilter({
  id,
  label,
  value,
  options,
  onPick,
}: {
  id: string;
  label: string;
  value: string;
  options: readonly string[];
  onPick: (value: string) => void;
}) {
  return (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onPick(e.currentTarget.value)}>
        <option value="">all</option>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
    </>
  );
}

/** A list row's cell with its Open button (`label` names the row for screen readers). */
export function OpenCell({ label, onOpen }: { label: string; onOpen: () => void }) {
  return (
    <td>
      <button type="button" class="link" onClick={onOpen} aria-label={label}>
        Open
      </button>
    </td>
  );
}

/** Previous / Next buttons over a list of `total` rows shown `size` at a time from `offset`. */
export function Pager({ offset, size, total, onOffset }: { offset: number; size: number; total: number; onOffset: (offset: number) => void }) {
  return (
    <div class="row">
      <button type="button" class="secondary" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - size))}>
        Previous
      </button>
      <button type="button" class="secondary" disabled={offset + size >= total} onClick={() => onOffset(offset + size)}>
        Next
      </button>
    </div>
  );
}

/** A table of plain cells with a caption (every chart's numbers, and the lists). */
export function DataTable({ caption, columns, rows }: { caption: string; columns: string[]; rows: (string | number)[][] }) {
  return (
    // A wide table scrolls sideways: the region is focusable so keyboard users can scroll it too.
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1)
    <section class="table-wrap" aria-label={caption} tabIndex={0}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              {r.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/**
 * A chart (an Observable Plot SVG built by `render`) with an accessible name, and its numbers one
 * click away as a table; an empty state when there are no rows.
 */
export function Chart({
  title,
  render,
  columns,
  rows,
}: {
  title: string;
  render: () => SVGSVGElement | HTMLElement;
  columns: string[];
  rows: (string | number)[][];
}) {
  const [asTable, setAsTable] = useState(false);
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = host.current;
    if (el === null || asTable || rows.length === 0) return;
    const chart = render();
    chart.setAttribute('role', 'img');
    chart.setAttribute('aria-label', title);
    // Plot names its mark groups with aria-label, which ARIA does not allow on role-less <g>: the chart's one name is the title.
    for (const g of chart.querySelectorAll('g[aria-label]')) g.removeAttribute('aria-label');
    el.replaceChildren(chart);
  });
  return (
    <figure class="chart" data-chart={title}>
      <figcaption>
        <span>{title}</span>
        {rows.length > 0 && (
          <button type="button" class="link" aria-pressed={asTable} onClick={() => setAsTable(!asTable)}>
            {asTable ? 'Show chart' : 'Show table'}
          </button>
        )}
      </figcaption>
      {rows.length === 0 ? <Empty>No data yet.</Empty> : asTable ? <DataTable caption={title} columns={columns} rows={rows} /> : <div ref={host} />}
    </figure>
  );
}

/** Red/amber/green state of a KPI, always spelled out (never colour alone). */
export type Rag = 'green' | 'amber' | 'red';

/** A KPI tile: value, state and the thresholds behind it. */
export function Kpi({ label, value, rag, rule }: { label: string; value: string; rag?: Rag; rule?: string }) {
  return (
    <div class={`kpi ${rag ?? ''}`} data-kpi={label}>
      <div class="kpi-label">{label}</div>
      <div class="kpi-value">{value}</div>
      {rag !== undefined && (
        <div class="kpi-rag">
          <span class="dot" aria-hidden="true" /> {rag === 'green' ? 'OK' : rag === 'amber' ? 'Watch' : 'Alert'}
          {rule !== undefined && <span class="rule"> · {rule}</span>}
        </div>
      )}
    </div>
  );
}

/** Green at or below `amber`, amber up to `red`, red above. */
export function ragOf(value: number, amber: number, red: number): Rag {
  return value > red ? 'red' : value > amber ? 'amber' : 'green';
}
