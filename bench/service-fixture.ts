/**
 * Fixture for bench/service-schemathesis.sh: `node dist/bench/service-fixture.js DIR` writes the world,
 * the PD model and one API key per role (PGlite under DIR/data, server stopped) and prints
 * `{keys}`; `… DIR configure URL` registers and activates the model and policy on the running server,
 * submits a few of the world's applications and opens a loan, then writes what the fuzzer needs to reach
 * real rows: DIR/application.json (one application's inputs, for bench/schemathesis_hooks.py) and
 * DIR/schemathesis.toml (the stored ids as the path parameters of the read routes); `… DIR restore URL`
 * makes that model the champion and that policy active again (a role's fuzzing may have changed them).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, configureServer, credo, prepareFiles, submissionBodies } from './service-setup.js';

/** Applications submitted before fuzzing. */
const SUBMITTED = 12;

/**
 * One `[[operations]]` table: GET operations whose path matches `path` (a regex after `GET `) get `id`
 * as their `{id}`. One name filter, since schemathesis applies a table when any one of its filters matches.
 */
function fixedId(path: string, id: string): string {
  return `[[operations]]\ninclude-name-regex = ${JSON.stringify(`^GET ${path}`)}\nparameters = { "path.id" = ${JSON.stringify(id)} }\n`;
}

/** Submits applications and opens a loan on the first approval; writes the hook's application and the fuzzer's config. */
async function seed(dir: string, url: string, keys: Record<string, string>, modelId: string, policyId: string): Promise<void> {
  const modelText = readFileSync(join(dir, 'pd.json'), 'utf8');
  const bodies = submissionBodies(join(dir, 'world.csv'), modelText, readFileSync(join(dir, 'policy.yaml'), 'utf8'), SUBMITTED);
  const officer = keys.loan_officer as string;
  const decided: { application_id: string; decision: { id: string; action: string } }[] = [];
  for (const body of bodies) {
    const res = await api(url, officer, 'POST', '/api/v1/applications', body);
    if (res.status !== 201) throw new Error(`submit: ${res.status} ${JSON.stringify(res.json)}`);
    decided.push(res.json);
  }
  const approved = decided.find((d) => d.decision.action === 'approve');
  if (approved === undefined) throw new Error(`none of ${SUBMITTED} applications was approved`);
  const loan = await api(url, officer, 'POST', '/api/v1/loans', { application_id: approved.application_id });
  if (loan.status !== 201) throw new Error(`loan: ${loan.status} ${JSON.stringify(loan.json)}`);
  writeFileSync(join(dir, 'application.json'), JSON.stringify(JSON.parse(bodies[0] as string).data));
  writeFileSync(
    join(dir, 'schemathesis.toml'),
    [
      // /ready answers 503 by contract while no champion or no active policy is set (fuzzing as admin or
      // risk analyst can leave it so): a documented answer, not a server error
      '[[operations]]\ninclude-name = "GET /ready"\nchecks.not_a_server_error.expected-statuses = ["2xx", "3xx", "4xx", 503]\n',
      fixedId('/api/v1/models/\\{id\\}', modelId),
      fixedId('/api/v1/policies/\\{id\\}$', policyId),
      fixedId('/api/v1/applications/\\{id\\}$', approved.application_id),
      fixedId('/api/v1/decisions/\\{id\\}', approved.decision.id),
      fixedId('/api/v1/loans/\\{id\\}', loan.json.id),
    ].join('\n'),
  );
}

const [dir = '.', step, url] = process.argv.slice(2);
if (step === 'configure') {
  const fixture = JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8')) as { keys: Record<string, string> };
  const { modelId, policyId } = await configureServer(
    url as string,
    fixture.keys.admin as string,
    readFileSync(join(dir, 'pd.json'), 'utf8'),
    readFileSync(join(dir, 'policy.yaml'), 'utf8'),
  );
  writeFileSync(join(dir, 'registry.json'), JSON.stringify({ modelId, policyId }));
  await seed(dir, url as string, fixture.keys, modelId, policyId);
} else if (step === 'restore') {
  const admin = (JSON.parse(readFileSync(join(dir, 'fixture.json'), 'utf8')) as { keys: Record<string, string> }).keys.admin as string;
  const { modelId, policyId } = JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8')) as { modelId: string; policyId: string };
  const promote = await api(url as string, admin, 'POST', `/api/v1/models/${modelId}/promote`, { role: 'champion' });
  const activate = await api(url as string, admin, 'POST', `/api/v1/policies/${policyId}/activate`);
  if (promote.status !== 200 || activate.status !== 200) throw new Error(`restore: promote ${promote.status}, activate ${activate.status}`);
} else {
  const files = await prepareFiles(dir);
  writeFileSync(join(dir, 'policy.yaml'), files.policyText);
  const keys: Record<string, string> = {};
  for (const role of ['admin', 'risk_analyst', 'loan_officer', 'auditor']) {
    keys[role] = JSON.parse(await credo(['users', 'add', '--role', role, '--name', `fuzz ${role}`, '--data-dir', join(dir, 'data'), '--json'])).key;
  }
  console.log(JSON.stringify({ keys }));
}
