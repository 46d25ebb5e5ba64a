/**
 * The iPad's clock may be minutes off. The portal sends `serverTime` with every status, so
 * the page keeps the difference and counts down in the server's time, not the device's.
 */

/** Server minus device clock, in ms, taking the request's midpoint as the moment measured. */
export function measureSkew(serverTime: string, sentAt: number, receivedAt: number): number {
  const server = Date.parse(serverTime);
  if (Number.isNaN(server)) return 0;
  return server - (sentAt + receivedAt) / 2;
}

export function serverNow(skewMs: number, deviceNow: number = Date.now()): number {
  return deviceNow + skewMs;
}

/** Whole seconds from the server's now until `iso` (negative once it has passed). */
export function secondsUntil(iso: string, skewMs: number, deviceNow: number = Date.now()): number {
  return Math.round((Date.parse(iso) - serverNow(skewMs, deviceNow)) / 1000);
}

export function secondsSince(iso: string, skewMs: number, deviceNow: number = Date.now()): number {
  return -secondsUntil(iso, skewMs, deviceNow);
}
