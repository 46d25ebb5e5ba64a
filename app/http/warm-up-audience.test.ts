import { describe, expect, it } from 'vitest';
import { createWarmUpView } from './warm-up-view.js';

// Issue 18: an endpoint's warm-up may say whose it is (`groups`); an employee sees
// "turns on at …" only for the warm-ups that are for everyone or for one of their groups.
const MONDAY_0700_SEOUL = new Date('2026-11-29T22:00:00.000Z');
const view = createWarmUpView({
  entries: [
    { days: ['mon'], time: '08:40', timeZone: 'Asia/Seoul', groups: ['developers'] },
    { days: ['mon'], time: '10:00', timeZone: 'Asia/Seoul' },
  ],
  holidays: [],
});

describe('warm-ups meant for some groups', () => {
  it('show their time to those groups', () => {
    expect(view.status(MONDAY_0700_SEOUL, ['employees', 'developers'])?.time).toBe('08:40');
  });

  it('are left out for everyone else, who see the next warm-up meant for them', () => {
    expect(view.status(MONDAY_0700_SEOUL, ['employees'])?.time).toBe('10:00');
    expect(view.status(MONDAY_0700_SEOUL, [])?.time).toBe('10:00');
  });

  it('all count where no viewer is named (the administrators’ overview)', () => {
    expect(view.status(MONDAY_0700_SEOUL)?.time).toBe('08:40');
  });

  it('leave nothing to show when every warm-up is someone else’s', () => {
    const onlyDevelopers = createWarmUpView({
      entries: [{ days: ['mon'], time: '08:40', timeZone: 'Asia/Seoul', groups: ['developers'] }],
      holidays: [],
    });
    expect(onlyDevelopers.status(MONDAY_0700_SEOUL, ['employees'])).toBeNull();
  });
});
