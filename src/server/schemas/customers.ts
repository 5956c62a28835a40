import { Type } from 'typebox';
import { IsoDate, Timestamp } from './common.js';

const text = (max: number, description?: string) => Type.String({ minLength: 1, maxLength: max, ...(description === undefined ? {} : { description }) });
const nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()]);

/** One employment record as submitted (money in integer minor units of `currency`). */
export const EmploymentInput = Type.Object(
  {
    employer: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    employment_type: Type.Union([
      Type.Literal('salaried'),
      Type.Literal('self_employed'),
      Type.Literal('unemployed'),
      Type.Literal('retired'),
      Type.Literal('student'),
      Type.Literal('other'),
    ]),
    monthly_income_minor: Type.Optional(Type.Integer({ minimum: 0, maximum: 1e15, description: 'gross monthly income, integer minor units' })),
    currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', default: 'USD' })),
    start_date: Type.Optional(IsoDate),
    end_date: Type.Optional(IsoDate),
  },
  { additionalProperties: false },
);

/**
 * `POST /api/v1/customers` body: KYC fields. `kyc_status` and ids are the service's, never the
 * client's (no mass assignment: unknown fields are refused).
 */
export const CustomerInput = Type.Object(
  {
    external_id: Type.Optional(text(200, 'the lender’s own customer reference (unique)')),
    full_name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    date_of_birth: Type.Optional(IsoDate),
    national_id: Type.String({
      minLength: 4,
      maxLength: 64,
      pattern: '^[A-Za-z0-9 -]+$',
      description: 'stored whole; only the last 4 characters are shown except to admins',
    }),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 320 })),
    phone: Type.Optional(Type.String({ minLength: 3, maxLength: 40, pattern: '^[0-9+() .-]+$' })),
    address: Type.Optional(text(500)),
    city: Type.Optional(text(100)),
    region: Type.Optional(text(100)),
    postal_code: Type.Optional(text(20)),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' })),
    employment: Type.Optional(Type.Array(EmploymentInput, { maxItems: 20 })),
  },
  { additionalProperties: false },
);

/** Employment as returned. */
export const Employment = Type.Object({
  id: Type.String({ format: 'uuid' }),
  employer: Type.String(),
  employment_type: Type.String(),
  monthly_income_minor: Type.Union([Type.String({ pattern: '^[0-9]+$' }), Type.Null()]),
  currency: Type.String(),
  start_date: nullable(Type.String()),
  end_date: nullable(Type.String()),
});

/** A customer as returned: `national_id` masked to its last 4 characters (`****6789`) except for admins. Lists omit employment (empty). */
export const Customer = Type.Object({
  id: Type.String({ format: 'uuid' }),
  external_id: nullable(Type.String()),
  full_name: Type.String(),
  date_of_birth: nullable(Type.String()),
  national_id: Type.String(),
  national_id_masked: Type.Boolean(),
  email: nullable(Type.String()),
  phone: nullable(Type.String()),
  address: nullable(Type.String()),
  city: nullable(Type.String()),
  region: nullable(Type.String()),
  postal_code: nullable(Type.String()),
  country: nullable(Type.String()),
  kyc_status: Type.String(),
  employment: Type.Array(Employment),
  created_at: Timestamp,
  updated_at: Timestamp,
});

/** `GET /api/v1/customers` query: page and a name/email/external-id search. */
export const CustomerListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 })),
    search: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'prefix of the name, or the exact email or external id' })),
  },
  { additionalProperties: false },
);
