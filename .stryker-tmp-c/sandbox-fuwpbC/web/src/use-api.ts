// @ts-nocheck
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, api } from './api.js';

/** Loading, failed or loaded: the three states every view shows. */
export type Loadable<T> = { state: 'loading' } | { state: 'error'; error: ApiError } | { state: 'ok'; data: T };

/** Loads `path` (null = nothing yet) and reloads on `reload()`; any fetcher may replace the GET. */
export function useApi<T>(path: string | null, fetcher?: () => Promise<T>): Loadable<T> & { reload: () => void } {
  const [value, setValue] = useState<Loadable<T>>({ state: 'loading' });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setValue({ state: 'loading' });
    (fetcher ?? (() => api<T>(path)))().then(
      (data) => live && setValue({ state: 'ok', data }),
      (error: unknown) => live && setValue({ state: 'error', error: error instanceof ApiError ? error : new ApiError(0, 'E_CLIENT', String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [path, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { ...value, reload };
}
