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
    '| code | kind | title | message |',
    '| --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}
