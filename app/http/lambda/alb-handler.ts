import type { Hono, Schema } from 'hono';
import type { ALBRequestContext, APIGatewayProxyResult, LambdaContext } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';
import type { AppEnv } from '../app-env.js';

/** The ALB's Lambda target event ("Lambda functions as targets", ELB User Guide). */
export interface ALBEvent {
  httpMethod: string;
  path: string;
  headers?: Record<string, string | undefined>;
  multiValueHeaders?: Record<string, string[] | undefined>;
  queryStringParameters?: Record<string, string | undefined>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  body: string | null;
  isBase64Encoded: boolean;
  requestContext: ALBRequestContext;
}

export type ALBResult = APIGatewayProxyResult;

/**
 * Hono's adapter keeps every Set-Cookie only for multi-value ALB events; for single-value
 * events it keeps the first. Sign-out must expire four cookie shards, so a single-value
 * event is run through the multi-value path and its answer folded back, with the cookies
 * under differently-cased `Set-Cookie` names: the ALB passes each one through and the
 * browser, for which header names are case-insensitive, sees them all.
 */
export function albHandler<S extends Schema, B extends string>(app: Hono<AppEnv, S, B>) {
  const honoHandler = handle(app);
  return async (event: ALBEvent, context?: LambdaContext): Promise<ALBResult> => {
    if (event.multiValueHeaders) return honoHandler(event, context);
    const result = await honoHandler(toMultiValue(event), context);
    return toSingleValue(result);
  };
}

function toMultiValue(event: ALBEvent): ALBEvent {
  const { headers = {}, queryStringParameters, ...rest } = event;
  const multiValueHeaders: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) multiValueHeaders[name] = [value];
  }
  const multiValueQueryStringParameters: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(queryStringParameters ?? {})) {
    if (value !== undefined) multiValueQueryStringParameters[name] = [value];
  }
  return { ...rest, multiValueHeaders, multiValueQueryStringParameters };
}

function toSingleValue(result: ALBResult): ALBResult {
  const { multiValueHeaders = {}, ...rest } = result;
  const headers: Record<string, string> = {};
  for (const [name, values] of Object.entries(multiValueHeaders as Record<string, string[]>)) {
    if (name.toLowerCase() === 'set-cookie') {
      values.forEach((value, index) => {
        headers[caseVariant('set-cookie', index)] = value;
      });
    } else if (values.length > 0) {
      headers[name] = values.join(', ');
    }
  }
  return { ...rest, headers };
}

/** set-cookie, Set-cookie, sEt-cookie, SEt-cookie, …: distinct keys, one header to browsers. */
function caseVariant(name: string, index: number): string {
  let result = '';
  let bits = index;
  for (const char of name) {
    if (/[a-z]/.test(char)) {
      result += bits & 1 ? char.toUpperCase() : char;
      bits >>= 1;
    } else result += char;
  }
  return result;
}
