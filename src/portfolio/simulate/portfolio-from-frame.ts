import { CredoError } from '../../errors/index.js';
import type { Frame } from '../../frame/index.js';
import type { PortfolioLoans } from './portfolio-model.js';

/** Column names of a portfolio file (defaults `segment`, `pd`, `lgd`, `ead`). */
export interface PortfolioColumns {
  readonly segment?: string;
  readonly pd?: string;
  readonly lgd?: string;
  readonly ead?: string;
}

/**
 * Takes a portfolio from a frame: numeric `pd`, `lgd`, `ead` columns and an optional categorical
 * (or numeric) `segment` column; without one every loan is in segment "all". Missing values are
 * rejected naming the row and column.
 */
export function portfolioFromFrame(frame: Frame, columns: PortfolioColumns = {}): PortfolioLoans {
  const numeric = (name: string) => {
    const values = frame.numeric(name).values;
    for (let i = 0; i < values.length; i++) {
      if (Number.isNaN(values[i])) throw new CredoError('E_PORTFOLIO_LOAN_INVALID', { row: i + 1, problem: `column "${name}" is missing` });
    }
    return values;
  };
  const pd = numeric(columns.pd ?? 'pd');
  const lgd = numeric(columns.lgd ?? 'lgd');
  const ead = numeric(columns.ead ?? 'ead');
  const segmentName = columns.segment ?? 'segment';
  if (!frame.has(segmentName)) {
    if (columns.segment !== undefined) frame.column(segmentName);
    return { pd, lgd, ead, segment: new Int32Array(pd.length), segments: ['all'] };
  }
  const column = frame.column(segmentName);
  if (column.type === 'category') {
    for (let i = 0; i < column.codes.length; i++) {
      if ((column.codes[i] as number) < 0) throw new CredoError('E_PORTFOLIO_LOAN_INVALID', { row: i + 1, problem: `column "${segmentName}" is missing` });
    }
    return { pd, lgd, ead, segment: column.codes, segments: column.dictionary };
  }
  // numeric segment labels: each distinct value is a segment, in ascending order
  const labels = [...new Set(column.values)].sort((a, b) => a - b);
  if (labels.some(Number.isNaN))
    throw new CredoError('E_PORTFOLIO_LOAN_INVALID', { row: column.values.findIndex(Number.isNaN) + 1, problem: `column "${segmentName}" is missing` });
  const index = new Map(labels.map((v, k) => [v, k]));
  return { pd, lgd, ead, segment: Int32Array.from(column.values, (v) => index.get(v) as number), segments: labels.map(String) };
}
