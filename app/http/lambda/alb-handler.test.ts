import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { albEvent } from '../../testing/alb-event.js';
import { lambdaContext } from '../../testing/lambda-context.js';
import type { AppEnv } from '../app-env.js';
import { albHandler } from './alb-handler.js';

const app = new Hono<AppEnv>()
  .get('/cookies', (c) => {
    for (const shard of [0, 1, 2, 3]) {
      c.header('Set-Cookie', `AWSELBAuthSessionCookie-${shard}=; Max-Age=0; Path=/`, {
        append: true,
      });
    }
    c.header('X-Multi', 'a');
    c.header('X-Multi', 'b', { append: true });
    return c.redirect('https://auth.example.com/logout', 302);
  })
  .get('/echo', (c) => c.json({ q: c.req.query('q') ?? null, host: c.req.header('host') ?? null }));
const handler = albHandler(app);

function cookiesOf(headers: Record<string, unknown>): unknown[] {
  return Object.entries(headers)
    .filter(([name]) => name.toLowerCase() === 'set-cookie')
    .map(([, value]) => value);
}

describe('albHandler', () => {
  it('keeps all four Set-Cookie headers for a multi-value event', async () => {
    const result = await handler(albEvent({ path: '/cookies' }), lambdaContext());
    expect(result.statusCode).toBe(302);
    expect(result.multiValueHeaders?.['set-cookie']).toHaveLength(4);
    expect(result.headers).toBeUndefined();
  });

  it('keeps all four Set-Cookie headers for a single-value event, under distinct header names', async () => {
    const result = await handler(
      albEvent({ path: '/cookies', multiValue: false }),
      lambdaContext(),
    );
    expect(result.statusCode).toBe(302);
    expect(result.multiValueHeaders).toBeUndefined();
    const headers = result.headers ?? {};
    expect(cookiesOf(headers)).toEqual(
      [0, 1, 2, 3].map((shard) => expect.stringContaining(`AWSELBAuthSessionCookie-${shard}=`)),
    );
    expect(headers.location).toBe('https://auth.example.com/logout');
  });

  it('joins other repeated headers for a single-value event', async () => {
    const result = await handler(
      albEvent({ path: '/cookies', multiValue: false }),
      lambdaContext(),
    );
    expect(result.headers?.['x-multi']).toBe('a, b');
  });

  it('passes the single-value request headers and query through', async () => {
    const result = await handler(
      albEvent({ path: '/echo', query: { q: 'a b' }, multiValue: false }),
      lambdaContext(),
    );
    expect(JSON.parse(result.body)).toEqual({ q: 'a b', host: 'vpn.example.com' });
  });
});
