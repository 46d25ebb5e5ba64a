import { describe, expect, it } from 'vitest';
import type { WarmUpSchedule } from '../core/model/warm-up-schedule.js';
import { warmUp } from '../core/warm-up.js';
import { silentLogger } from '../logging/logger.js';
import { type TestCoreDeps, testCoreDeps } from '../testing/core-deps.js';
import {
  oneEndpointPortal,
  testEndpointSettings,
  testPortalSettings,
} from '../testing/portal-settings.js';
import { createTestAuth, TEST_ADMIN_GROUP, testAdmin, testEmployee } from '../testing/test-keys.js';
import type { AdminSessionsBody, StatusBody } from './api-types.js';
import { createApp } from './create-app.js';

// TEST_START is Monday 2026-03-02 09:00 UTC: 18:00 in Seoul, after that day's warm-up.
const ORIGIN = 'https://vpn.example.com';
const auth = createTestAuth();
const WEEKDAYS_0840_SEOUL: WarmUpSchedule = {
  entries: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], time: '08:40', timeZone: 'Asia/Seoul' }],
  holidays: [],
};
const TUESDAY_0840_SEOUL = '2026-03-02T23:40:00.000Z';
const WEDNESDAY_0840_SEOUL = '2026-03-03T23:40:00.000Z';

const settings = testPortalSettings;

function portal(warmUpSchedule?: WarmUpSchedule, deps: TestCoreDeps = testCoreDeps()) {
  // Issue 18: the times are the endpoint's own, the holidays the deployment's.
  const withWarmUps = {
    ...settings,
    endpoints: [testEndpointSettings({ warmUps: warmUpSchedule?.entries ?? [] })],
  };
  const app = createApp({
    ...oneEndpointPortal(deps, {}, withWarmUps),
    auth: auth.verifier,
    logger: silentLogger,
    webRoot: null,
    ...(warmUpSchedule ? { warmUpHolidays: warmUpSchedule.holidays } : {}),
  });
  return { app, deps };
}

type App = ReturnType<typeof portal>['app'];

async function getJson<T>(app: App, path: string, as: 'employee' | 'admin' = 'employee') {
  const headers =
    as === 'admin'
      ? auth.headersFor(testAdmin, [TEST_ADMIN_GROUP])
      : auth.headersFor(testEmployee, ['staff']);
  const response = await app.request(`${ORIGIN}${path}`, {
    headers: { host: 'vpn.example.com', ...headers },
  });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

describe('GET /api/status with a warm-up schedule', () => {
  it('names the next warm-up: time, days, pattern, zone and instant', async () => {
    const { app } = portal(WEEKDAYS_0840_SEOUL);
    const body = await getJson<StatusBody>(app, '/api/status');
    expect(body.state).toBe('off');
    expect(body.warmUp).toEqual({
      time: '08:40',
      days: ['mon', 'tue', 'wed', 'thu', 'fri'],
      dayPattern: 'weekdays',
      timeZone: 'Asia/Seoul',
      nextAt: TUESDAY_0840_SEOUL,
    });
  });

  it('leaves the field out when no schedule is configured', async () => {
    const { app } = portal();
    expect(await getJson<StatusBody>(app, '/api/status')).not.toHaveProperty('warmUp');
    expect(
      await getJson<StatusBody>(portal({ entries: [], holidays: [] }).app, '/api/status'),
    ).not.toHaveProperty('warmUp');
  });

  it('skips a listed holiday', async () => {
    const { app } = portal({ ...WEEKDAYS_0840_SEOUL, holidays: ['2026-03-03'] });
    expect((await getJson<StatusBody>(app, '/api/status')).warmUp?.nextAt).toBe(
      WEDNESDAY_0840_SEOUL,
    );
  });

  it('moves on to the following warm-up once the next one has passed', async () => {
    const { app, deps } = portal(WEEKDAYS_0840_SEOUL);
    expect((await getJson<StatusBody>(app, '/api/status')).warmUp?.nextAt).toBe(TUESDAY_0840_SEOUL);
    deps.clock.advance(Date.parse(TUESDAY_0840_SEOUL) - deps.clock.now().getTime());
    expect((await getJson<StatusBody>(app, '/api/status')).warmUp?.nextAt).toBe(
      WEDNESDAY_0840_SEOUL,
    );
  });

  it('answers null when every scheduled day is a holiday', async () => {
    const sundays = Array.from({ length: 110 }, (_, week) =>
      new Date(Date.UTC(2026, 2, 8 + week * 7)).toISOString().slice(0, 10),
    );
    const { app } = portal({
      entries: [{ days: ['sun'], time: '09:00', timeZone: 'UTC' }],
      holidays: sundays,
    });
    const body = await getJson<StatusBody>(app, '/api/status');
    expect(body).toHaveProperty('warmUp', null);
  });

  it('also answers it from POST /api/connect', async () => {
    const { app } = portal(WEEKDAYS_0840_SEOUL);
    const response = await app.request(`${ORIGIN}/api/connect`, {
      method: 'POST',
      headers: {
        host: 'vpn.example.com',
        origin: ORIGIN,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        ...auth.headersFor(testEmployee, ['staff']),
      },
      body: '{}',
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as StatusBody;
    expect(body.state).toBe('starting');
    expect(body.warmUp?.nextAt).toBe(TUESDAY_0840_SEOUL);
  });
});

describe('GET /api/admin/sessions with a warm-up schedule', () => {
  it('lists the next five warm-ups, soonest first', async () => {
    const { app } = portal(WEEKDAYS_0840_SEOUL);
    const body = await getJson<AdminSessionsBody>(app, '/api/admin/sessions', 'admin');
    expect(body.warmUps).toEqual({
      next: [
        TUESDAY_0840_SEOUL,
        WEDNESDAY_0840_SEOUL,
        '2026-03-04T23:40:00.000Z',
        '2026-03-05T23:40:00.000Z',
        // Friday, then Monday: the weekend has none.
        '2026-03-08T23:40:00.000Z',
      ],
      costThisMonth: { sessions: 0, associationHours: 0, costUsd: 0 },
    });
  });

  it('says what the warm-ups cost this month', async () => {
    const { app, deps } = portal(WEEKDAYS_0840_SEOUL);
    await warmUp(deps, { at: deps.clock.now(), schedule: WEEKDAYS_0840_SEOUL });
    deps.advanceMinutes(30);
    const body = await getJson<AdminSessionsBody>(app, '/api/admin/sessions', 'admin');
    // Two subnets for half an hour at $0.10 per subnet-hour.
    expect(body.warmUps?.costThisMonth).toEqual({
      sessions: 1,
      associationHours: 1,
      costUsd: 0.1,
    });
    expect(body.sessions[0]?.startedBy).toBe('schedule');
  });

  it('leaves the field out without a schedule or warm-ups this month', async () => {
    const { app } = portal();
    const body = await getJson<AdminSessionsBody>(app, '/api/admin/sessions', 'admin');
    expect(body).not.toHaveProperty('warmUps');
  });

  it('still shows this month’s warm-up cost after the schedule was removed', async () => {
    const deps = testCoreDeps();
    await warmUp(deps, { at: deps.clock.now() });
    deps.advanceMinutes(60);
    const { app } = portal(undefined, deps);
    const body = await getJson<AdminSessionsBody>(app, '/api/admin/sessions', 'admin');
    expect(body.warmUps).toEqual({
      next: [],
      costThisMonth: { sessions: 1, associationHours: 2, costUsd: 0.2 },
    });
  });
});
