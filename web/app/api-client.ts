/**
 * The one way the web app talks to the API: JSON in, JSON out, errors as ApiError carrying the
 * server's stable code (the UI translates the code; it never shows the server's message).
 */
import { ERROR_CODES, type ErrorCode } from '../../common/errors';

/** NETWORK: the server did not answer (offline, restarting) or answered something that is not the API. */
export type ClientErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ClientErrorCode,
    readonly details: unknown,
  ) {
    super(code);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, code?: ClientErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** True when the session is gone: every such error sends the user to the sign-in page. */
export function isSessionLost(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401 && error.code !== 'INVALID_CREDENTIALS';
}

type Query = Record<string, string | number | boolean | null | undefined>;

/** `/api/x?a=1` from a path and the defined values of `query`. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  let response: Response;
  try {
    response = await fetch(apiUrl(path, query), {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'NETWORK', null);
  }
  const payload: unknown = await response.json().catch(() => undefined);
  if (response.ok) return payload as T;
  const error = (payload as { error?: { code?: unknown; details?: unknown } } | undefined)?.error;
  const code = (ERROR_CODES as readonly unknown[]).includes(error?.code) ? (error?.code as ErrorCode) : response.status >= 500 ? 'INTERNAL' : 'NETWORK';
  throw new ApiError(response.status, code, error?.details ?? null);
}

export const api = {
  get: <T>(path: string, query?: Query) => request<T>('GET', path, undefined, query),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path),
};
