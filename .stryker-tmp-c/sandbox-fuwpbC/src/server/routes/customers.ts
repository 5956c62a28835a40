// @ts-nocheck
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import { CredoError, isCredoError } from '../../errors/index.js';
import {
  addEmployment,
  appendAudit,
  createCustomer,
  getCustomer,
  listCustomers,
  listEmployment,
  maskNationalId,
  type Customer as StoredCustomer,
  type Employment as StoredEmployment,
} from '../../store/index.js';
import type { Caller } from '../roles.js';
import { IdParams, pageOf } from '../schemas/common.js';
import { Customer, CustomerInput, CustomerListQuery } from '../schemas/customers.js';
import type { Service } from '../service.js';

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
      const created = await service.db.transaction(
        withoutPii(async (tx) => {
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
          });
          const employment: StoredEmployment[] = [];
          for (const e of b.employment ?? []) {
            employment.push(
              await addEmployment(tx, {
                customerId: customer.id,
                employer: e.employer,
                employmentType: e.employment_type,
                monthlyIncomeMinor: e.monthly_income_minor ?? null,
                currency: e.currency ?? 'USD',
                startDate: e.start_date ?? null,
                endDate: e.end_date ?? null,
              }),
            );
          }
          await appendAudit(tx, {
            actorId: caller.userId,
            actorRole: caller.role,
            action: 'customer.create',
            entity: 'customer',
            entityId: customer.id,
            requestId: request.id,
            details: { national_id_last4: customer.nationalId.slice(-4) },
          });
          return { ...customer, employment };
        }),
      );
      return reply.code(201).send(customerJson(created, caller));
    },
  );

  api.get(
    '/api/v1/customers',
    {
      config: { access: ['admin', 'loan_officer', 'risk_analyst', 'auditor'] },
      schema: {
        tags: ['customers'],
        summary: 'List customers (page of at most 200; search by name prefix, email or external id)',
        querystring: CustomerListQuery,
        response: { 200: pageOf(Customer) },
      },
    },
    async (request) => {
      const page = await listCustomers(service.db, { limit: request.query.limit, offset: request.query.offset, search: request.query.search });
      return { items: page.items.map((c) => customerJson({ ...c, employment: [] }, request.caller!)), total: page.total };
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
      return customerJson({ ...customer, employment: await listEmployment(service.db, customer.id) }, request.caller!);
    },
  );
}

/**
 * Wraps a customer write so a duplicate national id is reported without its value (the store's
 * message quotes the duplicate value; only the last 4 characters of a national id may leave).
 */
function withoutPii<T, A extends unknown[]>(fn: (...args: A) => Promise<T>): (...args: A) => Promise<T> {
  return async (...args) => {
    try {
      return await fn(...args);
    } catch (error) {
      if (isCredoError(error) && error.code === 'E_STORE_DUPLICATE' && error.details.field === 'national_id') {
        throw new CredoError('E_HTTP_CONFLICT', { problem: 'a customer with this national id already exists', field: '/body/national_id' });
      }
      throw error;
    }
  };
}

/** The API form of a customer; the national id is masked unless the caller is an admin. */
function customerJson(c: StoredCustomer & { employment: readonly StoredEmployment[] }, caller: Caller) {
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
