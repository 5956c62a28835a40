// @ts-nocheck
import { CredoError } from '../errors/index.js';

/**
 * Splits CSV text into records of fields by RFC 4180 (comma separator, `"` quotes with `""`
 * escapes, quoted fields may hold commas and line breaks; CRLF or LF line ends; a final line
 * break optional). Blank lines are skipped. An unterminated quote is an `E_HTTP_MALFORMED_BODY`.
 */
export function csvRecords(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endRecord = () => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '')) records.push(record);
    record = [];
    field = '';
  };
  for (; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 1;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      record.push(field);
      field = '';
    } else if (c === '\n') endRecord();
    else if (c === '\r') {
      if (text[i + 1] === '\n') i += 1;
      endRecord();
    } else field += c;
  }
  if (quoted) throw new CredoError('E_HTTP_MALFORMED_BODY', { problem: 'CSV: a quoted field is not closed' });
  if (field !== '' || record.length > 0) endRecord();
  return records;
}
