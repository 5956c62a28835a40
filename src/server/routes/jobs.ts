import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CredoError } from '../../errors/index.js';
import { closeBook } from '../../store/repositories/close.js';
import { IsoDate } from '../schemas/common.js';
import type { Service } from '../service.js';

/**
 * Most dates one close request may close: a month of catch-up (about 3 s on PGlite for a small book;
 * the store is held meanwhile). A longer outage is caught up in steps, or with `credo close`.
 */
const MAX_CLOSE_DATES = 31;

/** Jobs: the daily close (admins). */
export function jobRoutes(app: FastifyInstance, service: Service): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/v1/jobs/close',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['jobs'],
        summary:
          'Daily close of the whole book as of a date, today at the latest (catch-up over missed dates, at most 31 a request; a closed date returns its stored figures and changes nothing)',
        body: Type.Object({ as_of: IsoDate }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            as_of: Type.String(),
            loans: Type.Integer(),
            seconds: Type.Number(),
            npa_loans: Type.Integer(),
            alerts: Type.Integer(),
            lines: Type.Integer({ description: 'active credit lines closed' }),
            npa_lines: Type.Integer(),
            dates_closed: Type.Integer(),
          }),
        },
      },
    },
    async (request) => {
      const today = service.today();
      if (request.body.as_of > today) {
        const message = `${request.body.as_of} is after today (${today}): a date that has not begun cannot be closed`;
        throw new CredoError('E_INPUT_VALIDATION', { summary: `as_of: ${message}`, issues: [{ path: ['body', 'as_of'], message }] });
      }
      const r = await closeBook(service.db, request.body.as_of, { maxDates: MAX_CLOSE_DATES });
      return {
        as_of: r.asOf,
        loans: r.loans,
        seconds: r.seconds,
        npa_loans: r.npaLoans,
        alerts: r.alerts,
        lines: r.lines,
        npa_lines: r.npaLines,
        dates_closed: r.datesClosed,
      };
    },
  );
}
