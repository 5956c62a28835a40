import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
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
    page.on('dialog', (dialog) => void dialog.accept());
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
    await checkAccessibility('decide');
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
  });

  test('models: registry metrics and charts match the API', async () => {
    await page.goto(`${server.url}/models`);
    const models = await api<{ items: { status: string; metrics: { valid: { auc: number } } }[] }>('/api/v1/models');
    const champion = models.items.find((m) => m.status === 'champion')!;
    const row = page.locator('tr', { hasText: 'champion' }).first();
    await row.waitFor();
    assert.ok((await row.innerText()).includes(String(Number(champion.metrics.valid.auc.toFixed(3)))));
    await page.locator('figure[data-chart^="Cumulative gains"] [role=img]').waitFor();
    await page.locator('figure[data-chart^="Calibration"] [role=img]').waitFor();
    await checkAccessibility('models');
  });

  test('strategy and simulate pages load directly', async () => {
    await page.goto(`${server.url}/strategy`);
    await page.locator('td', { hasText: 'lending-policy' }).first().waitFor();
    await checkAccessibility('strategy');
    await page.goto(`${server.url}/simulate`);
    await page.locator('h1', { hasText: 'Simulate' }).waitFor();
    await checkAccessibility('simulate');
  });

  test('an API error shows the error state', async () => {
    await page.goto(`${server.url}/portfolio#key=credo_0000000000000000_not-a-key`);
    const alert = page.locator('[role=alert]').first();
    await alert.waitFor();
    assert.match(await alert.innerText(), /HTTP 401 E_AUTH_KEY_INVALID/);
  });
});
