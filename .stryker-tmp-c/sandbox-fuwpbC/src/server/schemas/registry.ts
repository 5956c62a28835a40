// @ts-nocheck
import { Type } from 'typebox';
import { ROLES } from '../../store/index.js';
import { Timestamp } from './common.js';

/** `POST /api/v1/models` body: a Credo model file exactly as `credo train` writes it. */
export const ModelFileBody = Type.Object(
  {
    format: Type.Literal('credo-model'),
    format_version: Type.Literal(1),
    kind: Type.String({ minLength: 1, maxLength: 40 }),
    created_at: Type.String(),
    target: Type.String(),
    schema: Type.Unknown(),
    params: Type.Record(Type.String(), Type.Unknown()),
    metrics: Type.Record(Type.String(), Type.Unknown()),
    body: Type.Record(Type.String(), Type.Unknown()),
    sha256: Type.String({ pattern: '^[0-9a-f]{64}$' }),
  },
  { additionalProperties: false, description: 'a Credo model file (src/io/model-file.ts); refused when its content does not match its sha256' },
);

/** `201` of model registration (the contract) plus the status. */
export const ModelCreated = Type.Object({ id: Type.String({ format: 'uuid' }), hash: Type.String(), kind: Type.String(), status: Type.String() });

/** A registered model as listed. */
export const Model = Type.Object({
  id: Type.String({ format: 'uuid' }),
  hash: Type.String(),
  kind: Type.String(),
  status: Type.Union([Type.Literal('candidate'), Type.Literal('champion'), Type.Literal('challenger'), Type.Literal('retired')]),
  share: Type.Union([Type.Number(), Type.Null()]),
  metrics: Type.Record(Type.String(), Type.Unknown()),
  uploaded_by: Type.Union([Type.String(), Type.Null()]),
  promoted_at: Type.Union([Timestamp, Type.Null()]),
  created_at: Timestamp,
});

/** `POST /api/v1/models/:id/promote` body (the contract). */
export const PromoteInput = Type.Object(
  {
    role: Type.Union([Type.Literal('champion'), Type.Literal('challenger')]),
    share: Type.Optional(Type.Number({ exclusiveMinimum: 0, exclusiveMaximum: 1, description: 'challenger traffic share (default 0.1)' })),
  },
  { additionalProperties: false },
);

/** `201` of policy registration (the contract) plus the name. */
export const PolicyCreated = Type.Object({ id: Type.String({ format: 'uuid' }), version: Type.Integer({ minimum: 1 }), name: Type.String() });

/** A registered policy as listed (the YAML text on `GET /api/v1/policies/:id`). */
export const Policy = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  version: Type.Integer(),
  hash: Type.String(),
  active: Type.Boolean(),
  effective_from: Timestamp,
  activated_at: Type.Union([Timestamp, Type.Null()]),
  created_at: Timestamp,
});

/** `POST /api/v1/policies` body: the policy YAML text (content-type application/yaml). */
export const PolicyYaml = Type.String({ minLength: 1, maxLength: 1_000_000, description: 'decision policy YAML (docs/decision.md)' });

/** `POST /api/v1/users` body. */
export const UserInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
    role: Type.Union(ROLES.map((r) => Type.Literal(r))),
  },
  { additionalProperties: false },
);

/** `201` of `POST /api/v1/users`: the key is shown this once. */
export const UserCreated = Type.Object({ id: Type.String({ format: 'uuid' }), name: Type.String(), role: Type.String(), key: Type.String() });
