// @ts-nocheck
// 
import { errorCodes } from './codes.js';

/**
 * Renders the error catalogue as Markdown (the content of docs/errors.md): one row per code with
 * its kind, title and message template. A test keeps docs/errors.md equal to this output.
 */
export function renderErrorCatalogue(): string {
  const rows = Object.entries(errorCodes).map(([code, spec]) => `| \`${code}\` | ${spec.kind} | ${spec.title} | ${spec.message.replaceAll('|', '\\|')} |`);
  return [
    '# Error catalogue',
    '',
    'Every error Credo raises carries one of these codes (`src/errors/codes.ts`). Codes are never reused or renamed.',
    "`input` errors are the caller's: the CLI exits with code 2 and prints the message only; the API answers 4xx",
    "problem+json. `internal` errors are Credo's: exit code 1 / HTTP 500. `{name}` in a message is filled from the",
    "error's details. Regenerate this page with `credo errors --markdown > docs/errors.md`.",
    '',
    'Any error may carry a `hint` in its details, printed after the message: "did you mean" for unknown commands,',
    'flags and columns (`closest` lists the names), the columns there are when none is close, or the flag that',
    'fixes it (`try --delimiter ";"`). With `--json` the CLI writes errors as one JSON object on stderr,',
    '`{"error": {"code": "E_…", "message": "…", "details": {…}}}` (internal errors as `E_INTERNAL` without details).',
    '',
    '| code | kind | title | message |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
