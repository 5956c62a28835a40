import { Type } from 'typebox';
import { Timestamp } from './common.js';

/** One input value: a number, a string (categories, dates), a boolean or null (missing). */
export const InputValue = Type.Union([Type.Number(), Type.String({ maxLength: 1000 }), Type.Boolean(), Type.Null()]);

/** An input value as an explanation shows it: flags as 1/0, null when missing. */
export const ExplainedValue = Type.Union([Type.Number(), Type.String(), Type.Null()], { description: 'the input value (flags as 1/0), null when missing' });

/** The model's and policy's inputs by their training column names. */
export const ApplicationData = Type.Record(Type.String({ minLength: 1, maxLength: 200 }), InputValue, {
  maxProperties: 500,
  description: 'inputs by training column name; unknown columns are kept with the application but ignored by the decision',
});

/**
 * `POST /api/v1/applications` body. Only inputs: the decision (status, pd, limit, price) is
 * the service's and cannot be sent (unknown fields are refused).
 */
export const ApplicationInput = Type.Object(
  {
    external_id: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    customer_id: Type.Optional(Type.String({ format: 'uuid' })),
    data: ApplicationData,
  },
  { additionalProperties: false },
);

/** One principal reason of a decision. */
export const Reason = Type.Object({ code: Type.String(), feature: Type.String(), text: Type.String() });

/** The decision as the submit route returns it (the contract). */
export const DecisionSummary = Type.Object({
  id: Type.String({ format: 'uuid' }),
  action: Type.Union([Type.Literal('approve'), Type.Literal('decline'), Type.Literal('refer')]),
  pd: Type.Union([Type.Number({ minimum: 0, maximum: 1 }), Type.Null()]),
  score: Type.Union([Type.Number({ minimum: 300, maximum: 850 }), Type.Null()]),
  reasons: Type.Array(Reason),
  limit: Type.Union([Type.String({ description: 'decimal major units of the policy currency' }), Type.Null()]),
  rate: Type.Union([Type.String({ description: 'annual rate as a decimal string, e.g. "0.1425"' }), Type.Null()]),
  policy_version: Type.Union([Type.Integer(), Type.Null()]),
  model_hash: Type.Union([Type.String(), Type.Null()]),
  arm: Type.Union([Type.Literal('champion'), Type.Literal('challenger'), Type.Null()]),
});

/** `201` of `POST /api/v1/applications`. */
export const SubmitResponse = Type.Object({ application_id: Type.String({ format: 'uuid' }), decision: DecisionSummary });

/** A stored decision in full: the summary plus kind, rules fired, input snapshot, latency, override data. */
export const Decision = Type.Object({
  ...DecisionSummary.properties,
  application_id: Type.String({ format: 'uuid' }),
  kind: Type.Union([Type.Literal('automatic'), Type.Literal('shadow'), Type.Literal('override')]),
  shadow_of: Type.Union([Type.String(), Type.Null()]),
  currency: Type.String(),
  policy_id: Type.Union([Type.String(), Type.Null()]),
  model_id: Type.Union([Type.String(), Type.Null()]),
  rules_fired: Type.Array(Type.Unknown()),
  input_snapshot: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  latency_us: Type.Union([Type.Integer(), Type.Null()]),
  decided_by: Type.Union([Type.String(), Type.Null()]),
  reason: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
});

/** An application as listed. */
export const ApplicationItem = Type.Object({
  id: Type.String({ format: 'uuid' }),
  external_id: Type.Union([Type.String(), Type.Null()]),
  customer_id: Type.Union([Type.String(), Type.Null()]),
  action: Type.Union([Type.String(), Type.Null()]),
  decision_id: Type.Union([Type.String(), Type.Null()]),
  created_at: Timestamp,
});

/** One application with its input and every decision (automatic, shadow, overrides), newest last. */
export const ApplicationDetail = Type.Object({
  ...ApplicationItem.properties,
  data: Type.Record(Type.String(), Type.Unknown()),
  decision: Type.Union([Decision, Type.Null()]),
  decisions: Type.Array(Decision),
});

/** `GET /api/v1/applications` query. */
export const ApplicationListQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000, default: 0 })),
    action: Type.Optional(Type.Union([Type.Literal('approve'), Type.Literal('decline'), Type.Literal('refer')])),
  },
  { additionalProperties: false },
);

/** `POST /api/v1/applications/:id/override` body: an officer's decision with a reason (audited). */
export const OverrideInput = Type.Object(
  {
    action: Type.Union([Type.Literal('approve'), Type.Literal('decline'), Type.Literal('refer')]),
    reason: Type.String({ minLength: 3, maxLength: 2000, pattern: '\\S' }),
  },
  { additionalProperties: false },
);

/** `GET /api/v1/decisions/:id/replay` response (the contract). */
export const ReplayResponse = Type.Object({ identical: Type.Boolean(), stored: DecisionSummary, replayed: DecisionSummary });

/** One row's outcome of a bulk CSV upload. */
export const BulkRowResult = Type.Object({
  row: Type.Integer({ minimum: 1, description: '1-based data row (the header is row 0)' }),
  status: Type.Integer(),
  application_id: Type.Optional(Type.String()),
  decision: Type.Optional(DecisionSummary),
  error: Type.Optional(
    Type.Object({ code: Type.String(), detail: Type.String(), errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })) }),
  ),
});

/** Bulk upload response: per-row results and counts. */
export const BulkResponse = Type.Object({
  rows: Type.Integer(),
  accepted: Type.Integer(),
  rejected: Type.Integer(),
  results: Type.Array(BulkRowResult),
});

/** Submit headers: an optional idempotency key. */
export const SubmitHeaders = Type.Object({
  'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' })),
});
