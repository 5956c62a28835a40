// @ts-nocheck
// 
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { CredoError } from '../errors/index.js';
import { type FrameSchema, parseSchema } from '../frame/index.js';
// Type-only: the file format is generic, but loading returns the ml layer's model type (the
// lead's contract). The layering check flags this io → ml import; see the GBDT report.
import type { CredoModel } from '../ml/model.js';

/**
 * What a model file stores: `CredoModel` (src/ml/model.ts) is assignable to it; `loadModel`
 * and `parseModel` return `CredoModel` unless told otherwise.
 */
export interface StoredModel {
  readonly kind: string;
  readonly schema: FrameSchema;
  readonly target: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly metrics: Readonly<Record<string, unknown>>;
  readonly createdAt: string;
  readonly body: unknown;
}

/** Marker of a Credo model file. */
export const MODEL_FORMAT = 'credo-model';
/** The model-file version this Credo writes and reads. */
export const MODEL_FORMAT_VERSION = 1;

/** Model kinds a file may hold (the same list as `ModelKind` in src/ml/model.ts). */
export const MODEL_KINDS: readonly string[] = ['gbdt', 'forest', 'logistic', 'scorecard', 'mlp', 'svm', 'ensemble'];

/**
 * The on-disk form: `{format, format_version, kind, created_at, target, schema, params, metrics,
 * body, sha256}`. `sha256` is the hex SHA-256 of the canonical JSON (keys sorted, no spaces,
 * non-finite numbers as null) of every other field.
 */
export interface ModelFileContent {
  readonly format: typeof MODEL_FORMAT;
  readonly format_version: number;
  readonly kind: string;
  readonly created_at: string;
  readonly target: string;
  readonly schema: unknown;
  readonly params: unknown;
  readonly metrics: unknown;
  readonly body: unknown;
  readonly sha256: string;
}

/** Canonical JSON: object keys sorted, non-finite numbers as null (so the hash is well defined). */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number') return Number.isFinite(value) ? JSON.stringify(value) : 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (ArrayBuffer.isView(value)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  throw new CredoError('E_INTERNAL', { summary: `cannot serialise a ${typeof value} into a model file` });
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Serialises a model to model-file text (canonical JSON with its hash). */
export function serializeModel(model: StoredModel): string {
  const content = {
    format: MODEL_FORMAT,
    format_version: MODEL_FORMAT_VERSION,
    kind: model.kind,
    created_at: model.createdAt,
    target: model.target,
    schema: model.schema,
    params: model.params,
    metrics: model.metrics,
    body: model.body,
  };
  const canonical = canonicalJson(content);
  return `${canonical.slice(0, -1)},"sha256":${JSON.stringify(sha256Hex(canonical))}}\n`;
}

/** Writes a model file. */
export async function saveModel(model: StoredModel, path: string): Promise<void> {
  try {
    await writeFile(path, serializeModel(model), 'utf8');
  } catch (error) {
    throw new CredoError('E_FILE_WRITE', { file: path, problem: (error as Error).message }, { cause: error });
  }
}

/** Reads and verifies a model file (see `parseModel`); `M` is the caller's model type (e.g. `CredoModel`). */
export async function loadModel<M extends StoredModel = CredoModel>(path: string): Promise<M> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new CredoError('E_FILE_NOT_FOUND', { file: path });
    throw error;
  }
  return parseModel<M>(text, path);
}

/**
 * Parses and verifies model-file text: `E_MODEL_FORMAT` when it is not a Credo model (not
 * JSON, wrong marker, malformed fields), `E_MODEL_VERSION` for an unknown format version,
 * `E_MODEL_TAMPERED` when the content no longer matches its SHA-256. The kind must be one of
 * `MODEL_KINDS`; GBDT bodies are checked structurally so a crafted file cannot
 * crash prediction.
 */
export function parseModel<M extends StoredModel = CredoModel>(text: string, file = '(model)'): M {
  const fail = (problem: string): never => {
    throw new CredoError('E_MODEL_FORMAT', { file, problem });
  };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    fail('not valid JSON');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return fail('not a JSON object');
  const o = raw as Record<string, unknown>;
  if (o.format !== MODEL_FORMAT) fail(`"format" must be "${MODEL_FORMAT}" (is this a Credo model file?)`);
  if (o.format_version !== MODEL_FORMAT_VERSION) {
    throw new CredoError('E_MODEL_VERSION', { file, version: JSON.stringify(o.format_version), supported: MODEL_FORMAT_VERSION });
  }
  if (typeof o.sha256 !== 'string') fail('"sha256" is missing');
  const { sha256, ...content } = o;
  const actual = sha256Hex(canonicalJson(content));
  if (actual !== sha256) throw new CredoError('E_MODEL_TAMPERED', { file, expected: sha256, actual });
  if (!MODEL_KINDS.includes(o.kind as string)) fail(`unknown model kind ${JSON.stringify(o.kind)}`);
  if (typeof o.created_at !== 'string') fail('"created_at" must be a string');
  if (typeof o.target !== 'string') fail('"target" must be a string');
  const schema = parseSchema(o.schema, `model file "${file}" schema`);
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (!isObject(o.params)) fail('"params" must be an object');
  if (!isObject(o.metrics)) fail('"metrics" must be an object');
  if (!isObject(o.body)) fail('"body" must be an object');
  if (o.kind === 'gbdt' || o.kind === 'forest') checkTreeBody(o.body as Record<string, unknown>, fail);
  else checkLearnerBody(o.kind as string, o.body as Record<string, unknown>, fail);
  return {
    kind: o.kind as string,
    schema,
    target: o.target as string,
    params: o.params as Record<string, unknown>,
    metrics: o.metrics as Record<string, unknown>,
    createdAt: o.created_at as string,
    body: o.body,
  } as unknown as M;
}

/** Structural checks of a tree body so a hand-edited file (with a fixed hash) cannot crash prediction. */
function checkTreeBody(body: Record<string, unknown>, fail: (problem: string) => never): void {
  const e = body.ensemble as Record<string, unknown> | undefined;
  if (typeof e !== 'object' || e === null || !Array.isArray(e.trees) || !Array.isArray(e.features))
    fail('"body.ensemble" must hold "trees" and "features" arrays');
  const ensemble = e as { trees: Record<string, unknown>[]; features: unknown[]; baseScore: unknown };
  if (typeof ensemble.baseScore !== 'number') fail('"body.ensemble.baseScore" must be a number');
  const featureCount = ensemble.features.length;
  ensemble.trees.forEach((t, k) => {
    const fields = ['feature', 'threshold', 'left', 'right', 'defaultLeft', 'categoryStart', 'categoryCount', 'value', 'cover', 'gain'];
    const feature = t.feature as unknown[];
    if (!Array.isArray(feature) || feature.length === 0) fail(`tree ${k}: "feature" must be a non-empty array`);
    for (const name of fields) {
      const a = t[name];
      if (!Array.isArray(a) || a.length !== feature.length || a.some((x) => typeof x !== 'number'))
        fail(`tree ${k}: "${name}" must be ${feature.length} numbers`);
    }
    if (!Array.isArray(t.categories)) fail(`tree ${k}: "categories" must be an array`);
    const size = feature.length;
    for (let n = 0; n < size; n++) {
      const f = feature[n] as number;
      if (f < 0) continue;
      const l = (t.left as number[])[n]!;
      const r = (t.right as number[])[n]!;
      if (f >= featureCount || !(l > n && l < size) || !(r > n && r < size)) fail(`tree ${k}: node ${n} has an invalid feature or child index`);
    }
  });
}

/** Structural checks of mlp, svm and ensemble bodies (members recursively), so prediction cannot crash on a hand-edited file. */
function checkLearnerBody(kind: string, body: Record<string, unknown>, fail: (problem: string) => never): void {
  const numbers = (v: unknown) => Array.isArray(v) && v.every((x) => typeof x === 'number');
  if (kind === 'mlp') {
    const sizes = body.sizes as number[];
    if (!numbers(sizes) || sizes.length < 2 || sizes[sizes.length - 1] !== 1) fail('"body.sizes" must be layer sizes ending in 1');
    let total = 0;
    for (let l = 0; l + 1 < sizes.length; l++) total += (sizes[l]! + 1) * sizes[l + 1]!;
    if (!numbers(body.theta) || (body.theta as number[]).length !== total) fail(`"body.theta" must be ${total} numbers`);
    const encoder = body.encoder as { width?: unknown; features?: unknown } | undefined;
    if (typeof encoder !== 'object' || encoder === null || encoder.width !== sizes[0] || !Array.isArray(encoder.features))
      fail('"body.encoder" must describe the input layer');
  } else if (kind === 'svm') {
    const logit = body.logit as { intercept?: unknown; terms?: unknown } | undefined;
    if (typeof logit !== 'object' || logit === null || typeof logit.intercept !== 'number' || !Array.isArray(logit.terms))
      fail('"body.logit" must hold "intercept" and "terms"');
  } else if (kind === 'ensemble') {
    const members = body.members as Record<string, unknown>[];
    if (!Array.isArray(members) || members.length === 0) fail('"body.members" must be a non-empty array');
    if (!numbers(body.weights) || (body.weights as number[]).length !== members.length) fail('"body.weights" must be one number per member');
    members.forEach((m, k) => {
      const memberFail = (problem: string): never => fail(`member ${k}: ${problem}`);
      if (typeof m !== 'object' || m === null || !MODEL_KINDS.includes(m.kind as string) || m.kind === 'ensemble') memberFail('unknown or nested member kind');
      parseSchema(m.schema, `ensemble member ${k} schema`);
      if (typeof m.body !== 'object' || m.body === null) memberFail('"body" must be an object');
      if (m.kind === 'gbdt' || m.kind === 'forest') checkTreeBody(m.body as Record<string, unknown>, memberFail);
      else checkLearnerBody(m.kind as string, m.body as Record<string, unknown>, memberFail);
    });
  }
}
