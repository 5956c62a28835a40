// @ts-nocheck
import { CredoError } from '../errors/index.js';

/** A dbt model: the model file (`<name>.sql`) and its `schema.yml`. */
export interface DbtModel {
  readonly sql: string;
  readonly schemaYml: string;
}

/** Placeholder the compilers put in the FROM clause; replaced by the dbt source reference. */
export const DBT_SOURCE_TOKEN = '__credo_dbt_source__';

/** A column of a dbt model with its description and data tests (dbt's built-in `not_null` / `unique`). */
export interface DbtColumn {
  readonly name: string;
  readonly description: string;
  readonly tests: readonly ('not_null' | 'unique')[];
}

/**
 * Wraps compiled SQL as a dbt model (https://docs.getdbt.com/docs/build/sql-models): a config
 * line, the input as `{{ ref('<source>') }}`, and the SQL itself inside `{% raw %}` blocks so
 * labels holding `{{` or `{%` reach the warehouse as written. `sql` must contain
 * `DBT_SOURCE_TOKEN` where the input table goes. `schema.yml` lists the columns and their tests.
 */
export function dbtModel(name: string, source: string, sql: string, description: string, columns: readonly DbtColumn[]): DbtModel {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
    throw new CredoError('E_INPUT_ARGUMENT_INVALID', { argument: 'dbt model name', problem: `"${name}" must be letters, digits and _` });
  if (/\{%-?\s*endraw/.test(sql))
    throw new CredoError('E_INPUT_ARGUMENT_INVALID', { argument: 'model', problem: 'the SQL contains "{% endraw", which dbt cannot quote' });
  const parts = sql.split(DBT_SOURCE_TOKEN);
  const jinjaSource = `'${source.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  const body = parts.map((p) => (p === '' ? '' : `{% raw %}${p}{% endraw %}`)).join(`{{ ref(${jinjaSource}) }}`);
  const model = `{{ config(materialized='table') }}\n${body}\n`;
  // JSON strings are valid YAML double-quoted scalars.
  const q = JSON.stringify;
  const lines = ['version: 2', 'models:', `  - name: ${q(name)}`, `    description: ${q(description)}`, '    columns:'];
  for (const c of columns) {
    lines.push(`      - name: ${q(c.name)}`, `        description: ${q(c.description)}`);
    if (c.tests.length > 0) lines.push('        data_tests:', ...c.tests.map((t) => `          - ${t}`));
  }
  return { sql: model, schemaYml: `${lines.join('\n')}\n` };
}
