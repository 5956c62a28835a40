// @ts-nocheck
import { appendAudit, createUser, ROLES, type Role } from '../../store/index.js';
import { defineCommand } from '../command.js';
import { printResult } from '../output.js';
import { dataDirFlag, withStore } from './open-store.js';

/** `credo users add --role R --name N`: a user with an API key, printed once (only its hash is stored). */
export const usersAddCommand = defineCommand({
  name: 'users add',
  summary: 'Add a user of the decision service and print their API key (shown once)',
  details:
    'Roles: admin, risk_analyst, loan_officer, auditor (read-only). Requests authenticate with "Authorization: Bearer <key>".\n' +
    'With PGlite, run it while `credo serve` is stopped (or, as an admin, POST /api/v1/users).\n' +
    'Example: credo users add --role admin --name "Ada Admin" --json',
  flags: {
    role: { type: 'enum', choices: ROLES as readonly Role[], required: true, description: 'the user role' },
    name: { type: 'string', required: true, description: 'the user name (1-200 characters)' },
    'data-dir': dataDirFlag,
  },
  async run(args, _positionals, context) {
    const { user, key } = await withStore(args['data-dir'], context.cwd, (db) =>
      db.transaction(async (tx) => {
        const created = await createUser(tx, { name: args.name, role: args.role });
        await appendAudit(tx, {
          actorId: null,
          actorRole: 'system',
          action: 'user.create',
          entity: 'user',
          entityId: created.user.id,
          details: { role: args.role, key_prefix: created.key.prefix, via: 'cli' },
        });
        return created;
      }),
    );
    printResult(
      context,
      { key: key.key, user_id: user.id, name: user.name, role: user.role },
      () => `Added ${user.role} "${user.name}" (${user.id}).\nAPI key (shown once; only its hash is stored):\n${key.key}\n`,
    );
    return 0;
  },
});
