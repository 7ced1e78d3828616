/**
 * The one way the web app talks to the API: same-origin fetch with the session cookie, the CSRF
 * header on every write, and RFC 9457 problem+json turned into an ApiError that forms can show.
 */

export type FieldError = { field: string; message: string };

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly fields: FieldError[];

  constructor(status: number, code: string, detail: string, fields: FieldError[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.fields = fields;
  }

  /** Field errors keyed by their path in the request body ("billingAddress.country"). */
  fieldMessages(): Map<string, string> {
    const out = new Map<string, string>();
    for (const f of this.fields) {
      const key = f.field.replace(/^body\./, '');
      if (!out.has(key)) out.set(key, f.message);
    }
    return out;
  }
}

let csrfToken: string | null = null;

/** Remembered from sign-in and /me; sent as x-csrf-token on every write. */
export const setCsrfToken = (token: string | null) => {
  csrfToken = token;
};

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

export type Query = Record<string, string | number | boolean | null | undefined>;

export function withQuery(path: string, query: Query = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', 'Cannot reach the Keel server. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res.status, data);
  return data as T;
}

function toApiError(status: number, data: unknown): ApiError {
  const p = (data ?? {}) as { code?: unknown; detail?: unknown; title?: unknown; errors?: unknown };
  const detail =
    typeof p.detail === 'string'
      ? p.detail
      : typeof p.title === 'string'
        ? p.title
        : `The server answered ${status}.`;
  const fields = Array.isArray(p.errors)
    ? p.errors.filter((e): e is FieldError => typeof e?.field === 'string' && typeof e?.message === 'string')
    : [];
  return new ApiError(status, typeof p.code === 'string' ? p.code : `HTTP_${status}`, detail, fields);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', withQuery(path, query)),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
