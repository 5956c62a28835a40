import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { closeBook } from '../../store/repositories/close.js';
import { IsoDate } from '../schemas/common.js';
import type { Service } from '../service.js';

/** Jobs: the daily close (admins). */
export function jobRoutes(app: FastifyInstance, service: Service): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/v1/jobs/close',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['jobs'],
        summary: 'Daily close of the whole book as of a date (catch-up over missed dates; a closed date returns its stored figures and changes nothing)',
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
      const r = await closeBook(service.db, request.body.as_of);
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
