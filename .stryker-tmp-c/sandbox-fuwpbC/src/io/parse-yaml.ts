// @ts-nocheck
import { LineCounter, parseDocument } from 'yaml';
import { CredoError } from '../errors/index.js';

/**
 * Parses YAML (or JSON) text read from `file`. The first syntax error becomes one `E_FILE_PARSE`
 * naming the file, the line and the column once (1-based; CRLF line ends count as one break), e.g.
 * `file "m.yaml", line 3: column 1: Flow sequence … must … end with a ]`.
 */
export function parseYaml(text: string, file: string): unknown {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  const error = doc.errors[0];
  if (error !== undefined) {
    const { line, col } = lines.linePos(error.pos[0]);
    throw new CredoError('E_FILE_PARSE', { file, line, column: col, problem: `column ${col}: ${error.message.split('\n')[0]}` });
  }
  return doc.toJS();
}
