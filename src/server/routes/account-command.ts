import type { FastifyInstance, FastifySchema } from 'fastify';
import type { Static, TObject, TSchema } from 'typebox';
import type { Transaction } from '../../store/index.js';
import type { LoanActor } from '../../store/repositories/loans-steps.js';
import { SubmitHeaders } from '../schemas/applications.js';
import { IdParams } from '../schemas/common.js';
import { LOAN_WRITERS } from '../schemas/loans.js';
import type { Service } from '../service.js';
import { loanActorOf } from './loan-actor.js';
import { answerIdempotent } from './loans-idempotency.js';

/** A money command on one loan or credit line, as `postAccountCommand` registers it. */
export interface AccountCommand<B extends TObject, R extends TSchema> {
  /** The route, with the account's `:id` (`/api/v1/loans/:id/recoveries`). */
  readonly path: string;
  readonly tag: string;
  readonly summary: string;
  readonly description?: string;
  readonly body: B;
  /** The status of a success (200, or 201 when the command creates a transaction). */
  readonly status: 200 | 201;
  readonly response: R;
  /** The command, inside its transaction: the account id from the path, the body, the caller. */
  run(tx: Transaction, id: string, body: Static<B>, actor: LoanActor): Promise<Static<R>>;
}

/**
 * Registers a POST money command on one account (`:id` in the path): loan writers only, an
 * optional `Idempotency-Key` header, the body and answer schemas; the command runs once per key
 * (`answerIdempotent`) with the caller as actor, and its own 404 / 409 / 422 problems pass through.
 */
export function postAccountCommand<B extends TObject, R extends TSchema>(app: FastifyInstance, service: Service, command: AccountCommand<B, R>): void {
  // Typed as a plain schema: the body and answer are generic here, so the handler reads them through their static types.
  const schema: FastifySchema = {
    tags: [command.tag],
    summary: command.summary,
    ...(command.description === undefined ? {} : { description: command.description }),
    params: IdParams,
    headers: SubmitHeaders,
    body: command.body,
    response: { [command.status]: command.response },
  };
  app.post(command.path, { config: { access: LOAN_WRITERS }, schema }, async (request, reply) => {
    const actor = loanActorOf(service, request.caller!, request.id);
    const { id } = request.params as Static<typeof IdParams>;
    return answerIdempotent(service, request, reply, command.status, (tx) => command.run(tx, id, request.body as Static<B>, actor));
  });
}
