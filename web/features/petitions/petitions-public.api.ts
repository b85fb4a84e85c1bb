/**
 * The citizen's side of petitions, without an account. Shapes: common/petitions.ts (types only:
 * the public page's bundle carries no zod). No TanStack Query either: the page makes four kinds of
 * request, and loads the first two before React starts (`preloadPublicPage`).
 */
import { useCallback, useEffect, useState } from 'react';
import type { PortalInfo, PublicIntakeBody, PublicStatus, Receipt } from '../../../common/petitions';
import { api } from '../../app/api-client';

export type PublicForm = { categories: { code: string; names: Record<string, string>; sortOrder: number }[]; units: { id: string; name: string }[] };

const PORTAL = '/api/public/portal';
const FORM = '/api/public/petitions/form';

// One request per URL for the page's life (the answers change with a release or a law, not
// while a citizen types); a failed one is forgotten so that "try again" asks again.
const cache = new Map<string, Promise<unknown>>();

function loadOnce<T>(url: string): Promise<T> {
  let pending = cache.get(url) as Promise<T> | undefined;
  if (!pending) {
    pending = api.get<T>(url);
    pending.catch(() => cache.delete(url));
    cache.set(url, pending);
  }
  return pending;
}

type Loaded<T> = { data: T | undefined; error: unknown; loading: boolean; retry: () => void };

/** The answer of a GET, loaded once; `url` null waits. */
function useLoad<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<{ url: string | null; data?: T; error?: unknown }>({ url: null });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!url) return;
    let current = true;
    loadOnce<T>(url).then(
      (data) => current && setState({ url, data }),
      (error: unknown) => current && setState({ url, error }),
    );
    return () => {
      current = false;
    };
  }, [url, attempt]);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const mine = url !== null && state.url === url;
  return { data: mine ? state.data : undefined, error: mine ? state.error : undefined, loading: url !== null && !mine, retry };
}

/** Starts the page's first two requests while the script and the language load. */
export function preloadPublicPage(): void {
  void loadOnce(PORTAL).catch(() => undefined);
  void loadOnce(FORM).catch(() => undefined);
}

/** Who runs the page, the notice in force, the retention rule and the time limits. */
export function usePortal() {
  return useLoad<PortalInfo>(PORTAL);
}

/** Categories and provinces (no parent), or the communes of a province. */
export function usePublicForm(parentId?: string | null, enabled = true) {
  return useLoad<PublicForm>(enabled ? (parentId ? `${FORM}?parentId=${encodeURIComponent(parentId)}` : FORM) : null);
}

type Mutation<A, R> = { run: (args: A) => Promise<R | undefined>; pending: boolean; error: unknown; reset: () => void };

/** A POST with its pending state and error (the error is kept until the next run). */
function useMutation<A, R>(send: (args: A) => Promise<R>): Mutation<A, R> {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = useCallback(
    async (args: A) => {
      setPending(true);
      setError(null);
      try {
        return await send(args);
      } catch (e) {
        setError(e);
        return undefined;
      } finally {
        setPending(false);
      }
    },
    [send],
  );
  return { run, pending, error, reset: useCallback(() => setError(null), []) };
}

const submit = (body: PublicIntakeBody) => api.post<Receipt>('/api/public/petitions', body);
const lookup = (body: { code: string; secret: string }) => api.post<PublicStatus>('/api/public/petitions/lookup', body);

export function useSubmitPetition() {
  return useMutation(submit);
}

export function useLookupPetition() {
  return useMutation(lookup);
}

/** A file as base64 for the JSON body. */
export function fileToBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
