import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CredoError } from '../../errors/index.js';
import { appendAudit, type CustomerWithEmployment, createCustomer, getCustomer, listCustomers } from '../../store/index.js';
import { IdParams, pageOf } from '../schemas/common.js';
import { Customer, CustomerInput, CustomerListQuery, maskNationalId } from '../schemas/customers.js';
import type { Service } from '../service.js';
import type { Caller } from '../roles.js';

/**
 * Customers: create (KYC fields and employment, one transaction, audited), list (bounded pages,
 * search) and get. National ids leave the API masked to their last 4 characters except for admins.
 */
export function customerRoutes(app: FastifyInstance, service: Service): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  api.post(
    '/api/v1/customers',
    {
      config: { access: ['admin', 'loan_officer'] },
      schema: { tags: ['customers'], summary: 'Create a customer (KYC fields, employment)', body: CustomerInput, response: { 201: Customer } },
    },
    async (request, reply) => {
      const caller = request.caller!;
      const b = request.body;
      const created = await service.db.transaction(async (tx) => {
        const customer = await createCustomer(tx, {
          externalId: b.external_id ?? null,
          fullName: b.full_name,
          dateOfBirth: b.date_of_birth ?? null,
          nationalId: b.national_id,
          email: b.email ?? null,
          phone: b.phone ?? null,
          address: b.address ?? null,
          city: b.city ?? null,
          region: b.region ?? null,
          postalCode: b.postal_code ?? null,
          country: b.country ?? null,
          createdBy: caller.userId,
          employment: (b.employment ?? []).map((e) => ({
            employer: e.employer,
            employmentType: e.employment_type,
            monthlyIncomeMinor: e.monthly_income_minor ?? null,
            currency: e.currency ?? 'USD',
            startDate: e.start_date ?? null,
            endDate: e.end_date ?? null,
          })),
        });
        await appendAudit(tx, {
          actorId: caller.userId,
          actorRole: caller.role,
          action: 'customer.create',
          entity: 'customer',
          entityId: customer.id,
          requestId: request.id,
          details: { national_id_last4: customer.nationalId.slice(-4) },
        });
        return customer;
      });
      return reply.code(201).send(customerJson(created, caller));
    },
  );

  api.get(
    '/api/v1/customers',
    {
      config: { access: ['admin', 'loan_officer', 'risk_analyst', 'auditor'] },
      schema: { tags: ['customers'], summary: 'List customers (page of at most 200; search by name prefix, email or external id)', querystring: CustomerListQuery, response: { 200: pageOf(Customer) } },
    },
    async (request) => {
      const page = await listCustomers(service.db, { limit: request.query.limit, offset: request.query.offset, search: request.query.search });
      return { items: page.items.map((c) => customerJson(c, request.caller!)), total: page.total };
    },
  );

  api.get(
    '/api/v1/customers/:id',
    {
      config: { access: ['admin', 'loan_officer', 'risk_analyst', 'auditor'] },
      schema: { tags: ['customers'], summary: 'One customer', params: IdParams, response: { 200: Customer } },
    },
    async (request) => {
      const customer = await getCustomer(service.db, request.params.id);
      if (customer === undefined) throw new CredoError('E_HTTP_RESOURCE_NOT_FOUND', { resource: 'customer', id: request.params.id });
      return customerJson(customer, request.caller!);
    },
  );
}

/** The API form of a customer; the national id is masked unless the caller is an admin. */
function customerJson(c: CustomerWithEmployment, caller: Caller) {
  const masked = caller.role !== 'admin';
  return {
    id: c.id,
    external_id: c.externalId,
    full_name: c.fullName,
    date_of_birth: c.dateOfBirth,
    national_id: masked ? maskNationalId(c.nationalId) : c.nationalId,
    national_id_masked: masked,
    email: c.email,
    phone: c.phone,
    address: c.address,
    city: c.city,
    region: c.region,
    postal_code: c.postalCode,
    country: c.country,
    kyc_status: c.kycStatus,
    employment: c.employment.map((e) => ({
      id: e.id,
      employer: e.employer,
      employment_type: e.employmentType,
      monthly_income_minor: e.monthlyIncomeMinor,
      currency: e.currency,
      start_date: e.startDate,
      end_date: e.endDate,
    })),
    created_at: c.createdAt.toISOString(),
    updated_at: c.updatedAt.toISOString(),
  };
}
