// @ts-nocheck
// 
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';

/** Largest header we scan before giving up (bytes of decompressed text). */
const MAX_HEADER_BYTES = 1 << 20;

/**
 * Reads the header record of a CSV file (plain or `.gz`) and splits it into field names by
 * RFC 4180 rules (comma separator unless `delimiter` says otherwise, `"` quotes, `""` escapes; a quoted name may span lines).
 * Returns null for an empty file.
 */
export async function readCsvHeader(path: string, delimiter = ','): Promise<string[] | null> {
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = path.toLowerCase().endsWith('.gz') ? raw.pipe(createGunzip()) : raw;
  let text = '';
  try {
    for await (const piece of stream) {
      text += (piece as Buffer).toString('utf8');
      const end = headerEnd(text);
      if (end >= 0) return splitCsvRecord(text.slice(0, end), delimiter);
      if (text.length > MAX_HEADER_BYTES) break;
    }
  } finally {
    raw.destroy();
  }
  return text === '' ? null : splitCsvRecord(text, delimiter);
}

/** Index of the line break ending the first record (outside quotes), or -1. */
function headerEnd(text: string): number {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) return i;
  }
  return -1;
}

/** Splits one CSV record (without its line break) into fields at `delimiter` (one character), unquoting them. */
export function splitCsvRecord(record: string, delimiter = ','): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const c = record[i] as string;
    if (quoted) {
      if (c === '"') {
        if (record[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = '';
    } else field += c;
  }
  fields.push(field);
  // A UTF-8 byte-order mark is not part of the first name.
  if (fields[0]?.charCodeAt(0) === 0xfeff) fields[0] = (fields[0] as string).slice(1);
  return fields;
}
