import type { FastifyInstance } from 'fastify';
import type { Static } from 'typebox';
import type { Transaction } from '../../store/index.js';
import type { LoanActor } from '../../store/repositories/loans-steps.js';
import { Money, MovementBody, movementView } from '../schemas/loans.js';
import type { Service } from '../service.js';
import { postAccountCommand } from './account-command.js';
import { money, movementOf } from './loans-json.js';

/** The recovery route of one kind of account (loan or credit line). */
export interface RecoveryRoute<K extends string> {
  /** The route, with the account's `:id`. */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  /** The key the answer names the account's id under (`loan_id`, `line_id`). */
  readonly accountKey: K;
  /** The account or 404, inside the command's transaction. */
  accountOf(tx: Transaction, id: string): Promise<{ readonly id: string; readonly currency: string }>;
  /** The store's recovery command. */
  recover(
    tx: Transaction,
    accountId: string,
    input: { amount: number; valueDate: string; externalId: string | null },
    actor: LoanActor,
  ): Promise<{ transactionId: string; state: string; recovered: number; remaining: number; replayed: boolean }>;
}

/**
 * Registers the POST of cash recovered on a written-off loan or credit line: a movement body, 201
 * with the transaction id, the account id, its state, the amount recovered so far and the
 * write-off still remaining. Retries (same `Idempotency-Key` or `external_id`) answer the first.
 */
export function postRecoveryRoute<K extends string>(app: FastifyInstance, service: Service, route: RecoveryRoute<K>): void {
  const response = movementView(route.accountKey, { recovered: Money, remaining: Money });
  postAccountCommand<typeof MovementBody, typeof response>(app, service, {
    path: route.path,
    tag: route.tag,
    summary: route.summary,
    description: 'A retried recovery is never posted twice: same `Idempotency-Key` or same `external_id` returns the first answer.',
    body: MovementBody,
    status: 201,
    response,
    run: async (tx, id, body, actor) => {
      const account = await route.accountOf(tx, id);
      const r = await route.recover(tx, account.id, movementOf(body, account.currency), actor);
      return {
        id: r.transactionId,
        ...({ [route.accountKey]: account.id } as Record<K, string>),
        state: r.state,
        recovered: money(r.recovered, account.currency),
        remaining: money(r.remaining, account.currency),
        replayed: r.replayed,
        // The key is generic (loan_id or line_id), which TypeBox's static type cannot resolve.
      } as Static<typeof response>;
    },
  });
}
