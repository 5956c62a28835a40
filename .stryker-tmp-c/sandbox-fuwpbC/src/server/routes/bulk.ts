// @ts-nocheck
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { CredoError } from '../../errors/index.js';
import { bulkSubmit } from '../bulk-submit.js';
import { BulkResponse } from '../schemas/applications.js';
import type { Service } from '../service.js';

/** Most data rows one bulk upload may carry. */
export const MAX_BULK_ROWS = 10_000;

/**
 * `POST /api/v1/applications/bulk` (text/csv): one application per data row, each decided and
 * written in its own transaction, so one bad row never blocks or half-writes the others; the
 * response lists every row's outcome (201 with the decision, or the problem).
 */
export function bulkRoutes(app: FastifyInstance, service: Service): void {
  app.withTypeProvider<TypeBoxTypeProvider>().post(
    '/api/v1/applications/bulk',
    {
      config: { access: ['admin', 'loan_officer'] },
      schema: {
        tags: ['applications'],
        summary: 'Submit applications as CSV (header = input column names; optional external_id, customer_id)',
        description: `At most ${MAX_BULK_ROWS} rows. Columns that are not inputs of the policy or its models are ignored and listed.`,
        body: { content: { 'text/csv': { schema: Type.String({ minLength: 1 }) } } } as unknown as ReturnType<typeof Type.String>,
        response: { 200: Type.Object({ ...BulkResponse.properties, ignored_columns: Type.Array(Type.String()) }) },
      },
    },
    async (request) => {
      const type =
        String(request.headers['content-type'] ?? '')
          .split(';')[0]
          ?.trim()
          .toLowerCase() ?? '';
      if (type !== 'text/csv' || typeof request.body !== 'string') throw new CredoError('E_HTTP_MEDIA_TYPE', { contentType: type });
      return bulkSubmit(service, request.body, request.caller!, request.id, MAX_BULK_ROWS);
    },
  );
}
