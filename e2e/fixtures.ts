import {
  type APIRequestContext,
  type BrowserContext,
  test as base,
  expect,
  type Page,
} from '@playwright/test';
import type { StatusBody } from '../app/http/api-types';

/**
 * Shared fixtures for the e2e stories: `signInAs` opens a fresh iPad (browser context) and
 * signs in through the local ALB stand-in's page; `simulator` drives the simulated AWS
 * through its JSON API under /_local and is reset before every test.
 */

/** Roles map to the demo users local mode offers (app/local-mode/demo-users.ts). */
export type Person = 'employee' | 'admin' | 'minjun' | 'hanako' | 'emma' | 'seojun';
const demoKey: Record<Person, string> = {
  employee: 'emma',
  admin: 'admin',
  minjun: 'minjun',
  hanako: 'hanako',
  emma: 'emma',
  // Issue 18: in the `developers` group, so the only one who may use both endpoints.
  seojun: 'seojun',
};

export interface SignInOptions {
  /** The iPad's language, e.g. `ko-KR`; the project's `en-US` otherwise. */
  locale?: string;
  /** Where the person goes first; the sign-in page sends them back there. */
  path?: string;
}

export interface SimulatedClient {
  connectionId: string;
  user: string;
  status: string;
}

export interface SimulatorState {
  now: string;
  advancedMinutes: number;
  associations: { associationId: string; subnetId: string; status: string }[];
  clients: SimulatedClient[];
  alarm: { value: string };
  users: { key: string; name: string; email: string }[];
}

export interface Simulator {
  state(): Promise<SimulatorState>;
  /** A fake VPN client of this demo user (key) connects; returns its connection id. */
  connectClient(person: Person): Promise<string>;
  disconnectClient(connectionId: string): Promise<void>;
  /** `keepalive-only`: the iPad is put away with its VPN app still connected. */
  setClientTraffic(connectionId: string, traffic: 'working' | 'keepalive-only'): Promise<void>;
  /** Moves the simulated clock; the idle alarm and the sweep run right after. */
  advance(minutes: number): Promise<SimulatorState>;
  /**
   * Stops real time from moving the simulated clock (advance still does), so a state that
   * lasts a simulated second, such as `starting`, waits for the test however slow the machine.
   */
  pauseClock(): Promise<void>;
  resumeClock(): Promise<void>;
  /** The next association ends `association-failed` instead of `associated`. */
  failNextAssociation(message?: string): Promise<void>;
  /** The next call (of `operation`, or any) fails as AWS would when unreachable or busy. */
  injectFault(kind: 'unavailable' | 'throttled', operation?: string): Promise<void>;
  reset(): Promise<void>;
  /** The simulated endpoint's client authentication (issue 16); a reset makes it mutual again. */
  useAuthentication(authentication: 'mutual' | 'directory' | 'federated'): Promise<void>;
  /** The portal's own status answer, as `person` would get it. */
  statusAs(page: Page): Promise<StatusBody>;
}

interface Fixtures {
  simulator: Simulator;
  signInAs: (who: Person, options?: SignInOptions) => Promise<Page>;
}

export const test = base.extend<Fixtures>({
  // Each worker has its own local server (playwright.config.ts): tests never share one.
  // biome-ignore lint/correctness/noEmptyPattern: Playwright reads fixture names from this pattern
  baseURL: async ({}, use, testInfo) => {
    const ports = process.env.E2E_PORTS?.split(',') ?? [];
    const port = ports[testInfo.parallelIndex];
    if (!port) {
      throw new Error(`No local server for worker ${testInfo.parallelIndex}: use --workers≤2`);
    }
    await use(`http://localhost:${port}`);
  },
  simulator: [
    async ({ request }, use) => {
      const simulator = createSimulator(request);
      await simulator.reset(); // every story starts with the VPN off and no history
      await use(simulator);
    },
    { auto: true },
  ],

  signInAs: async (
    { browser, baseURL, viewport, userAgent, deviceScaleFactor, isMobile, hasTouch, locale },
    use,
  ) => {
    const contexts: BrowserContext[] = [];
    await use(async (who, options = {}) => {
      const context = await browser.newContext({
        baseURL: baseURL ?? '',
        viewport,
        userAgent,
        deviceScaleFactor,
        isMobile,
        hasTouch,
        locale: options.locale ?? locale,
      });
      contexts.push(context);
      // The page's timers run on a clock the test can move (see `letTimePass`).
      await context.clock.install();
      const page = await context.newPage();
      await page.goto(options.path ?? '/');
      await expect(page).toHaveURL(/\/_local\/signin/);
      const users = await (await page.request.get('/_local/api/state')).json();
      const user = (users as SimulatorState).users.find((u) => u.key === demoKey[who]);
      if (!user) throw new Error(`No demo user ${demoKey[who]} in local mode`);
      await page.getByRole('button', { name: `Sign in as ${user.name}` }).tap();
      await expect(page).toHaveURL(new URL(options.path ?? '/', baseURL).href);
      return page;
    });
    for (const context of contexts) await context.close();
  },
});

export { expect };

/**
 * The iPad waits `seconds`: its timers (the next status poll, countdowns) fire at once
 * instead of the test sleeping. The server's own time is not touched.
 */
export async function letTimePass(page: Page, seconds: number): Promise<void> {
  await page.clock.fastForward(seconds * 1000);
}

/**
 * An endpoint's API call, through today's route (`/api/connect`) or its endpoint's own
 * (`/api/endpoints/vpn/connect`): the page with one endpoint calls the latter since issue 18,
 * and both answer alike. For `page.route` and for matching requests and responses.
 */
export function endpointApi(call: 'status' | 'connect'): RegExp {
  return new RegExp(`/api/(endpoints/[^/]+/)?${call}$`);
}

/** The status poll comes at most every 30 s (while off); letting that pass polls now. */
export function nextPoll(page: Page): Promise<void> {
  return letTimePass(page, 30);
}

function createSimulator(api: APIRequestContext): Simulator {
  const post = async <T>(path: string, data: unknown = {}): Promise<T> => {
    const response = await api.post(`/_local/api/${path}`, { data });
    if (!response.ok()) {
      throw new Error(`simulator ${path}: ${response.status()} ${await response.text()}`);
    }
    return (await response.json()) as T;
  };
  return {
    state: async () => (await (await api.get('/_local/api/state')).json()) as SimulatorState,
    connectClient: async (person) => {
      const body = await post<{ client: SimulatedClient }>('clients', { user: demoKey[person] });
      return body.client.connectionId;
    },
    disconnectClient: async (connectionId) => {
      await post(`clients/${connectionId}/disconnect`);
    },
    setClientTraffic: async (connectionId, traffic) => {
      await post(`clients/${connectionId}/traffic`, { traffic });
    },
    advance: (minutes) => post<SimulatorState>('clock/advance', { minutes }),
    pauseClock: async () => {
      await post('clock/pause', { paused: true });
    },
    resumeClock: async () => {
      await post('clock/pause', { paused: false });
    },
    failNextAssociation: async (message) => {
      await post('faults', { kind: 'association-failed', ...(message ? { message } : {}) });
    },
    injectFault: async (kind, operation) => {
      await post('faults', { kind, ...(operation ? { operation } : {}) });
    },
    reset: async () => {
      await post('reset');
    },
    useAuthentication: async (authentication) => {
      await post('client-config', { authentication });
    },
    statusAs: async (page) => (await (await page.request.get('/api/status')).json()) as StatusBody,
  };
}
