/**
 * Fixture for bench/service-schemathesis.sh: `node dist/bench/service-fixture.js DIR` writes the world,
 * the PD model and one API key per role (PGlite under DIR/data, server stopped) and prints
 * `{keys}`; `… DIR configure URL` registers and activates the model and policy on the running server.
 */
// @ts-nocheck

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { configureServer, credo, prepareFiles } from './service-setup.js';

const [dir = '.', step, url] = process.argv.slice(2);
if (step === 'configure') {
  const fixture = JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8')) as { keys: Record<string, string> };
  await configureServer(
    url as string,
    fixture.keys.admin as string,
    readFileSync(join(dir, 'pd.json'), 'utf8'),
    readFileSync(join(dir, 'policy.yaml'), 'utf8'),
  );
} else {
  const files = await prepareFiles(dir);
  const { writeFileSync } = await import('node:fs');
  writeFileSync(join(dir, 'policy.yaml'), files.policyText);
  const keys: Record<string, string> = {};
  for (const role of ['admin', 'risk_analyst', 'loan_officer', 'auditor']) {
    keys[role] = JSON.parse(await credo(['users', 'add', '--role', role, '--name', `fuzz ${role}`, '--data-dir', join(dir, 'data'), '--json'])).key;
  }
  console.log(JSON.stringify({ keys }));
}
