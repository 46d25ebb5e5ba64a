import { Hono } from 'hono';
import { requestId } from 'hono/request-id';
import { describe, expect, it } from 'vitest';
import {
  AwsCallError,
  InvalidEventError,
  NotAdminError,
  SessionConflictError,
} from '../../core/model/errors.js';
import type { AppEnv } from '../app-env.js';
import { handleError } from './error-handler.js';

function appThrowing(error: Error) {
  const app = new Hono<AppEnv>().use(requestId()).get('/boom', () => {
    throw error;
  });
  app.onError(handleError);
  return app;
}

async function answer(error: Error) {
  const response = await appThrowing(error).request('/boom');
  return { status: response.status, body: await response.json(), headers: response.headers };
}

describe('handleError', () => {
  it('answers a session changed by two writers at once with 409, not a silent 500', async () => {
    const { status, body } = await answer(new SessionConflictError('20260302T090000Z-abcd'));
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'session_conflict' });
    expect(body.error.requestId).toEqual(expect.any(String));
  });

  it('answers an invalid event with 400', async () => {
    const { status, body } = await answer(new InvalidEventError('Not an alarm event.'));
    expect(status).toBe(400);
    expect(body.error.code).toBe('invalid_event');
  });

  it('answers a non-admin with 403 and AWS throttling with 503 and Retry-After', async () => {
    expect((await answer(new NotAdminError())).status).toBe(403);
    const throttled = await answer(new AwsCallError('associate', 'throttled', 'Rate exceeded'));
    expect(throttled.status).toBe(503);
    expect(throttled.headers.get('retry-after')).toBe('5');
    expect(throttled.body.error.message).toBe(
      'AWS is busy right now. Please try again in a moment.',
    );
  });

  it('asks the employee to tell an administrator when AWS refuses, and claims no notice was sent', async () => {
    // A notice goes out, but whether anyone reads it is unknown: "has been told" could be untrue.
    const { status, body } = await answer(
      new AwsCallError('associate', 'rejected', 'InvalidSubnetID.NotFound'),
    );
    expect(status).toBe(502);
    expect(body.error.message).toBe('AWS refused to change the VPN. Please tell an administrator.');
    expect(body.error.message).not.toMatch(/has been told/);
  });

  it('answers anything else with 500 internal and no stack', async () => {
    const { status, body } = await answer(new TypeError('x is undefined at foo.ts:12'));
    expect(status).toBe(500);
    expect(body.error).toMatchObject({ code: 'internal' });
    expect(JSON.stringify(body)).not.toContain('foo.ts');
  });
});
