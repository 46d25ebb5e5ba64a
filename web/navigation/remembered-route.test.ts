import { describe, expect, it } from 'vitest';
import { rememberRoute, routeOf, startRoute } from './remembered-route';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('the remembered route (issue 16)', () => {
  it('brings the home-screen app back to the setup page it was on when it starts at /', () => {
    const storage = memoryStorage();
    rememberRoute('/setup', storage);
    expect(startRoute('/', true, storage)).toBe('/setup');
  });

  it('keeps the address a browser tab was opened at', () => {
    const storage = memoryStorage();
    rememberRoute('/setup', storage);
    expect(startRoute('/', false, storage)).toBe('/');
    expect(startRoute('/admin', true, storage)).toBe('/admin');
  });

  it('starts at / with nothing remembered, or something that is no route', () => {
    expect(startRoute('/', true, memoryStorage())).toBe('/');
    const storage = memoryStorage();
    storage.setItem('vpn-portal.route', 'https://evil.example.net/');
    expect(startRoute('/', true, storage)).toBe('/');
  });

  it('survives storage that refuses to be read', () => {
    const refusing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(() => rememberRoute('/setup', refusing)).not.toThrow();
    expect(startRoute('/', true, refusing)).toBe('/');
  });

  it('reads a trailing slash and unknown paths', () => {
    expect(routeOf('/setup/')).toBe('/setup');
    expect(routeOf('/nowhere')).toBe('/');
  });
});
