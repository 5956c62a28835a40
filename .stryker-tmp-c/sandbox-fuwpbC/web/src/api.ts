/** A failed API call: the RFC 9457 problem the server sent (or a network failure). */
// @ts-nocheck

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const KEY = 'credo.key';

/** Takes `#key=…` from the address (what `credo start` prints) into sessionStorage and strips it from the URL. */
export function adoptKeyFromFragment(): void {
  const match = /^#key=(.+)$/.exec(window.location.hash);
  if (match?.[1] === undefined) return;
  sessionStorage.setItem(KEY, decodeURIComponent(match[1]));
  history.replaceState(null, '', window.location.pathname + window.location.search);
}

/** The API key of this tab, if one was entered. */
export function apiKey(): string | null {
  return sessionStorage.getItem(KEY);
}

/** Keeps (or, with null, forgets) the API key for this tab. */
export function setApiKey(key: string | null): void {
  if (key === null) sessionStorage.removeItem(KEY);
  else sessionStorage.setItem(KEY, key);
}

/** Calls the Credo API with the tab's bearer key; JSON (or `text` of a given type) in, JSON out; throws `ApiError` on a non-2xx answer. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string>; text?: { body: string; type: string } } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
  const key = apiKey();
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (init.text !== undefined) headers['content-type'] = init.text.type;
  const body = init.text !== undefined ? init.text.body : init.body === undefined ? undefined : JSON.stringify(init.body);
  let res: Response;
  try {
    res = await fetch(path, { method: init.method ?? 'GET', headers, ...(body === undefined ? {} : { body }) });
  } catch (error) {
    throw new ApiError(0, 'E_NETWORK', `the server did not answer (${String(error)})`);
  }
  const text = await res.text();
  const json = text === '' ? null : (JSON.parse(text) as unknown);
  if (!res.ok) {
    const p = (json ?? {}) as { code?: string; detail?: string; title?: string };
    throw new ApiError(res.status, p.code ?? `HTTP_${res.status}`, p.detail ?? p.title ?? res.statusText);
  }
  return json as T;
}

/** A stored or previewed decision as the API returns it. */
export interface Decision {
  id: string;
  action: 'approve' | 'decline' | 'refer';
  pd: number | null;
  score: number | null;
  reasons: { code: string; feature: string; text: string }[];
  limit: string | null;
  rate: string | null;
  policy_version: number | null;
  model_hash: string | null;
  arm: string | null;
  rules_fired?: string[];
  currency?: string;
  kind?: string;
  created_at?: string;
  latency_us?: number | null;
}

/** `GET /api/v1/setup`. */
export interface Setup {
  policy: { id: string; name: string; version: number };
  champion: { id: string; kind: string; hash: string };
  challenger: { id: string; kind: string; hash: string; share: number } | null;
  inputs: { name: string; type: 'number' | 'category'; categories?: string[] }[];
  /** The most recent approved application's data (the form starts from it). */
  example: AppData | null;
}

/** Application data: input name → value. */
export type AppData = Record<string, number | string | null>;
