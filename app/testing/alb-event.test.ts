import { Hono } from 'hono';
import { handle } from 'hono/aws-lambda';
import { describe, expect, it } from 'vitest';
import { albEvent } from './alb-event.js';
import { lambdaContext } from './lambda-context.js';

// The fixture is only useful if Hono's own ALB adapter reads it as the request we meant.
const echo = new Hono().all('*', async (c) =>
  c.json({
    method: c.req.method,
    url: c.req.url,
    tags: c.req.queries('tag') ?? [],
    note: c.req.query('note') ?? null,
    auth: c.req.header('x-amzn-oidc-identity') ?? null,
    body: await c.req.text(),
  }),
);
const handler = handle(echo);

async function send(event: ReturnType<typeof albEvent>) {
  const result = await handler(event, lambdaContext());
  return JSON.parse(result.body) as Record<string, unknown>;
}

describe('albEvent', () => {
  it('builds a multi-value event that Hono reads as the intended request', async () => {
    const event = albEvent({
      method: 'post',
      path: '/api/connect',
      headers: { 'X-Amzn-Oidc-Identity': 'user-1', 'content-type': 'application/json' },
      query: { tag: ['a b', 'c&d'], note: 'ü' },
      body: '{"x":1}',
    });

    expect(event.multiValueHeaders?.['x-amzn-oidc-identity']).toEqual(['user-1']);
    expect(event.headers).toBeUndefined();
    expect(await send(event)).toMatchObject({
      method: 'POST',
      url: expect.stringMatching(/^https:\/\/vpn\.example\.com\/api\/connect\?/),
      tags: ['a b', 'c&d'],
      note: 'ü',
      auth: 'user-1',
      body: '{"x":1}',
    });
  });

  it('builds a single-value event when multi-value headers are off', async () => {
    const event = albEvent({ path: '/api/status', query: { note: 'hi' }, multiValue: false });

    expect(event.multiValueHeaders).toBeUndefined();
    expect(event.queryStringParameters).toEqual({ note: 'hi' });
    expect(await send(event)).toMatchObject({ method: 'GET', note: 'hi', body: '' });
  });

  it('base64-encodes a binary body', () => {
    const event = albEvent({ method: 'POST', body: new Uint8Array([0, 255]) });

    expect(event).toMatchObject({ body: 'AP8=', isBase64Encoded: true });
  });
});
