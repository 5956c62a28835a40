// @ts-nocheck
// 
import { open } from 'node:fs/promises';
import { CredoError } from '../errors/index.js';
import type { Frame } from '../frame/index.js';
import { lastWritten, writeNumber } from './write-number.js';

/** Bytes buffered before each write to disk. */
const BUFFER_BYTES = 1 << 24;

/** Room kept free for one number (`writeNumber` needs at most 25 bytes) and a separator. */
const NUMBER_ROOM = 32;

/**
 * Writes a frame as RFC 4180 CSV text to `path` (not atomic: see `writeFrame`). Header row of
 * column names; numbers in shortest round-trip form (as `String(n)`: integers without `.0`);
 * missing values as empty fields (as `""` when the frame has a single column, so no row is blank);
 * labels quoted only when they hold a comma, quote, line break or edge space. Rows are encoded
 * straight into a byte buffer (no per-row strings). Same frame → same bytes.
 */
export async function writeCsvFile(frame: Frame, path: string): Promise<void> {
  if (frame.columns.length === 0) throw new CredoError('E_FILE_WRITE', { file: path, problem: 'a frame without columns cannot be written as CSV' });
  const missing = frame.columns.length === 1 ? Buffer.from('""') : Buffer.alloc(0);
  const labels = frame.columns.map((c) => (c.type === 'category' ? c.dictionary.map((label) => Buffer.from(quoteCsvField(label))) : []));
  const handle = await open(path, 'w');
  try {
    await handle.write(`${frame.names.map(quoteCsvField).join(',')}\n`);
    const out = Buffer.allocUnsafe(BUFFER_BYTES);
    let pos = 0;
    const last = frame.columns.length - 1;
    // Type dispatch once per column: a value array or a code array per position.
    const values = frame.columns.map((c) => (c.type === 'number' ? c.values : null));
    const codes = frame.columns.map((c) => (c.type === 'category' ? c.codes : new Int32Array(0)));
    // Decimals of the previous value per column: consecutive values usually share them.
    const hints = new Uint8Array(frame.columns.length);
    for (let i = 0; i < frame.rowCount; i++) {
      for (let j = 0; j <= last; j++) {
        const numbers = values[j];
        let bytes: Buffer;
        if (numbers !== null && numbers !== undefined) {
          const v = numbers[i] as number;
          if (!Number.isNaN(v)) {
            if (pos + NUMBER_ROOM > BUFFER_BYTES) {
              await handle.write(out, 0, pos);
              pos = 0;
            }
            pos = writeNumber(out, pos, v, hints[j] as number);
            hints[j] = lastWritten.decimals;
            out[pos++] = j === last ? 10 : 44;
            continue;
          }
          bytes = missing;
        } else {
          const code = codes[j]![i] as number;
          bytes = code < 0 ? missing : (labels[j]![code] as Buffer);
        }
        if (pos + bytes.length + 1 > BUFFER_BYTES) {
          await handle.write(out, 0, pos);
          pos = 0;
          // A label longer than the whole buffer goes out on its own.
          if (bytes.length + 1 > BUFFER_BYTES) {
            await handle.write(bytes);
            bytes = Buffer.alloc(0);
          }
        }
        pos += bytes.copy(out, pos);
        out[pos++] = j === last ? 10 : 44;
      }
    }
    if (pos > 0) await handle.write(out, 0, pos);
  } finally {
    await handle.close();
  }
}

/** Quotes a CSV field when RFC 4180 requires it (comma, quote, CR/LF) or edge spaces would be ambiguous. */
export function quoteCsvField(text: string): string {
  if (/[",\r\n]|^\s|\s$/.test(text) || text === '') return `"${text.replaceAll('"', '""')}"`;
  return text;
}
