/**
 * The home-screen app's way back (issue 16). Opened from the home screen, iOS starts the
 * portal at the manifest's `start_url` (`/`), whatever page the employee was on: a
 * standalone web app that iOS evicted, or whose ALB session expired and that went through
 * the Cognito sign-in, starts again from the top. The SPA remembers the last route in
 * localStorage (the standalone app has its own, which survives restarts) and, when it
 * starts at `/` in standalone mode, goes back there. In a browser tab the address bar says
 * where one is, so nothing is restored.
 */
export const ROUTES = ['/', '/admin', '/setup'] as const;
export type Route = (typeof ROUTES)[number];

const storageKey = 'vpn-portal.route';

type RouteStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** `/setup/` and `/setup` are one route; anything else is the status page. */
export function routeOf(path: string): Route {
  const trimmed = path.replace(/\/+$/, '') || '/';
  return (ROUTES as readonly string[]).includes(trimmed) ? (trimmed as Route) : '/';
}

export function rememberRoute(route: Route, storage: RouteStorage | null = safeLocalStorage()) {
  try {
    storage?.setItem(storageKey, route);
  } catch {
    // Private browsing may refuse; the page still works, it just starts at the top.
  }
}

/** Where the app starts: the address it was opened at, or in standalone mode at `/`, the remembered route. */
export function startRoute(
  path: string,
  standalone: boolean,
  storage: RouteStorage | null = safeLocalStorage(),
): Route {
  const opened = routeOf(path);
  if (!standalone || opened !== '/') return opened;
  let remembered: string | null = null;
  try {
    remembered = storage?.getItem(storageKey) ?? null;
  } catch {
    remembered = null;
  }
  return remembered ? routeOf(remembered) : '/';
}

/** iOS sets `navigator.standalone`; other browsers answer the display-mode media query. */
export function isStandalone(): boolean {
  if (typeof window === 'undefined') return false;
  const iosStandalone = (navigator as Navigator & { standalone?: boolean }).standalone === true;
  return iosStandalone || window.matchMedia?.('(display-mode: standalone)').matches === true;
}

function safeLocalStorage(): RouteStorage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}
