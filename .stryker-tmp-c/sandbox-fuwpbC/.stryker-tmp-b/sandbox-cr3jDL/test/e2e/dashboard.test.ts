// @ts-nocheck
// 
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { populateWorld } from '../../src/cli/commands/start-world.js';
import { type RunningServer, startServer } from '../../src/server/index.js';
import { defaultWebRoot } from '../../src/server/plugins/web.js';
import { databaseOptionsFromEnv, migrate, openDatabase } from '../../src/store/index.js';
import { repoRoot } from '../repo-root.js';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const SHOTS = join(repoRoot, 'test-results');

/** The dashboard's percentage format (web/src/format.ts). */
const pct = (x: number, digits = 2) => `${(x * 100).toFixed(digits)}%`;
const parsePct = (s: string) => Number(s.replace('%', '')) / 100;
/** The dashboard's number format (web/src/format.ts `num`). */
const num = (x: number, digits = 3) => String(Number(x.toFixed(digits)));
/** Cells of a chart's table, after clicking its "Show table" button. */
const chartTable = async (scope: Page | Locator, title: string) => {
  const figure = scope.locator(`figure[data-chart^=${JSON.stringify(title)}]`).first();
  await figure.locator('[role=img]').waitFor();
  await figure.locator('button:has-text("Show table")').click();
  const rows = await figure.locator('tbody tr').allInnerTexts();
  await figure.locator('button:has-text("Show chart")').click();
  return rows.map((r) => r.split('\t'));
};

describe('dashboard end to end (Chromium over a populated PGlite world)', () => {
  let dir: string;
  let server: RunningServer;
  let key: string;
  let context: BrowserContext;
  let page: Page;
  const api = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${key}` } });
    assert.equal(res.status, 200, `${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    assert.equal(res.status, 200, `${path}: ${res.status}`);
    return (await res.json()) as T;
  };
  const axeSource = readFile(join(repoRoot, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  const checkAccessibility = async (name: string) => {
    await page.addScriptTag({ content: await axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (
        globalThis as unknown as { axe: { run: () => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }
      ).axe.run();
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}, ${v.nodes.length} nodes)`);
    });
    assert.deepEqual(violations, [], `axe on ${name}`);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  };

  before(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (apt-get install -y chromium) to run the dashboard tests`);
    if (!existsSync(join(defaultWebRoot(), 'index.html'))) throw new Error('dist/web is missing: build the dashboard first (npm run build)');
    await mkdir(SHOTS, { recursive: true });
    dir = await mkdtemp(join(tmpdir(), 'credo-e2e-'));
    const db = await openDatabase(databaseOptionsFromEnv(join(dir, 'data'), {}));
    await migrate(db);
    const world = await populateWorld(db, { rows: 3000, decisions: 60, loans: 6, seed: 42 }, new Date().toISOString().slice(0, 10), () => {});
    await db.close();
    key = world.adminKey;
    server = await startServer({ port: 0, host: '127.0.0.1', dataDir: join(dir, 'data'), env: {}, log: false, rateLimit: false });
    // bypassCSP only so axe-core can be injected as an inline script; the app itself runs under its CSP.
    context = await chromium.launchPersistentContext(join(dir, 'profile'), {
      executablePath: CHROMIUM,
      args: ARGS,
      bypassCSP: true,
      viewport: { width: 1280, height: 900 },
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('dialog', (dialog) => void (dialog.type() === 'prompt' ? dialog.accept('payment returned') : dialog.accept()));
  });

  after(async () => {
    await context?.close();
    await server?.close();
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  test('decide: submit an application, see the decision and reasons; what-if moves the PD live', async () => {
    await page.goto(`${server.url}/#key=${key}`);
    assert.equal(new URL(page.url()).hash, '', 'the key is stripped from the address');
    await page.fill('#app-bureau_score', '720');
    await page.click('button[type=submit]:has-text("Submit application")');
    const card = page.locator('section[aria-label="Decision"]');
    await card.waitFor();
    const shownPd = await card.locator('[data-field=pd]').innerText();
    const newest = (await api<{ items: { id: string }[] }>('/api/v1/applications?limit=1')).items[0]!;
    const stored = await api<{ decision: { action: string; pd: number; reasons: unknown[]; score: number } }>(`/api/v1/applications/${newest.id}`);
    assert.equal(shownPd, pct(stored.decision.pd));
    assert.equal(await card.locator('[data-field=score]').innerText(), String(stored.decision.score));
    assert.equal(await card.getAttribute('data-decision'), stored.decision.action);
    assert.equal(await card.locator('ol.reasons li').count(), stored.decision.reasons.length);
    assert.ok(stored.decision.reasons.length > 0);
    // What-if: a much lower bureau score (a monotone decreasing risk driver) must raise the PD.
    // The what-if re-decides through the preview route asynchronously: wait until it has caught up
    // with the submitted application (it fails by timing out if it never does).
    await page.locator('[data-field=whatif-pd]').waitFor();
    await page.waitForFunction(`document.querySelector('[data-field=whatif-pd]')?.textContent === ${JSON.stringify(shownPd)}`, undefined, { timeout: 15_000 });
    assert.equal(await page.locator('[data-field=whatif-pd]').innerText(), shownPd, 'the what-if starts at the decided application');
    await page.fill('#whatif-bureau_score', '480');
    await page.waitForFunction(`document.querySelector('[data-field=whatif-pd]')?.textContent !== ${JSON.stringify(shownPd)}`);
    assert.ok(parsePct(await page.locator('[data-field=whatif-pd]').innerText()) > parsePct(shownPd));
    await page.locator('figure[data-chart^="PD as"] [role=img]').waitFor();
    // the waterfall: its table ends at the margin the explain route gives for the same data and arm
    const app = await api<{ data: Record<string, unknown>; decision: { id: string; arm: string } }>(`/api/v1/applications/${newest.id}`);
    const explained = await post<{ margin: number; contributions: unknown[] }>('/api/v1/decisions/explain', { data: app.data, arm: app.decision.arm });
    const waterfall = await chartTable(page, 'Contributions to the log-odds');
    assert.equal(waterfall.at(-1)?.[3], num(explained.margin, 4));
    assert.equal(waterfall.length, Math.min(9, explained.contributions.length));
    // the decision view: the path through the policy as the path route gives it
    const path = await api<{ steps: { id: string; held: boolean; decided: boolean }[] }>(`/api/v1/decisions/${app.decision.id}/path`);
    const steps = page.locator('ol.path li');
    await steps.first().waitFor();
    assert.equal(await steps.count(), path.steps.length + (path.steps.some((x) => x.decided) ? 0 : 1));
    assert.equal(await page.locator('ol.path li.decided').count(), 1);
    await checkAccessibility('decide');
  });

  test('decide: a declined application asks what would get it approved, as the counterfactual route answers', async () => {
    await page.goto(`${server.url}/`);
    await page.fill('#app-bureau_score', '500');
    await page.click('button[type=submit]:has-text("Submit application")');
    const card = page.locator('section[aria-label="Decision"]');
    await card.waitFor();
    assert.equal(await card.getAttribute('data-decision'), 'decline');
    await card.locator('button:has-text("Find the smallest change")').click();
    const shown = card.locator('[data-counterfactual]');
    await shown.waitFor();
    const newest = (await api<{ items: { id: string }[] }>('/api/v1/applications?limit=1')).items[0]!;
    const app = await api<{ data: Record<string, unknown>; decision: { arm: string } }>(`/api/v1/applications/${newest.id}`);
    const cf = await post<{ found: boolean; changes: unknown[]; pd_after: number | null }>('/api/v1/decisions/counterfactual', {
      data: app.data,
      arm: app.decision.arm,
    });
    assert.equal(await shown.getAttribute('data-counterfactual'), cf.found ? 'found' : 'none');
    if (cf.found && cf.changes.length > 0) assert.equal(await card.locator('[data-field=cf-pd]').innerText(), pct(cf.pd_after as number));
  });

  test('loans: repay a loan and see its balance change', async () => {
    await page.goto(`${server.url}/loans`);
    const first = (await api<{ items: { id: string }[] }>('/api/v1/loans?limit=1')).items[0]!;
    const before = await api<{ outstanding_total: string }>(`/api/v1/loans/${first.id}`);
    await page.locator('button[aria-label^="Open loan"]').first().click();
    const position = page.locator('section[aria-label="Loan"] table').first();
    await position.waitFor();
    const cell = position.locator('tbody td').nth(1);
    assert.equal(await cell.innerText(), Number(before.outstanding_total).toLocaleString('en-US', { minimumFractionDigits: 2 }));
    await page.fill('#repay-amount', '1000.00');
    await page.click('button:has-text("Repay")');
    await page.locator('text=recorded').waitFor();
    const afterRepay = await api<{ outstanding_total: string }>(`/api/v1/loans/${first.id}`);
    assert.notEqual(afterRepay.outstanding_total, before.outstanding_total);
    const shown = Number(afterRepay.outstanding_total).toLocaleString('en-US', { minimumFractionDigits: 2 });
    await page.waitForFunction(`document.querySelector('section[aria-label="Loan"] table tbody td:nth-child(2)')?.textContent === ${JSON.stringify(shown)}`);
    // the history: transactions with their allocation and ledger lines as the history route gives them
    type History = { transactions: { id: string; kind: string; reversed: boolean }[]; ledger: unknown[]; dpd: unknown[] };
    const history = await api<History>(`/api/v1/loans/${first.id}/history`);
    const transactions = page.locator('section[aria-label="Loan"] table:has(caption:has-text("Transactions and their allocation")) tbody tr');
    await page.waitForFunction(`document.querySelectorAll('section[aria-label="Loan"] tr[data-transaction]').length === ${history.transactions.length}`);
    assert.equal(await transactions.count(), history.transactions.length);
    const ledger = page.locator('section[aria-label="Loan"] table:has(caption:has-text("Ledger entries")) tbody tr');
    assert.equal(await ledger.count(), history.ledger.length);
    await page.locator('figure[data-chart="Allocation of each repayment"] [role=img]').waitFor();
    // reverse the repayment just made (confirmed; the prompt gets a reason)
    const latest = history.transactions.filter((t) => t.kind === 'repayment' && !t.reversed).at(-1)!;
    await page.locator('button[aria-label^="Reverse the repayment of 1000.00"]').first().click();
    await page.locator('text=Repayment reversed.').waitFor();
    const reversed = await api<History>(`/api/v1/loans/${first.id}/history`);
    assert.equal(reversed.transactions.find((t) => t.id === latest.id)?.reversed, true);
    await page.locator('section[aria-label="Loan"] td', { hasText: 'reversed: payment returned' }).first().waitFor();
    await checkAccessibility('loans');
  });

  test('portfolio: KPI tiles and charts match the API', async () => {
    await page.goto(`${server.url}/portfolio`);
    const summary = await api<{ gross_npa_ratio: number; approval_rate: number }>('/api/v1/portfolio/summary');
    const tile = page.locator('[data-kpi="Gross NPA ratio"] .kpi-value');
    await tile.waitFor();
    assert.equal(await tile.innerText(), pct(summary.gross_npa_ratio));
    assert.equal(await page.locator('[data-kpi="Approval rate"] .kpi-value').innerText(), pct(summary.approval_rate));
    const chart = page.locator('figure[data-chart="Decisions by action"]');
    await chart.locator('[role=img]').waitFor();
    await page.locator('figure[data-chart] [role=img]').nth(3).waitFor();
    await checkAccessibility('portfolio');
    await chart.locator('button:has-text("Show table")').click();
    const rows = await chart.locator('tbody tr').allInnerTexts();
    for (const action of ['approve', 'refer', 'decline']) {
      const total = (await api<{ total: number }>(`/api/v1/applications?limit=1&action=${action}`)).total;
      assert.ok(rows.includes(`${action}\t${total}`), `${action} ${total} in ${JSON.stringify(rows)}`);
    }
    await chart.locator('button:has-text("Show chart")').click();
    // EL, RWA and RAROC tiles: the book's risk route
    const risk = await api<{ el: number; el_rate: number; rwa: number; raroc: number | null }>('/api/v1/book/risk');
    assert.equal(
      await page.locator('[data-kpi="Expected loss"] .kpi-value').innerText(),
      `${Math.round(risk.el).toLocaleString('en-US')} (${pct(risk.el_rate)})`,
    );
    assert.equal(await page.locator('[data-kpi="RWA (IRB other retail)"] .kpi-value').innerText(), Math.round(risk.rwa).toLocaleString('en-US'));
    assert.equal(await page.locator('[data-kpi="RAROC"] .kpi-value').innerText(), risk.raroc === null ? '—' : pct(risk.raroc));
    // the portfolio routes (another branch builds them): each section shows the route's data, or its error when the route answers one
    const npa = await api<{ classes: { irac_class: string; loans: number }[] }>('/api/v1/portfolio/npa');
    const classes = await chartTable(page, 'Outstanding principal by IRAC class');
    assert.deepEqual(
      classes.map((r) => [r[0], Number(r[2])]),
      npa.classes.filter((c) => c.loans > 0).map((c) => [c.irac_class, c.loans]),
    );
    for (const [route, what] of [
      ['trends', 'monthly trends'],
      ['concentration', 'the concentration'],
      ['vintages', 'the vintages'],
      ['roll-rates', 'the roll rates'],
      ['ecl', 'ECL by stage'],
      ['alerts', 'alerts'],
    ] as const) {
      const res = await fetch(`${server.url}/api/v1/portfolio/${route}`, { headers: { authorization: `Bearer ${key}` } });
      if (res.status === 200) {
        const body = (await res.json()) as {
          total: { loans: number; exposure: string; ecl: string; coverage: number };
          purpose: { hhi: number };
          alerts: unknown[];
          months: { month: string }[];
        };
        if (route === 'ecl') {
          const rows = await page.locator('table:has(caption:has-text("ECL by IFRS 9 stage")) tbody tr').allInnerTexts();
          assert.equal(
            rows.at(-1),
            `all\t${body.total.loans}\t${Number(body.total.exposure).toLocaleString('en-US', { minimumFractionDigits: 2 })}\t${Number(body.total.ecl).toLocaleString('en-US', { minimumFractionDigits: 2 })}\t${pct(body.total.coverage)}`,
          );
        } else if (route === 'concentration') await page.locator(`figure[data-chart^="Concentration by purpose: HHI ${num(body.purpose.hhi, 3)} "]`).waitFor();
        else if (route === 'alerts') assert.equal(await page.locator('li[data-alert]').count(), body.alerts.length);
        else if (route === 'trends' && body.months.length > 0) {
          const trend = await chartTable(page, 'Monthly trends');
          assert.deepEqual(
            trend.map((r) => r[0]),
            body.months.map((m) => m.month),
          );
        }
        continue;
      }
      const alert = page.locator('[role=alert]', { hasText: `Could not load ${what}` }).first();
      await alert.waitFor();
      assert.match(await alert.innerText(), new RegExp(`HTTP ${res.status} `));
    }
  });

  test('models: champion and challenger side by side; ROC, SHAP and PSI match the API', async () => {
    await page.goto(`${server.url}/models`);
    const models = await api<{ items: { id: string; status: string; kind: string; metrics: { valid: { auc: number } } }[] }>('/api/v1/models');
    const champion = models.items.find((m) => m.status === 'champion')!;
    const row = page.locator('tr', { hasText: 'champion' }).first();
    await row.waitFor();
    assert.ok((await row.innerText()).includes(String(Number(champion.metrics.valid.auc.toFixed(3)))));
    for (const m of models.items.filter((x) => x.status === 'champion' || x.status === 'challenger')) {
      const label = `${m.status} (${m.kind})`;
      const panel = page.locator(`section[data-model=${JSON.stringify(label)}]`);
      const perf = await api<{ auc: number; ks: number; roc: unknown[]; gains: unknown[] }>(`/api/v1/models/${m.id}/performance`);
      const roc = panel.locator('figure[data-chart^="ROC of the"]');
      await roc.locator('[role=img]').waitFor();
      assert.equal(
        await roc.getAttribute('data-chart'),
        `ROC of the ${label}: AUC ${num(perf.auc)}, KS ${num(perf.ks)} (validation, ${(perf as unknown as { rows: number }).rows} rows)`,
      );
      for (const title of ['KS of the', 'Cumulative gains and lift', 'Calibration of the', 'SHAP summary', 'SHAP dependence', 'Stability (CSI)'])
        await panel.locator(`figure[data-chart^=${JSON.stringify(title)}] [role=img]`).waitFor();
      const stability = await api<{ pd: { psi: number } }>(`/api/v1/models/${m.id}/stability?rows=1000`);
      assert.equal(await panel.locator('[data-field=psi]').innerText(), num(stability.pd.psi, 4));
      const shap = await api<{ importance: { feature: string; mean_abs_shap: number }[] }>(`/api/v1/models/${m.id}/shap?rows=200`);
      const table = await chartTable(panel, 'SHAP summary');
      assert.deepEqual(table[0], [shap.importance[0]!.feature, num(shap.importance[0]!.mean_abs_shap, 4)]);
      const gains = await chartTable(panel, 'Cumulative gains and lift');
      assert.equal(gains.length, perf.gains.length);
    }
    await checkAccessibility('models');
  });

  test('strategy lab: caret errors, lift and swap set match the API; promote registers and activates', async () => {
    await page.goto(`${server.url}/strategy`);
    const editor = page.locator('#policy-yaml');
    await page.waitForFunction(`document.querySelector('#policy-yaml')?.value.includes('ko_low_bureau')`);
    const yaml = await editor.inputValue();
    const broken = yaml.replace('bureau_score < 520', 'bureau_score << 520');
    await editor.fill(broken);
    const issue = page.locator('ul.issues li').first();
    await issue.waitFor();
    const check = await post<{ issues: { line: number; column: number }[] }>('/api/v1/strategy/check', { yaml: broken });
    assert.equal(await issue.getAttribute('data-issue-line'), String(check.issues[0]!.line));
    assert.match(await issue.locator('pre').innerText(), /\^$/);
    const edited = yaml.replace('pd_above: 0.15', 'pd_above: 0.05');
    await editor.fill(edited);
    await page.locator('p.ok').waitFor();
    await page.click('button:has-text("Run sequential lift")');
    const lift = await post<{ lift: { rule: string; touched: number }[] }>('/api/v1/strategy/lift', { yaml: edited });
    const liftRows = await chartTable(page, 'Sequential lift');
    assert.deepEqual(
      liftRows.map((r) => [r[0], Number(r[2])]),
      lift.lift.map((r) => [r.rule, r.touched]),
    );
    await page.selectOption('#inference', 'fuzzy');
    await page.click('button:has-text("Compare with the active policy")');
    const swap = await post<{ table: { cells: Record<string, { count: number }> } }>('/api/v1/strategy/swapset', { yaml: edited, inference: 'fuzzy' });
    const allIn = page.locator('td[data-cell=all_in]');
    await allIn.waitFor();
    for (const cell of ['all_in', 'swap_out', 'swap_in', 'all_out'])
      assert.match(await page.locator(`td[data-cell=${cell}]`).innerText(), new RegExp(`^${swap.table.cells[cell]!.count} `));
    await checkAccessibility('strategy');
    const before = (await api<{ items: { active: boolean; version: number; name: string }[] }>('/api/v1/policies')).items;
    await page.click('button:has-text("Promote")');
    await page.locator('text=is now the active policy').waitFor();
    const after = (await api<{ items: { active: boolean; version: number; name: string }[] }>('/api/v1/policies')).items;
    assert.equal(after.length, before.length + 1);
    const active = after.find((p) => p.active)!;
    assert.equal(active.version, Math.max(...before.map((p) => p.version)) + 1);
    const audit = await api<{ items: { action: string }[] }>('/api/v1/audit?limit=5');
    assert.ok(audit.items.some((e) => e.action === 'policy.register'));
  });

  test('simulate: loss figures per macro scenario and the optimised policy match the API', async () => {
    await page.goto(`${server.url}/simulate`);
    const losses = await api<{ scenarios: { scenario: string; el: number }[] }>('/api/v1/simulate/losses?scenarios=5000');
    const table = page.locator('table:has(caption:has-text("Loss figures per macro scenario")) tbody tr');
    await table.first().waitFor();
    const rows = (await table.allInnerTexts()).map((r) => r.split('\t'));
    assert.deepEqual(
      rows.map((r) => [r[0], r[1]]),
      losses.scenarios.map((x) => [x.scenario, Math.round(x.el).toLocaleString('en-US')]),
    );
    for (const s of losses.scenarios) await page.locator(`figure[data-chart^="Loss distribution, ${s.scenario}"] [role=img]`).waitFor();
    const optimum = await api<{ result: { assignment: { action: string }[] } }>('/api/v1/simulate/optimise?bad_rate_max=0.04');
    await page.locator('figure[data-chart^="Efficient frontier"] [role=img]').waitFor();
    const assignment = page.locator('table:has(caption:has-text("Optimised assignment by segment")) tbody tr');
    assert.equal(await assignment.count(), optimum.result.assignment.length);
    await checkAccessibility('simulate');
  });

  test('each page shows the error state when its API answers with a problem', async () => {
    const pages: [string, string, string][] = [
      ['/', '**/api/v1/setup', 'the decision setup'],
      ['/loans', '**/api/v1/loans?*', 'loans'],
      ['/portfolio', '**/api/v1/portfolio/summary', 'the portfolio summary'],
      ['/models', '**/api/v1/models', 'the model registry'],
      ['/strategy', '**/api/v1/policies', 'policies'],
      ['/simulate', '**/api/v1/simulate/losses*', 'the loss simulation'],
    ];
    for (const [path, glob, what] of pages) {
      const problem = {
        type: '/problems/E_TEST',
        title: 'Injected',
        status: 503,
        detail: 'injected failure',
        instance: 'e2e',
        code: 'E_TEST_INJECTED',
        errors: [],
      };
      await page.route(glob, (route) => route.fulfill({ status: 503, contentType: 'application/problem+json', body: JSON.stringify(problem) }));
      await page.goto(`${server.url}${path}`);
      const alert = page.locator('[role=alert]', { hasText: `Could not load ${what}` }).first();
      await alert.waitFor();
      assert.match(await alert.innerText(), /HTTP 503 E_TEST_INJECTED/);
      await page.unroute(glob);
    }
  });

  test('the first page is interactive in under 1 s on loopback', async () => {
    // navigation start (performance.timeOrigin) to the first moment the submit button is enabled, recorded in the page
    await context.addInitScript(`
      new MutationObserver(() => {
        const button = document.querySelector('button[type=submit]');
        if (button !== null && !button.disabled && globalThis.__interactive === undefined) globalThis.__interactive = performance.now();
      }).observe(document, { childList: true, subtree: true, attributes: true });
    `);
    const times: number[] = [];
    for (let k = 0; k < 5; k++) {
      await page.goto(`${server.url}/`);
      await page.waitForFunction('globalThis.__interactive !== undefined');
      times.push(await page.evaluate(() => (globalThis as unknown as { __interactive: number }).__interactive));
    }
    times.sort((a, b) => a - b);
    const median = times[2] as number;
    // The target is 1 s. A machine running far more work than it has cores (load per core above 4)
    // slows every step several-fold; there the test still bounds the time, and says so.
    const loadPerCore = (loadavg()[0] as number) / availableParallelism();
    const limit = loadPerCore > 4 ? 5000 : 1000;
    console.log(
      JSON.stringify({
        measure: 'first_page_interactive_ms',
        median: Math.round(median),
        runs: times.map(Math.round),
        load_per_core: Number(loadPerCore.toFixed(1)),
        limit,
      }),
    );
    assert.ok(median < limit, `median ${median} ms (load per core ${loadPerCore.toFixed(1)})`);
  });

  test('an API error shows the error state', async () => {
    await page.goto(`${server.url}/portfolio#key=credo_0000000000000000_not-a-key`);
    const alert = page.locator('[role=alert]').first();
    await alert.waitFor();
    assert.match(await alert.innerText(), /HTTP 401 E_AUTH_KEY_INVALID/);
  });
});
