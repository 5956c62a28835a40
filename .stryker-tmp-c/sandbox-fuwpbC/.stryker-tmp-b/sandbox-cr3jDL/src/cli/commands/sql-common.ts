// @ts-nocheck
// 
import { mkdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { CredoError } from '../../errors/index.js';
import { DBT_SOURCE_TOKEN, type DbtColumn, type DialectName, dbtModel, dialectNames } from '../../sql/index.js';
import type { CommandContext } from '../command.js';
import { formatTable, printResult } from '../output.js';

/** Flags every `credo sql …` command shares. */
export const sqlFlags = {
  dialect: { type: 'enum', choices: dialectNames, default: 'duckdb', description: 'SQL dialect: duckdb, postgres, spark, trino, bigquery or snowflake' },
  table: { type: 'string', default: 'applications', description: 'input table (qualified names as db.schema.table)' },
  out: { type: 'string', description: 'write the SQL to this file (default: standard output)' },
  format: { type: 'enum', choices: ['sql', 'dbt'], default: 'sql', description: 'sql, or dbt: a dbt model file (--out NAME.sql) plus schema.yml beside it' },
} as const;

/** The FROM clause: the quoted table, or the dbt placeholder. */
export function sourceOptions(format: 'sql' | 'dbt'): { fromSql?: string } {
  return format === 'dbt' ? { fromSql: DBT_SOURCE_TOKEN } : {};
}

/** What a `credo sql …` command produced. */
export interface SqlOutput {
  readonly kind: string;
  readonly dialect: DialectName;
  /** Statements to run in order (the last is the SELECT). */
  readonly statements: readonly string[];
  /** The whole script as written. */
  readonly text: string;
  readonly columns: readonly DbtColumn[];
  readonly description: string;
  readonly notes?: readonly string[];
}

/**
 * Writes the SQL (stdout, `--out`, or with `--format dbt` a dbt model plus `schema.yml`), and with
 * `--json` prints one object with the statements. Returns the exit code.
 */
export async function emitSql(context: CommandContext, args: { out?: string; format: 'sql' | 'dbt'; table: string }, output: SqlOutput): Promise<number> {
  const files: string[] = [];
  if (args.format === 'dbt') {
    if (args.out === undefined) throw new CredoError('E_INPUT_FLAG_MISSING', { flag: 'out' });
    if (output.statements.length !== 1) {
      throw new CredoError('E_INPUT_FLAG_INVALID', {
        flag: 'format',
        problem: 'the SQL is over the dialect size budget and needs views; dbt needs one SELECT',
        value: 'dbt',
      });
    }
    const path = resolve(context.cwd, args.out);
    const name = basename(path, extname(path));
    const model = dbtModel(name, args.table, output.statements[0] as string, output.description, output.columns);
    const schemaPath = join(dirname(path), 'schema.yml');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, model.sql);
    await writeFile(schemaPath, model.schemaYml);
    files.push(args.out, join(dirname(args.out), 'schema.yml'));
  } else if (args.out !== undefined) {
    await mkdir(dirname(resolve(context.cwd, args.out)), { recursive: true });
    await writeFile(resolve(context.cwd, args.out), output.text);
    files.push(args.out);
  }
  const result = {
    kind: output.kind,
    dialect: output.dialect,
    columns: output.columns.map((c) => c.name),
    files,
    notes: output.notes ?? [],
    statements: output.statements,
  };
  if (files.length === 0 && !context.json) {
    context.stdout(output.text);
    return 0;
  }
  printResult(context, result, () =>
    formatTable(['dialect', 'columns', 'statements', 'files'], [[output.dialect, result.columns.join(', '), output.statements.length, files.join(', ')]], {
      title: `${output.kind} compiled to SQL${(output.notes ?? []).map((n) => `\n${n}`).join('')}`,
    }),
  );
  return 0;
}
