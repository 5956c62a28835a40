// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { commands } from '../../src/cli/commands/index.js';
import { runCliCaptured } from '../../src/cli/run-cli.js';
import { repoPath } from '../repo-root.js';

const dir = mkdtempSync(join(tmpdir(), 'credo-sql-cli-'));
const newPolicy = repoPath('examples', 'strategies', 'new-policy.yaml');
const oldPolicy = repoPath('examples', 'strategies', 'old-policy.yaml');
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();

async function credo(...argv: string[]): Promise<string> {
  const r = await runCliCaptured(commands, argv, dir);
  assert.equal(r.code, 0, `credo ${argv.join(' ')}: ${r.err}`);
  return r.out;
}

async function rowsOf(sql: string): Promise<Record<string, unknown>[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

before(async () => {
  await credo('data', 'synth', '--rows', '800', '--seed', '3', '--out', 'world.csv', '--performance', 'perf.csv');
  await credo(
    'train',
    '--data',
    'world.csv',
    '--target',
    'bad',
    '--features',
    'segment,bureau_score,dti,monthly_income,inquiries_6m,delinq_30d_12m',
    '--trees',
    '30',
    '--out',
    'pd.json',
  );
  // DuckDB reads the same CSVs (empty field = NULL), as a warehouse table would hold them.
  await connection.run(`CREATE TABLE applications AS SELECT * FROM read_csv('${join(dir, 'world.csv')}', header = true)`);
  await connection.run(`CREATE TABLE performance AS SELECT * FROM read_csv('${join(dir, 'perf.csv')}', header = true)`);
});
after(() => {
  connection.closeSync();
  instance.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

test('credo sql model: the SQL run on DuckDB gives the pd and score of credo score', async () => {
  await credo('sql', 'model', '--model', 'pd.json', '--dialect', 'duckdb', '--keys', 'application_id', '--out', 'score.sql');
  await credo('score', '--model', 'pd.json', '--data', 'world.csv', '--keys', 'application_id', '--out', 'scored.csv', '--json');
  const expected = await rowsOf(`SELECT * FROM read_csv('${join(dir, 'scored.csv')}', header = true, types = {'pd': 'DOUBLE'}) ORDER BY application_id`);
  const sql = readFileSync(join(dir, 'score.sql'), 'utf8');
  const got = await rowsOf(`SELECT * FROM (${sql.replace(/;\s*$/, '').replace(/^--.*\n/gm, '')}) ORDER BY application_id`);
  assert.equal(got.length, 800);
  got.forEach((r, i) => {
    assert.equal(r.application_id, expected[i]?.application_id);
    assert.ok(Math.abs(Number(r.pd) - Number(expected[i]?.pd)) <= 1e-9, `row ${i}: ${r.pd} vs ${expected[i]?.pd}`);
    assert.equal(Number(r.score), Number(expected[i]?.score));
  });
  const json = JSON.parse(await credo('sql', 'model', '--model', 'pd.json', '--dialect', 'postgres', '--json'));
  assert.equal(json.dialect, 'postgres');
  assert.deepEqual(json.columns, ['pd', 'score']);
  assert.match(json.statements[0], /^WITH credo_input AS MATERIALIZED/);
});

test('credo sql lift and credo sql swapset on DuckDB give the tables of credo rules lift and credo swapset', async () => {
  const liftSql = await credo('sql', 'lift', '--rules', newPolicy, '--target', 'bad', '--amount', 'requested_amount', '--dialect', 'duckdb');
  const lift = await rowsOf(liftSql.replace(/^--.*\n/gm, '').replace(/;\s*$/, ''));
  const cli = JSON.parse(
    await credo('rules', 'lift', '--data', 'world.csv', '--rules', newPolicy, '--target', 'bad', '--amount', 'requested_amount', '--json'),
  );
  const table = cli.segments.ALL as { rule: string; touched: number; hit_rates: Record<string, number | null>; lift: number | null }[];
  assert.equal(lift.length, table.length);
  lift.forEach((r, i) => {
    assert.equal(r.rule, table[i]?.rule);
    assert.equal(Number(r.touched), table[i]?.touched);
    for (const name of ['bad', 'bad_amount']) {
      const e = table[i]?.hit_rates[name] ?? null;
      if (e === null) assert.equal(r[`hit_rate_${name}`], null);
      else assert.ok(Math.abs(Number(r[`hit_rate_${name}`]) - e) < 1e-12, `${r.rule} ${name}`);
    }
  });
  const swapSql = await credo('sql', 'swapset', '--old', oldPolicy, '--new', newPolicy, '--amount', 'requested_amount', '--dialect', 'duckdb');
  const swap = await rowsOf(swapSql.replace(/^--.*\n/gm, '').replace(/;\s*$/, ''));
  const cliSwap = JSON.parse(await credo('swapset', '--data', 'world.csv', '--old', oldPolicy, '--new', newPolicy, '--amount', 'requested_amount', '--json'));
  for (const r of swap) {
    const all = cliSwap.segments.ALL;
    const e = r.cell === 'old_approved' ? all.old_approved : r.cell === 'new_approved' ? all.new_approved : all.cells[r.cell as string];
    assert.equal(Number(r.count), e.count, String(r.cell));
    assert.ok(e.bad_rate === null ? r.bad_rate === null : Math.abs(Number(r.bad_rate) - e.bad_rate) < 1e-12, String(r.cell));
  }
});

test('credo sql vintage and roll-rates on DuckDB give the curves and matrix of credo portfolio vintage / roll-rates', async () => {
  const vintage = await rowsOf((await credo('sql', 'vintage', '--table', 'performance')).replace(/^--.*\n/gm, '').replace(/;\s*$/, ''));
  const cli = JSON.parse(await credo('portfolio', 'vintage', '--performance', 'perf.csv', '--json'));
  assert.ok(vintage.length > 0);
  const text = JSON.stringify(cli);
  // Every SQL count rate appears in the CLI's curves at its vintage and MOB.
  for (const r of vintage.slice(0, 40)) {
    const v = (cli.vintages as { vintage: string; count_rate: (number | null)[] }[]).find((x) => x.vintage === r.vintage);
    assert.ok(v !== undefined, `${r.vintage} in ${text.slice(0, 200)}`);
    assert.ok(Math.abs((v.count_rate[Number(r.mob) - 1] ?? Number.NaN) - Number(r.count_rate)) < 1e-12, `${r.vintage} mob ${r.mob}`);
  }
  const roll = await rowsOf((await credo('sql', 'roll-rates', '--table', 'performance', '--dialect', 'duckdb')).replace(/^--.*\n/gm, '').replace(/;\s*$/, ''));
  const cliRoll = JSON.parse(await credo('portfolio', 'roll-rates', '--performance', 'perf.csv', '--json'));
  assert.equal(
    roll.reduce((s, r) => s + Number(r.transitions), 0),
    cliRoll.transitions,
  );
});

test('--format dbt writes a model file and schema.yml; rendered, the model runs', async () => {
  const out = JSON.parse(
    await credo(
      'sql',
      'model',
      '--model',
      'pd.json',
      '--dialect',
      'duckdb',
      '--keys',
      'application_id',
      '--format',
      'dbt',
      '--out',
      'models/credo_pd.sql',
      '--json',
    ),
  );
  assert.deepEqual(out.files, ['models/credo_pd.sql', 'models/schema.yml']);
  const model = readFileSync(join(dir, 'models', 'credo_pd.sql'), 'utf8');
  assert.match(model, /^\{\{ config\(materialized='table'\) \}\}/);
  assert.match(model, /\{\{ ref\('applications'\) \}\}/);
  const yml = readFileSync(join(dir, 'models', 'schema.yml'), 'utf8');
  assert.match(yml, /- name: "credo_pd"/);
  assert.match(yml, /- name: "pd"\n\s+description: .*\n\s+data_tests:\n\s+- not_null/);
  // What dbt's Jinja renders: raw blocks unwrapped, ref() replaced by the table.
  const rendered = model
    .replace(/^\{\{ config\(.*\) \}\}\n/, '')
    .replaceAll('{% raw %}', '')
    .replaceAll('{% endraw %}', '')
    .replace("{{ ref('applications') }}", 'applications');
  assert.equal((await rowsOf(rendered)).length, 800);
});

test('credo score --engine duckdb streams the compiled model through COPY with a memory limit; same pd and score as in-process', async () => {
  await connection.run(`COPY applications TO '${join(dir, 'world.parquet')}' (FORMAT parquet)`);
  const json = JSON.parse(
    await credo(
      'score',
      '--model',
      'pd.json',
      '--data',
      'world.parquet',
      '--out',
      'scored-duckdb.parquet',
      '--engine',
      'duckdb',
      '--memory-limit',
      '200MB',
      '--threads',
      '2',
      '--temp-directory',
      'spill',
      '--json',
    ),
  );
  assert.equal(json.rows, 800);
  assert.deepEqual(json.keys, ['application_id']);
  await credo('score', '--model', 'pd.json', '--data', 'world.parquet', '--out', 'scored-node.parquet');
  const rows = await rowsOf(
    `SELECT a.application_id, a.pd AS a_pd, b.pd AS b_pd, a.score AS a_score, b.score AS b_score FROM read_parquet('${join(dir, 'scored-duckdb.parquet')}') a JOIN read_parquet('${join(dir, 'scored-node.parquet')}') b USING (application_id)`,
  );
  assert.equal(rows.length, 800);
  for (const r of rows) {
    assert.ok(Math.abs(Number(r.a_pd) - Number(r.b_pd)) <= 1e-9, String(r.application_id));
    assert.equal(Number(r.a_score), Number(r.b_score));
  }
  const bad = await runCliCaptured(
    commands,
    ['score', '--model', 'pd.json', '--data', 'world.parquet', '--out', 'x.parquet', '--engine', 'duckdb', '--reasons', '2'],
    dir,
  );
  assert.equal(bad.code, 2);
  assert.match(bad.err, /--reasons/);
});

test('credo sql model --reasons on a scorecard: the SQL on DuckDB gives the reason codes and texts of credo score --reasons', async () => {
  const features = 'segment,bureau_score,dti,monthly_income,inquiries_6m,delinq_30d_12m';
  await credo('train', '--data', 'world.csv', '--target', 'bad', '--features', features, '--model', 'scorecard', '--out', 'card.json');
  await credo('sql', 'model', '--model', 'card.json', '--dialect', 'duckdb', '--keys', 'application_id', '--reasons', '2', '--out', 'card.sql');
  await credo('score', '--model', 'card.json', '--data', 'world.csv', '--keys', 'application_id', '--reasons', '2', '--out', 'card-scored.csv');
  const expected = await rowsOf(`SELECT * FROM read_csv('${join(dir, 'card-scored.csv')}', header = true, all_varchar = true) ORDER BY application_id`);
  const sql = readFileSync(join(dir, 'card.sql'), 'utf8');
  const got = await rowsOf(`SELECT * FROM (${sql.replace(/;\s*$/, '').replace(/^--.*\n/gm, '')}) ORDER BY application_id`);
  assert.equal(got.length, 800);
  const columns = ['reason_1', 'reason_2', 'reason_3', 'reason_text_1', 'reason_text_2', 'reason_text_3'];
  let filled = 0;
  got.forEach((r, i) => {
    assert.equal(Number(r.score), Number(expected[i]?.score), `row ${i}: score`);
    for (const c of columns) {
      assert.equal(r[c] ?? null, expected[i]?.[c] ?? null, `row ${i}: ${c}`);
      if (r[c] !== null) filled++;
    }
  });
  assert.ok(filled > 800, `${filled} reasons filled`);
});

test('credo sql model refuses --reasons for a tree model with a message saying why, and a bad dialect names the flag', async () => {
  const reasons = await runCliCaptured(commands, ['sql', 'model', '--model', 'pd.json', '--reasons', '4'], dir);
  assert.equal(reasons.code, 2);
  assert.match(reasons.err, /--reasons: reason codes of a gbdt model are not compiled to SQL/);
  const dialect = await runCliCaptured(commands, ['sql', 'model', '--model', 'pd.json', '--dialect', 'oracle'], dir);
  assert.equal(dialect.code, 2);
  assert.match(dialect.err, /--dialect: must be one of duckdb, postgres, spark, trino, bigquery, snowflake/);
});
