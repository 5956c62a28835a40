/**
 * Migration 001: users and API keys, customers and employment, the model and policy
 * registries, applications and decisions. Money is never a float: incomes are integer minor
 * units (`bigint`) with a currency code; decision limits and rates are exact `numeric` decimal
 * strings (major units, annual rate) as the decision function writes them. Ids are UUIDs made
 * by the application, so a decision and its application can be written in one round; every row
 * that changes has `updated_at`, kept by one trigger function.
 */
// @ts-nocheck

export const sql = `
CREATE FUNCTION credo_set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;

CREATE TABLE users (
  id uuid PRIMARY KEY,
  name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('admin', 'risk_analyst', 'loan_officer', 'auditor')),
  disabled_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TRIGGER users_updated_at BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION credo_set_updated_at();

-- The key itself is never stored: only its public prefix (the lookup path) and SHA-256.
CREATE TABLE api_keys (
  id uuid PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id),
  prefix text NOT NULL UNIQUE CHECK (prefix ~ '^[0-9a-f]{16}$'),
  key_hash text NOT NULL CHECK (key_hash ~ '^[0-9a-f]{64}$'),
  created_at timestamptz NOT NULL DEFAULT now(),
  revoked_at timestamptz
);
CREATE INDEX api_keys_user ON api_keys (user_id);

CREATE TABLE customers (
  id uuid PRIMARY KEY,
  external_id text UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
  full_name text NOT NULL CHECK (length(btrim(full_name)) BETWEEN 1 AND 200),
  date_of_birth date,
  -- Stored whole for KYC; only the last 4 characters leave the API except to admins.
  national_id text NOT NULL UNIQUE CHECK (length(national_id) BETWEEN 4 AND 64),
  email text CHECK (length(email) <= 320),
  phone text CHECK (length(phone) <= 40),
  address text CHECK (length(address) <= 500),
  city text CHECK (length(city) <= 100),
  region text CHECK (length(region) <= 100),
  postal_code text CHECK (length(postal_code) <= 20),
  country text CHECK (country ~ '^[A-Z]{2}$'),
  kyc_status text NOT NULL DEFAULT 'pending' CHECK (kyc_status IN ('pending', 'verified', 'rejected')),
  kyc_verified_at timestamptz,
  created_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kyc_status = 'verified') = (kyc_verified_at IS NOT NULL))
);
CREATE INDEX customers_name ON customers (lower(full_name) text_pattern_ops, id);
CREATE INDEX customers_created ON customers (created_at, id);
CREATE INDEX customers_email ON customers (lower(email));
CREATE INDEX customers_created_by ON customers (created_by);
CREATE TRIGGER customers_updated_at BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION credo_set_updated_at();

CREATE TABLE employment (
  id uuid PRIMARY KEY,
  customer_id uuid NOT NULL REFERENCES customers (id),
  employer text NOT NULL CHECK (length(btrim(employer)) BETWEEN 1 AND 200),
  employment_type text NOT NULL CHECK (employment_type IN ('salaried', 'self_employed', 'unemployed', 'retired', 'student', 'other')),
  monthly_income_minor bigint CHECK (monthly_income_minor >= 0),
  currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
  start_date date,
  end_date date,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date)
);
CREATE INDEX employment_customer ON employment (customer_id);
CREATE TRIGGER employment_updated_at BEFORE UPDATE ON employment FOR EACH ROW EXECUTE FUNCTION credo_set_updated_at();

-- The model registry: the uploaded Credo model file kept byte for byte (its hash is the file's
-- sha256), so a decision can be replayed with exactly the model that made it.
CREATE TABLE models (
  id uuid PRIMARY KEY,
  hash text NOT NULL UNIQUE CHECK (hash ~ '^[0-9a-f]{64}$'),
  kind text NOT NULL CHECK (length(kind) BETWEEN 1 AND 40),
  name text CHECK (length(name) <= 200),
  metrics jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(metrics) = 'object'),
  body text NOT NULL,
  status text NOT NULL DEFAULT 'candidate' CHECK (status IN ('candidate', 'champion', 'challenger', 'retired')),
  share numeric CHECK (share > 0 AND share < 1),
  uploaded_by uuid REFERENCES users (id),
  promoted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'challenger') = (share IS NOT NULL))
);
CREATE UNIQUE INDEX models_one_champion ON models ((true)) WHERE status = 'champion';
CREATE UNIQUE INDEX models_one_challenger ON models ((true)) WHERE status = 'challenger';
CREATE INDEX models_created ON models (created_at, id);
CREATE INDEX models_uploaded_by ON models (uploaded_by);
CREATE TRIGGER models_updated_at BEFORE UPDATE ON models FOR EACH ROW EXECUTE FUNCTION credo_set_updated_at();

-- The policy registry: strategy YAML text, versions numbered 1, 2, … per name; one active.
CREATE TABLE policies (
  id uuid PRIMARY KEY,
  name text NOT NULL DEFAULT 'default' CHECK (length(btrim(name)) BETWEEN 1 AND 200),
  version integer NOT NULL CHECK (version >= 1),
  yaml text NOT NULL CHECK (length(yaml) BETWEEN 1 AND 1000000),
  hash text NOT NULL CHECK (hash ~ '^[0-9a-f]{64}$'),
  effective_from timestamptz NOT NULL DEFAULT now(),
  active boolean NOT NULL DEFAULT false,
  created_by uuid REFERENCES users (id),
  activated_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (name, version)
);
CREATE UNIQUE INDEX policies_one_active ON policies ((true)) WHERE active;
CREATE INDEX policies_created_by ON policies (created_by);
CREATE TRIGGER policies_updated_at BEFORE UPDATE ON policies FOR EACH ROW EXECUTE FUNCTION credo_set_updated_at();

-- An application keeps its input exactly as submitted; action and decision_id mirror its
-- current decision (the automatic one, or the latest manual override) for listing by action.
CREATE TABLE applications (
  id uuid PRIMARY KEY,
  external_id text UNIQUE CHECK (length(external_id) BETWEEN 1 AND 200),
  customer_id uuid REFERENCES customers (id),
  input jsonb NOT NULL CHECK (jsonb_typeof(input) = 'object'),
  action text CHECK (action IN ('approve', 'decline', 'refer')),
  decision_id uuid,
  submitted_by uuid REFERENCES users (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((action IS NULL) = (decision_id IS NULL))
);
CREATE INDEX applications_created ON applications (created_at DESC, id DESC);
CREATE INDEX applications_action ON applications (action, created_at DESC, id DESC);
CREATE INDEX applications_customer ON applications (customer_id);
CREATE INDEX applications_submitted_by ON applications (submitted_by);
CREATE TRIGGER applications_updated_at BEFORE UPDATE ON applications FOR EACH ROW EXECUTE FUNCTION credo_set_updated_at();

-- A decision never changes. kind: automatic (the decision answered), shadow (the champion's
-- decision for an application the challenger decided, shadow_of = that decision), override (an
-- officer's manual decision with a reason).
CREATE TABLE decisions (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES applications (id),
  kind text NOT NULL CHECK (kind IN ('automatic', 'shadow', 'override')),
  shadow_of uuid REFERENCES decisions (id),
  action text NOT NULL CHECK (action IN ('approve', 'decline', 'refer')),
  pd double precision CHECK (pd >= 0 AND pd <= 1),
  score double precision CHECK (score >= 300 AND score <= 850),
  reasons jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(reasons) = 'array'),
  limit_amount numeric CHECK (limit_amount >= 0),
  currency text NOT NULL DEFAULT 'USD' CHECK (currency ~ '^[A-Z]{3}$'),
  rate numeric CHECK (rate >= 0),
  policy_id uuid REFERENCES policies (id),
  policy_version integer,
  model_id uuid REFERENCES models (id),
  model_hash text,
  arm text CHECK (arm IN ('champion', 'challenger')),
  rules_fired jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(rules_fired) = 'array'),
  input_snapshot jsonb CHECK (jsonb_typeof(input_snapshot) = 'object'),
  as_of date,
  details jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(details) = 'object'),
  latency_us integer CHECK (latency_us >= 0),
  decided_by uuid REFERENCES users (id),
  reason text CHECK (length(reason) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((kind = 'shadow') = (shadow_of IS NOT NULL)),
  CHECK ((policy_id IS NULL) = (policy_version IS NULL)),
  CHECK (model_id IS NULL OR model_hash IS NOT NULL),
  -- A model decision carries everything needed to replay it; an override carries who and why.
  CHECK (kind = 'override' OR (policy_id IS NOT NULL AND model_hash IS NOT NULL AND arm IS NOT NULL AND input_snapshot IS NOT NULL AND pd IS NOT NULL AND score IS NOT NULL)),
  CHECK (kind <> 'override' OR (decided_by IS NOT NULL AND length(btrim(reason)) > 0))
);
CREATE UNIQUE INDEX decisions_one_automatic ON decisions (application_id) WHERE kind = 'automatic';
CREATE UNIQUE INDEX decisions_one_shadow ON decisions (shadow_of);
CREATE INDEX decisions_application ON decisions (application_id, created_at);
CREATE INDEX decisions_model ON decisions (model_id);
CREATE INDEX decisions_policy ON decisions (policy_id);
CREATE INDEX decisions_decided_by ON decisions (decided_by);

ALTER TABLE applications ADD CONSTRAINT applications_decision_fk
  FOREIGN KEY (decision_id) REFERENCES decisions (id) DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX applications_decision ON applications (decision_id);
`;
