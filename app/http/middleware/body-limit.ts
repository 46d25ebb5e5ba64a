import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';

/**
 * 4 KiB. The API's only bodies are `{}` (connect, disconnect): a real request is a few
 * bytes, so 4 KiB leaves room for any small JSON the SPA may send one day while a client
 * can no longer make the Lambda (or the local server) read megabytes it will throw away.
 */
export const API_BODY_LIMIT_BYTES = 4 * 1024;

/**
 * Refuses a larger body with 413 before it is read: by its Content-Length, or, for a body
 * streamed without one, as soon as the bytes read pass the limit (the rest is never read).
 * The error handler words the refusal as `payload_too_large`.
 */
export function apiBodyLimit(maxSize = API_BODY_LIMIT_BYTES) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new HTTPException(413, {
        message: `The request body is larger than ${maxSize} bytes.`,
      });
    },
  });
}
