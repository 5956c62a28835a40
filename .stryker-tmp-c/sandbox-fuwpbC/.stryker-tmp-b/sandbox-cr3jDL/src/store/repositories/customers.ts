// @ts-nocheck
// 
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../queryable.js';
import { Conditions, isUuid, pageOf } from './page.js';

/** KYC state of a customer. */
export type KycStatus = 'pending' | 'verified' | 'rejected';

/** What a client may set on a customer (no id, status dates or audit fields: no mass assignment). */
export interface CustomerInput {
  readonly externalId?: string | null;
  readonly fullName: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly dateOfBirth?: string | null;
  /** Stored whole; show it through `maskNationalId` to everyone but admins. */
  readonly nationalId: string;
  readonly email?: string | null;
  readonly phone?: string | null;
  readonly address?: string | null;
  readonly city?: string | null;
  readonly region?: string | null;
  readonly postalCode?: string | null;
  /** ISO 3166-1 alpha-2, upper case. */
  readonly country?: string | null;
}

/** A job as a client gives it (income in integer minor units, as a number or decimal string). */
export interface EmploymentInput {
  readonly employer: string;
  readonly employmentType: 'salaried' | 'self_employed' | 'unemployed' | 'retired' | 'student' | 'other';
  readonly monthlyIncomeMinor?: string | number | null;
  readonly currency?: string;
  /** ISO dates `YYYY-MM-DD`. */
  readonly startDate?: string | null;
  readonly endDate?: string | null;
}

/** A stored customer. `nationalId` is the full id: mask it before it leaves the service. */
export interface Customer extends Required<CustomerInput> {
  readonly id: string;
  readonly kycStatus: KycStatus;
  readonly kycVerifiedAt: Date | null;
  readonly createdBy: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface CustomerRow {
  id: string;
  external_id: string | null;
  full_name: string;
  date_of_birth: string | null;
  national_id: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  kyc_status: KycStatus;
  kyc_verified_at: Date | null;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

const COLUMNS =
  'id, external_id, full_name, date_of_birth, national_id, email, phone, address, city, region, postal_code, country, kyc_status, kyc_verified_at, created_by, created_at, updated_at';

function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    externalId: row.external_id,
    fullName: row.full_name,
    dateOfBirth: row.date_of_birth,
    nationalId: row.national_id,
    email: row.email,
    phone: row.phone,
    address: row.address,
    city: row.city,
    region: row.region,
    postalCode: row.postal_code,
    country: row.country,
    kycStatus: row.kyc_status,
    kycVerifiedAt: row.kyc_verified_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * A national id as it may be shown to anyone but an admin: its last 4 characters after a fixed
 * `****` (the same width whatever the length, so the length does not leak either).
 */
export function maskNationalId(nationalId: string): string {
  return `****${[...nationalId].slice(-4).join('')}`;
}

/** A customer with their jobs (latest start first). */
export interface CustomerWithEmployment extends Customer {
  readonly employment: Employment[];
}

/**
 * Stores a customer (KYC pending) and their jobs; run it in a transaction. A repeated national
 * id or external id is `E_STORE_DUPLICATE`.
 */
export async function createCustomer(
  q: Queryable,
  input: CustomerInput & { createdBy: string | null; employment?: readonly EmploymentInput[] },
): Promise<CustomerWithEmployment> {
  const { rows } = await q.query<CustomerRow>(
    `INSERT INTO customers (id, external_id, full_name, date_of_birth, national_id, email, phone, address, city, region, postal_code, country, created_by)
     VALUES ($1, $2, $3, $4::date, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${COLUMNS}`,
    [
      randomUUID(),
      input.externalId ?? null,
      input.fullName,
      input.dateOfBirth ?? null,
      input.nationalId,
      input.email ?? null,
      input.phone ?? null,
      input.address ?? null,
      input.city ?? null,
      input.region ?? null,
      input.postalCode ?? null,
      input.country ?? null,
      input.createdBy,
    ],
  );
  const customer = toCustomer(rows[0] as CustomerRow);
  const jobs = input.employment ?? [];
  for (const job of jobs) await addEmployment(q, { ...job, customerId: customer.id });
  return { ...customer, employment: jobs.length === 0 ? [] : await listEmployment(q, customer.id) };
}

async function withEmployment(q: Queryable, customers: Customer[]): Promise<CustomerWithEmployment[]> {
  if (customers.length === 0) return [];
  const { rows } = await q.query<EmploymentRow>(`SELECT ${EMPLOYMENT_COLUMNS} FROM employment WHERE customer_id = ANY($1::uuid[]) ${JOB_ORDER}`, [
    `{${customers.map((c) => c.id).join(',')}}`,
  ]);
  const jobs = new Map<string, Employment[]>();
  for (const row of rows) {
    const list = jobs.get(row.customer_id) ?? [];
    list.push(toEmployment(row));
    jobs.set(row.customer_id, list);
  }
  return customers.map((c) => ({ ...c, employment: jobs.get(c.id) ?? [] }));
}

/** One customer with their jobs, or undefined. */
export async function getCustomer(q: Queryable, id: string): Promise<CustomerWithEmployment | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await q.query<CustomerRow>(`SELECT ${COLUMNS} FROM customers WHERE id = $1`, [id]);
  return rows[0] === undefined ? undefined : (await withEmployment(q, [toCustomer(rows[0])]))[0];
}

/** Sets a customer's KYC status (verified stamps the time); undefined for an unknown id. */
export async function setKycStatus(q: Queryable, id: string, status: KycStatus): Promise<Customer | undefined> {
  if (!isUuid(id)) return undefined;
  const { rows } = await q.query<CustomerRow>(
    `UPDATE customers SET kyc_status = $2, kyc_verified_at = CASE WHEN $2 = 'verified' THEN coalesce(kyc_verified_at, now()) END
      WHERE id = $1 RETURNING ${COLUMNS}`,
    [id, status],
  );
  return rows[0] === undefined ? undefined : toCustomer(rows[0]);
}

/**
 * Customers in creation order (a bounded page) with the total. `search` matches a name prefix
 * (case-insensitive; `%` and `_` taken literally), an exact e-mail (case-insensitive) or an
 * exact external id, each through its own index. Each customer comes with their jobs.
 */
export async function listCustomers(
  q: Queryable,
  filter: { search?: string; limit?: number; offset?: number } = {},
): Promise<{ items: CustomerWithEmployment[]; total: number }> {
  const c = new Conditions();
  if (filter.search !== undefined && filter.search !== '') {
    const text = filter.search.toLowerCase();
    const prefix = `${text.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    c.add('(lower(full_name) LIKE ? OR lower(email) = ? OR external_id = ?)', prefix, text, filter.search);
  }
  const count = await q.query<{ n: string }>(`SELECT count(*) AS n FROM customers ${c.where}`, [...c.params]);
  const { limit, offset } = pageOf(filter.limit, filter.offset);
  const { rows } = await q.query<CustomerRow>(
    `SELECT ${COLUMNS} FROM customers ${c.where} ORDER BY created_at, id LIMIT ${c.param(limit)} OFFSET ${c.param(offset)}`,
    c.params,
  );
  return { items: await withEmployment(q, rows.map(toCustomer)), total: Number(count.rows[0]?.n ?? 0) };
}

/** A job of a customer (income in integer minor units of `currency`). */
export interface Employment {
  readonly id: string;
  readonly customerId: string;
  readonly employer: string;
  readonly employmentType: EmploymentInput['employmentType'];
  readonly monthlyIncomeMinor: string | null;
  readonly currency: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

interface EmploymentRow {
  id: string;
  customer_id: string;
  employer: string;
  employment_type: Employment['employmentType'];
  monthly_income_minor: string | null;
  currency: string;
  start_date: string | null;
  end_date: string | null;
  created_at: Date;
  updated_at: Date;
}

const EMPLOYMENT_COLUMNS = 'id, customer_id, employer, employment_type, monthly_income_minor, currency, start_date, end_date, created_at, updated_at';
const JOB_ORDER = 'ORDER BY start_date DESC NULLS LAST, created_at DESC, id';

function toEmployment(row: EmploymentRow): Employment {
  return {
    id: row.id,
    customerId: row.customer_id,
    employer: row.employer,
    employmentType: row.employment_type,
    monthlyIncomeMinor: row.monthly_income_minor,
    currency: row.currency,
    startDate: row.start_date,
    endDate: row.end_date,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Adds a job to a customer; `monthlyIncomeMinor` is an integer (number or decimal string) of minor units. */
export async function addEmployment(q: Queryable, input: EmploymentInput & { customerId: string }): Promise<Employment> {
  const { rows } = await q.query<EmploymentRow>(
    `INSERT INTO employment (id, customer_id, employer, employment_type, monthly_income_minor, currency, start_date, end_date)
     VALUES ($1, $2, $3, $4, $5::bigint, $6, $7::date, $8::date) RETURNING ${EMPLOYMENT_COLUMNS}`,
    [
      randomUUID(),
      input.customerId,
      input.employer,
      input.employmentType,
      input.monthlyIncomeMinor === undefined || input.monthlyIncomeMinor === null ? null : String(input.monthlyIncomeMinor),
      input.currency ?? 'USD',
      input.startDate ?? null,
      input.endDate ?? null,
    ],
  );
  return toEmployment(rows[0] as EmploymentRow);
}

/** A customer's jobs, the latest start first. */
export async function listEmployment(q: Queryable, customerId: string): Promise<Employment[]> {
  if (!isUuid(customerId)) return [];
  const { rows } = await q.query<EmploymentRow>(`SELECT ${EMPLOYMENT_COLUMNS} FROM employment WHERE customer_id = $1 ${JOB_ORDER}`, [customerId]);
  return rows.map(toEmployment);
}
