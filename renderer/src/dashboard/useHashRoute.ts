// The dashboard's views live in the URL hash (`#instance/123`, `#settings`, `#history`), the same
// hashes the shell and the browser bridge use for "open the dashboard on…" (preload/contract.ts).
import { useCallback, useSyncExternalStore } from 'react';

export type Route = { view: 'fleet'; instanceId: number | null } | { view: 'settings' } | { view: 'history' };

export function parseHash(hash: string): Route {
  const value = hash.replace(/^#\/?/, '');
  if (value === 'settings') return { view: 'settings' };
  if (value === 'history') return { view: 'history' };
  const match = /^instance\/(\d+)$/.exec(value);
  return { view: 'fleet', instanceId: match ? Number(match[1]) : null };
}

export function routeHash(route: Route): string {
  if (route.view === 'fleet') return route.instanceId === null ? '#' : `#instance/${route.instanceId}`;
  return `#${route.view}`;
}

const subscribe = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
};

export function useHashRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((route: Route) => {
    const next = routeHash(route);
    if (next === '#' && !window.location.hash) return;
    window.location.hash = next;
  }, []);
  return [parseHash(hash), navigate];
}
