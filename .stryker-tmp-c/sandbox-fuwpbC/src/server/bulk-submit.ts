// @ts-nocheck
import { applicationInputs, type InputValue } from '../decision/index.js';
import { CredoError } from '../errors/index.js';
import { csvRecords } from './csv-records.js';
import { toProblem } from './problem.js';
import type { Caller } from './roles.js';
import type { Service } from './service.js';
import { type SubmitResult, submitApplication } from './submit-application.js';

/** Columns of a bulk CSV that are not inputs but identify the application. */
const ID_COLUMNS = new Set(['external_id', 'customer_id']);

/** One row's outcome. */
export interface BulkRowOutcome {
  readonly row: number;
  readonly status: number;
  readonly application_id?: string;
  readonly decision?: SubmitResult['decision'];
  readonly error?: { code: string; detail: string; errors: { field: string; message: string }[] };
}

/**
 * Submits every data row of a CSV as one application through `submitApplication` (each its own
 * transaction). Cells of numeric inputs are read as numbers (empty = missing); a cell that is not
 * a number stays text, so validation names that field. Columns that are not inputs are ignored
 * and reported; `external_id` and `customer_id` columns fill those fields.
 */
export async function bulkSubmit(service: Service, csv: string, caller: Caller, requestId: string, maxRows: number) {
  const setup = service.current();
  if (setup === undefined) throw new CredoError('E_HTTP_NOT_CONFIGURED', { problem: 'register and promote a champion model and activate a policy first' });
  const records = csvRecords(csv);
  const header = records[0];
  if (header === undefined || records.length < 2) {
    throw new CredoError('E_INPUT_VALIDATION', {
      summary: 'CSV: a header and at least one data row are needed',
      issues: [{ path: ['body'], message: 'no data rows' }],
    });
  }
  if (records.length - 1 > maxRows) {
    throw new CredoError('E_INPUT_VALIDATION', {
      summary: `CSV: ${records.length - 1} rows; at most ${maxRows} per upload`,
      issues: [{ path: ['body'], message: 'too many rows' }],
    });
  }
  const types = new Map(applicationInputs(setup.context).map((c) => [c.name, c.type]));
  const ignored = header.filter((name) => !types.has(name) && !ID_COLUMNS.has(name));
  const results: BulkRowOutcome[] = [];
  for (let r = 1; r < records.length; r += 1) {
    const cells = records[r] as string[];
    const data: Record<string, InputValue> = {};
    const ids: { external_id?: string; customer_id?: string } = {};
    header.forEach((name, c) => {
      const cell = cells[c] ?? '';
      if (name === 'external_id' || name === 'customer_id') {
        if (cell !== '') ids[name] = cell;
        return;
      }
      const type = types.get(name);
      if (type === undefined) return;
      if (cell === '') data[name] = null;
      else if (type === 'number') data[name] = Number.isFinite(Number(cell)) && cell.trim() !== '' ? Number(cell) : cell;
      else data[name] = cell;
    });
    try {
      const done = await submitApplication(service, { ...ids, data }, caller, requestId);
      results.push({ row: r, status: done.status, application_id: done.body.application_id, decision: done.body.decision });
    } catch (error) {
      const problem = toProblem(error, requestId, '');
      if (problem.status >= 500) service.log.error({ err: error, row: r }, 'bulk row failed');
      results.push({ row: r, status: problem.status, error: { code: problem.code, detail: problem.detail, errors: [...problem.errors] } });
    }
  }
  const accepted = results.filter((x) => x.status === 201).length;
  return { rows: results.length, accepted, rejected: results.length - accepted, results, ignored_columns: ignored };
}
