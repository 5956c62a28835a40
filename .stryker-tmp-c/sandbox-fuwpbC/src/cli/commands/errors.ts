// @ts-nocheck
import { errorCodes, renderErrorCatalogue } from '../../errors/index.js';
import { defineCommand } from '../command.js';
import { formatTable, printResult } from '../output.js';

/** `credo errors`: the error catalogue, as a table, JSON or the Markdown of docs/errors.md. */
export const errorsCommand = defineCommand({
  name: 'errors',
  summary: 'List every error code Credo can raise',
  flags: {
    markdown: { type: 'boolean', description: 'print the Markdown page docs/errors.md' },
  },
  run(args, _positionals, context) {
    if (args.markdown) {
      context.stdout(renderErrorCatalogue());
      return 0;
    }
    const codes = Object.entries(errorCodes).map(([code, spec]) => ({ code, ...spec }));
    printResult(context, { codes }, () =>
      formatTable(
        ['code', 'kind', 'title'],
        codes.map((c) => [c.code, c.kind, c.title]),
      ),
    );
    return 0;
  },
});
