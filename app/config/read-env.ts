import type * as z from './validation.js';

/**
 * Reading one environment variable into a typed value: the loaders of app/config all read
 * through these, so a bad or missing value always stops start-up with a message that names
 * the variable ("Setting IDLE_TIMEOUT_MINUTES must be a multiple of 5 …").
 */
export type Env = Record<string, string | undefined>;

export class SettingsError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`Setting ${variable} ${problem}`);
    this.name = 'SettingsError';
  }
}

/** The trimmed value, or undefined when the variable is unset or blank. */
export function present(raw: string | undefined): string | undefined {
  const text = raw?.trim() ?? '';
  return text === '' ? undefined : text;
}

/** A required value, or `fallback` when unset; the value is checked, the fallback is not. */
export function readValue<T>(
  variable: string,
  schema: z.ZodMiniType<T>,
  raw: string | undefined,
  fallback?: T,
): T {
  const text = present(raw);
  if (text === undefined) {
    if (fallback === undefined) throw new SettingsError(variable, 'is required');
    return fallback;
  }
  return check(variable, schema, text);
}

/** An optional value: null when unset. */
export function readOptional<T>(
  variable: string,
  schema: z.ZodMiniType<T>,
  raw: string | undefined,
): T | null {
  const text = present(raw);
  return text === undefined ? null : check(variable, schema, text);
}

/** A JSON value (`fallback` when unset), checked against `schema`. */
export function readJson<T>(
  variable: string,
  schema: z.ZodMiniType<T>,
  raw: string | undefined,
  fallback: T,
): T {
  const text = present(raw);
  if (text === undefined) return fallback;
  return checkParsed(variable, schema, parseJson(variable, text));
}

export function parseJson(variable: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new SettingsError(variable, 'is not valid JSON');
  }
}

/** Checks a value read from text: the message quotes what was given. */
function check<T>(variable: string, schema: z.ZodMiniType<T>, text: string): T {
  const result = schema.safeParse(text);
  if (result.success) return result.data;
  throw new SettingsError(
    variable,
    `${result.error.issues[0]?.message ?? 'is invalid'} (got "${text}")`,
  );
}

/** Checks a structured value (parsed JSON, a split list): the message says where it is wrong. */
export function checkParsed<T>(variable: string, schema: z.ZodMiniType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new SettingsError(variable, `is invalid${where}: ${issue?.message ?? 'unexpected value'}`);
}
