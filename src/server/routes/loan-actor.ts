import type { LoanActor } from '../../store/repositories/loans-steps.js';
import type { Caller } from '../roles.js';
import type { Service } from '../service.js';

/** The actor of a loan command: the caller, the request id, and today's business date from the service clock. */
export function loanActorOf(service: Service, caller: Caller, requestId: string): LoanActor {
  return { userId: caller.userId, role: caller.role, requestId, today: service.today() };
}
