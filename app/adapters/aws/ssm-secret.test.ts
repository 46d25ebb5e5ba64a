import { describe, expect, it, vi } from 'vitest';
import type { GetParameter, GetParameterAnswer } from './ssm-get-parameter.js';
import { createSsmSecret } from './ssm-secret.js';

/*
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html and
 * API_Parameter.html: the answer is `{ Parameter: { Name, Type, Value, Version, ARN,
 * DataType, LastModifiedDate } }`; Type is String | StringList | SecureString, and Value is
 * the decrypted text when WithDecryption is true. A missing name is `ParameterNotFound`.
 * The wire format itself is ssm-get-parameter.test.ts's concern.
 */

const NAME = '/vpn-portal/chat-webhook-url';
const URL = 'https://hooks.slack.com/services/T000/B000/XXXXXXXX';
const call = { sleep: vi.fn(async (_ms: number) => {}) };

function parameter(value: string | undefined): GetParameterAnswer {
  return {
    Parameter: {
      Name: NAME,
      Type: 'SecureString',
      ...(value === undefined ? {} : { Value: value }),
      Version: 3,
      ARN: `arn:aws:ssm:ap-northeast-2:123456789012:parameter${NAME}`,
      DataType: 'text',
      LastModifiedDate: 1735787045,
    },
  } as GetParameterAnswer;
}

const notFound = Object.assign(new Error(''), {
  name: 'ParameterNotFound',
  $fault: 'client',
  $metadata: { httpStatusCode: 400 },
});

/** A GetParameter that answers `answers` in turn (an Error is thrown) and keeps the names asked. */
function fakeSsm(...answers: (GetParameterAnswer | Error)[]) {
  const names: string[] = [];
  const getParameter: GetParameter = async (name) => {
    names.push(name);
    const answer = answers.length > 1 ? answers.shift() : answers[0];
    if (answer instanceof Error) throw answer;
    return answer ?? {};
  };
  return { getParameter, names };
}

describe('createSsmSecret', () => {
  it('reads the SecureString decrypted, once for every later use', async () => {
    const ssm = fakeSsm(parameter(URL));
    const secret = createSsmSecret({ getParameter: ssm.getParameter, name: NAME, call });

    const values = await Promise.all([secret(), secret()]);
    const later = await secret();

    expect(values).toEqual([URL, URL]);
    expect(later).toBe(URL);
    expect(ssm.names).toEqual([NAME]);
  });

  it('tries again on the next use after a failed read', async () => {
    const ssm = fakeSsm(notFound, parameter(URL));
    const secret = createSsmSecret({ getParameter: ssm.getParameter, name: NAME, call });

    await expect(secret()).rejects.toMatchObject({ code: 'aws_rejected' });
    await expect(secret()).resolves.toBe(URL);
  });

  it('refuses a parameter without a value, without echoing anything secret', async () => {
    const ssm = fakeSsm(parameter(undefined));
    const secret = createSsmSecret({ getParameter: ssm.getParameter, name: NAME, call });

    await expect(secret()).rejects.toThrow(`SSM parameter ${NAME} has no value.`);
  });
});
