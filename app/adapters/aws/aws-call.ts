import { AwsCallError } from '../../core/model/errors.js';
import type { AwsWords } from '../../core/model/health.js';

/**
 * The one wrapper every AWS adapter puts around `client.send(...)`: a per-attempt timeout,
 * retries with backoff for throttling and transient failures, and a typed `AwsCallError`
 * at the end. Clients are built with `maxAttempts: 1` (aws-clients.ts) so the SDK's own
 * retry does not multiply ours: 3 × 3 SDK attempts would blow the Lambda's time budget.
 */
export interface AwsCallOptions {
  /** Per attempt; keep it well under the Lambda timeout. */
  timeoutMs?: number;
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Injected so tests don't wait. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

const DEFAULT_AWS_CALL_TIMEOUT_MS = 3_000;
const DEFAULT_MAX_ATTEMPTS = 3;

const THROTTLING_NAMES = new Set([
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ProvisionedThroughputExceededException',
  'RequestThrottled',
  'RequestThrottledException',
]);
/** Socket-level failures worth one more try; DNS failures are not (they won't heal in 1 s). */
const TRANSIENT_NETWORK_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT']);

interface AwsErrorShape {
  name?: unknown;
  Code?: unknown;
  code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  $retryable?: { throttling?: unknown };
}

/** Thrown by the wrapper itself when an attempt outlives `timeoutMs`. */
class CallTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no answer within ${timeoutMs} ms`);
    this.name = 'CallTimeoutError';
  }
}

type Classification =
  | { kind: 'throttled'; retry: true }
  | { kind: 'unavailable'; retry: boolean }
  | { kind: 'rejected'; retry: false };

function shapeOf(error: unknown): AwsErrorShape {
  return typeof error === 'object' && error !== null ? (error as AwsErrorShape) : {};
}

/**
 * The AWS error code of `error`, looking through an `AwsCallError` to its cause, so adapters
 * can recognise AWS's "already done" answers after the wrapper has typed them.
 */
export function awsErrorName(error: unknown): string | undefined {
  const raw = error instanceof AwsCallError ? error.cause : error;
  const shape = shapeOf(raw);
  for (const candidate of [shape.name, shape.Code, shape.code]) {
    if (typeof candidate === 'string' && candidate !== 'Error') return candidate;
  }
  return undefined;
}

/** Longest AWS message a health check quotes: UnauthorizedOperation's can carry kilobytes. */
const WORDS_MAX_LENGTH = 500;

/**
 * An error in AWS's own words, for a health check to quote: its code and message, looking
 * through an `AwsCallError` to what AWS answered (or to the timeout that answered instead).
 */
export function awsWords(error: unknown): AwsWords {
  const raw = error instanceof AwsCallError && error.cause !== undefined ? error.cause : error;
  const code = awsErrorName(error) ?? (raw instanceof Error ? raw.name : 'Error');
  const said = shapeOf(raw).message;
  const message =
    typeof said === 'string' && said !== ''
      ? said
      : error instanceof Error
        ? error.message
        : String(error);
  return {
    code,
    message:
      message.length <= WORDS_MAX_LENGTH ? message : `${message.slice(0, WORDS_MAX_LENGTH - 1)}…`,
  };
}

function classify(error: unknown): Classification {
  if (error instanceof CallTimeoutError) return { kind: 'unavailable', retry: false };
  const shape = shapeOf(error);
  const name = awsErrorName(error) ?? '';
  if (THROTTLING_NAMES.has(name) || shape.$retryable?.throttling === true) {
    return { kind: 'throttled', retry: true };
  }
  // The SDK's own socket timeouts and aborts: like ours, not worth repeating in the same call.
  if (name === 'TimeoutError' || name === 'AbortError' || name === 'RequestTimeout') {
    return { kind: 'unavailable', retry: false };
  }
  const status = shape.$metadata?.httpStatusCode;
  const serverSide =
    shape.$fault === 'server' ||
    shape.$retryable !== undefined ||
    (typeof status === 'number' && status >= 500);
  if (serverSide || TRANSIENT_NETWORK_CODES.has(String(shape.code))) {
    return { kind: 'unavailable', retry: true };
  }
  if (typeof status !== 'number' && shape.$fault === undefined) {
    // No HTTP answer at all (DNS, TLS, ...): AWS was not reached.
    return { kind: 'unavailable', retry: false };
  }
  return { kind: 'rejected', retry: false };
}

function plainMessage(
  operation: string,
  kind: Classification['kind'],
  error: unknown,
  attempts: number,
): string {
  if (error instanceof CallTimeoutError) {
    return `${operation}: AWS did not answer within ${error.timeoutMs / 1000} s.`;
  }
  const detail = typeof shapeOf(error).message === 'string' ? String(shapeOf(error).message) : '';
  const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
  switch (kind) {
    case 'throttled':
      return `${operation}: AWS asked us to slow down; gave up after ${tries}.`;
    case 'unavailable':
      return `${operation}: AWS could not be reached or failed (${detail || 'no details'}); gave up after ${tries}.`;
    case 'rejected':
      return `${operation}: AWS refused the request (${awsErrorName(error) ?? 'error'}: ${detail || 'no details'}).`;
  }
}

async function attemptWithTimeout<T>(
  send: (abortSignal: AbortSignal) => Promise<T>,
  timeoutMs: number,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  // The race makes the timeout hold even when `send` ignores the signal (as stubs do).
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort();
      reject(new CallTimeoutError(timeoutMs));
    }, timeoutMs);
  });
  try {
    return await Promise.race([send(controller.signal), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `send` (which must pass the signal on: `client.send(command, { abortSignal })`),
 * retrying throttling and transient failures, and maps the final failure to `AwsCallError`.
 */
export async function awsCall<T>(
  operation: string,
  send: (abortSignal: AbortSignal) => Promise<T>,
  options: AwsCallOptions = {},
): Promise<T> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_AWS_CALL_TIMEOUT_MS;
  const maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
  const baseDelayMs = options.baseDelayMs ?? 100;
  const maxDelayMs = options.maxDelayMs ?? 1_000;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;

  for (let attempt = 1; ; attempt += 1) {
    try {
      return await attemptWithTimeout(send, timeoutMs);
    } catch (error) {
      const { kind, retry } = classify(error);
      if (!retry || attempt >= maxAttempts) {
        throw new AwsCallError(operation, kind, plainMessage(operation, kind, error, attempt), {
          cause: error,
        });
      }
      // Exponential backoff with "equal jitter": never zero, never in lockstep with other callers.
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      await sleep(ceiling / 2 + random() * (ceiling / 2));
    }
  }
}
