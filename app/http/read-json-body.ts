import type { Context } from 'hono';
import type * as z from '../config/validation.js';
import { InvalidRequestError } from '../core/model/errors.js';

/**
 * Validates a JSON body at the edge. An empty body counts as `{}`; anything else must be
 * `application/json` that parses and matches `schema`, or the answer is a 400.
 */
export async function readJsonBody<T>(c: Context, schema: z.ZodMiniType<T>): Promise<T> {
  const text = await c.req.text();
  let value: unknown = {};
  if (text.trim() !== '') {
    const type = c.req.header('content-type') ?? '';
    if (!/^application\/json\b/i.test(type)) {
      throw new InvalidRequestError(
        'The request body must be JSON (Content-Type: application/json).',
      );
    }
    try {
      value = JSON.parse(text);
    } catch {
      throw new InvalidRequestError('The request body is not valid JSON.');
    }
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : '';
    throw new InvalidRequestError(
      `Invalid request body${where}: ${issue?.message ?? 'unexpected value'}.`,
    );
  }
  return result.data;
}
