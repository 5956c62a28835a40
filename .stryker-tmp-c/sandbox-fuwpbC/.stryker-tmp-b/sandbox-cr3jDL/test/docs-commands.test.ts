// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { commands } from '../src/cli/commands/index.js';
import { runCliCaptured } from '../src/cli/run-cli.js';
import { repoPath } from './repo-root.js';

/**
 * The README tour as a test: every command written in a fenced block of README.md and docs/*.md
 * (a `$ ` line in any block; a line starting with `credo ` or `npm ` in an sh/bash/shell/console
 * block without `$ ` lines; `\` continuations joined, `# comments` dropped) is run in document order
 * through the CLI, in one temporary folder shared by all documents, and must exit 0 — or 2 when the
 * document shows an error after it (`credo: error: …` or a JSON error). Documents added later are picked up by the glob.
 *
 * Small data, by these substitutions (docs/testing.md): `--rows N` → at most 3000, `--scenarios N`
 * → at most 400, `--trees N` → at most 20, `--folds N` → 2, `--budget Ns` → 3s, a bare `credo demo`
 * gets `--rows 3000`, `/tmp/` in a path → the temporary folder. The folder starts with links to
 * examples/, data/ and test/, and the files documents use without making them (PRELUDE).
 * A command that cannot run here must match an EXEMPTIONS entry, whose reason says why; an entry
 * that matches nothing fails the test (unless marked `optional`, for commands expected in documents
 * being written, such as a server).
 */

interface DocCommand {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  /** The document shows an error message right after the command. */
  readonly expectError: boolean;
}

interface Exemption {
  readonly pattern: RegExp;
  readonly reason: string;
  /** May match no command today. */
  readonly optional?: boolean;
}

const EXEMPTIONS: readonly Exemption[] = [
  { pattern: /^npm (install|start|test)\b/, reason: 'npm itself: installing and the whole suite (npm start is `credo demo`, run here from docs/data.md)' },
  { pattern: /^head /, reason: 'shows the first lines of a file the command before wrote (that command is run)' },
  { pattern: /^CREDO_DIST=\S+ bash bench\//, reason: 'a benchmark with a Python peer (npm run bench), not part of the suite' },
  { pattern: /--model tampered\.json/, reason: 'needs a hand-edited model file; E_MODEL_TAMPERED is tested in src/io (model-file tests)' },
  { pattern: /^credo (serve|server)\b/, reason: 'starts a server that does not return', optional: true },
  { pattern: /^(curl|psql|docker) /, reason: 'talks to a running server or database', optional: true },
  { pattern: /^node --input-type=module -e /, reason: 'runs the generated SQL on DuckDB; SQL/in-process parity is tested in test/sql' },
  {
    pattern: /--data big\.parquet/,
    reason: 'out-of-core scoring of a file larger than memory (bench/warehouse.bench.sh); --engine duckdb is tested on small files',
  },
  {
    pattern: /^credo users add --role admin --name Ada$/,
    reason: 'shows the lock error while a server holds the data directory; tested in test/store (data-dir lock)',
  },
  { pattern: /--data semi\.csv/, reason: 'a semicolon-separated file; --delimiter is tested in the CLI error tests' },
];

/** Files the documents use without making them, made first (small versions). */
const PRELUDE: readonly string[][] = [
  ['data', 'synth', '--rows', '3000', '--seed', '42', '--out', 'world.csv', '--performance', 'performance.csv'],
  ['data', 'synth', '--rows', '2000', '--seed', '43', '--out', 'world-2.csv'],
  ['data', 'load', 'german', '--out', 'german.csv'],
  ['data', 'load', 'hmeq', '--out', 'hmeq.csv'],
  // docs/explain.md: "hmeq-pd.json: credo train --data data/hmeq.csv --target BAD --categorical REASON,JOB --trees 60 --leaves 15".
  ['train', '--data', 'data/hmeq.csv', '--target', 'BAD', '--categorical', 'REASON,JOB', '--trees', '20', '--leaves', '15', '--out', 'hmeq-pd.json'],
  // docs/models.md evaluates scorecard.json (its metrics section) before the scorecard section trains it.
  [
    'train',
    '--model',
    'scorecard',
    '--data',
    'german.csv',
    '--target',
    'bad',
    '--exclude',
    'personal_status_and_sex,age_in_years,foreign_worker',
    '--out',
    'scorecard.json',
  ],
];

/** Commands of one Markdown document, in order. */
export function extractCommands(markdown: string, file: string): DocCommand[] {
  const lines = markdown.split('\n');
  const out: DocCommand[] = [];
  let k = 0;
  while (k < lines.length) {
    const open = /^```(\w*)\s*$/.exec(lines[k]!);
    if (open === null) {
      k++;
      continue;
    }
    const lang = open[1]!;
    const start = k + 1;
    let end = start;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    const body = lines.slice(start, end);
    const prompted = body.some((l) => l.startsWith('$ '));
    const shell = ['sh', 'bash', 'shell', 'console'].includes(lang);
    for (let j = 0; j < body.length; j++) {
      const raw = body[j]!;
      const isCommand = prompted ? raw.startsWith('$ ') : shell && /^(credo|npm) /.test(raw);
      if (!isCommand) continue;
      const line = start + j + 1;
      let text = prompted ? raw.slice(2) : raw;
      while (text.trimEnd().endsWith('\\') && j + 1 < body.length) text = `${text.trimEnd().slice(0, -1).trimEnd()} ${body[++j]!.trim()}`;
      const next = body[j + 1] ?? '';
      out.push({ file, line, text: stripComment(text).trim(), expectError: /^credo: (error|internal error)|^\{"error"/.test(next) });
    }
    k = end + 1;
  }
  return out;
}

/** Drops a trailing shell comment (` # …`) outside quotes. */
function stripComment(text: string): string {
  let quote = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '#' && (i === 0 || text[i - 1] === ' ')) return text.slice(0, i);
  }
  return text;
}

/** Shell words of a command line (single and double quotes, no expansion). */
export function shellWords(text: string): string[] {
  const words: string[] = [];
  let word = '';
  let quote = '';
  let inWord = false;
  for (const c of text) {
    if (quote !== '') {
      if (c === quote) quote = '';
      else word += c;
    } else if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === ' ' || c === '\t') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (inWord) words.push(word);
  return words;
}

const CAPS: Readonly<Record<string, (value: string) => string>> = {
  '--rows': (v) => String(Math.min(Number(v), 3000)),
  '--scenarios': (v) => String(Math.min(Number(v), 400)),
  '--trees': (v) => String(Math.min(Number(v), 20)),
  '--folds': () => '2',
  // Only a time budget (`tune --budget 60s`), not a money one (`simulate --budget 40000`).
  '--budget': (v) => (/^\d+(\.\d+)?s$/.test(v) ? '3s' : v),
};

/** The CLI arguments run for a documented command (after `credo`), with the small-data substitutions. */
export function smallArgs(text: string): string[] {
  const words = shellWords(text).slice(1);
  const args = words.map((w, i) => {
    const cap = i > 0 ? CAPS[words[i - 1]!] : undefined;
    const value = cap === undefined ? w : cap(w);
    return value.startsWith('/tmp/') ? value.slice('/tmp/'.length) : value;
  });
  if (args[0] === 'demo' && !args.includes('--rows')) args.push('--rows', '3000');
  return args;
}

test('the extractor: prompts, sh blocks, continuations, comments, quotes, expected errors, substitutions', () => {
  const md = [
    '```sh',
    'credo data synth --rows 100000 --seed 42 \\',
    '  --out world.csv   # a comment',
    'npm test',
    'output line',
    '```',
    '```',
    '$ credo rules lift --data /tmp/world.csv --rules "a b.yaml"',
    'credo: error: bad rule',
    '$ head -2 x.csv',
    '```',
    '```text',
    'credo not a command without a prompt in a text block',
    '```',
  ].join('\n');
  const found = extractCommands(md, 'x.md');
  assert.deepEqual(
    found.map((c) => [c.line, c.text, c.expectError]),
    [
      [2, 'credo data synth --rows 100000 --seed 42 --out world.csv', false],
      [4, 'npm test', false],
      [8, 'credo rules lift --data /tmp/world.csv --rules "a b.yaml"', true],
      [10, 'head -2 x.csv', false],
    ],
  );
  assert.deepEqual(smallArgs(found[0]!.text), ['data', 'synth', '--rows', '3000', '--seed', '42', '--out', 'world.csv']);
  assert.deepEqual(smallArgs(found[2]!.text), ['rules', 'lift', '--data', 'world.csv', '--rules', 'a b.yaml']);
  assert.deepEqual(smallArgs('credo demo'), ['demo', '--rows', '3000']);
});

const documents = [
  'README.md',
  ...readdirSync(repoPath('docs'))
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => `docs/${f}`),
];
const all = documents.flatMap((file) => extractCommands(readFileSync(repoPath(file), 'utf8'), file));

const dir = mkdtempSync(join(tmpdir(), 'credo-docs-'));
after(() => rmSync(dir, { recursive: true, force: true }));
for (const link of ['examples', 'data', 'test']) symlinkSync(repoPath(link), join(dir, link));
copyFileSync(repoPath('test', 'fixtures', 'portfolio', 'loans-500.csv'), join(dir, 'loans.csv'));

test('every documented command is run or explicitly exempted, and every exemption is used', () => {
  assert.ok(all.length > 50, `only ${all.length} commands found`);
  const unexplained = all.filter((c) => !c.text.startsWith('credo ') && !EXEMPTIONS.some((e) => e.pattern.test(c.text)));
  assert.deepEqual(
    unexplained.map((c) => `${c.file}:${c.line}: ${c.text}`),
    [],
  );
  for (const e of EXEMPTIONS)
    if (!e.optional)
      assert.ok(
        all.some((c) => e.pattern.test(c.text)),
        `exemption ${e.pattern} matches no command`,
      );
});

test('the prelude makes the small data the documents use', async () => {
  for (const argv of PRELUDE) {
    const r = await runCliCaptured(commands, argv, dir);
    assert.equal(r.code, 0, `${argv.join(' ')}: ${r.err}`);
  }
});

const ran = new Set<string>();
for (const file of documents) {
  const runnable = all.filter((c) => c.file === file && c.text.startsWith('credo ') && !EXEMPTIONS.some((e) => e.pattern.test(c.text)));
  if (runnable.length === 0) continue;
  test(`${file}: its ${runnable.length} credo commands run on small data`, async () => {
    const failures: string[] = [];
    for (const c of runnable) {
      const args = smallArgs(c.text);
      // The same command documented twice (README and a docs page) runs once.
      const key = args.join('\u0000');
      if (ran.has(key)) continue;
      ran.add(key);
      const r = await runCliCaptured(commands, args, dir);
      const expected = c.expectError ? 2 : 0;
      if (r.code !== expected)
        failures.push(`${c.file}:${c.line}: credo ${args.join(' ')} → exit ${r.code} (expected ${expected}): ${r.err.trim().split('\n')[0]}`);
      else if (expected === 0 && args.includes('--json')) {
        try {
          JSON.parse(r.out);
        } catch {
          failures.push(`${c.file}:${c.line}: --json output is not one JSON object`);
        }
      }
    }
    assert.deepEqual(failures, []);
  });
}
