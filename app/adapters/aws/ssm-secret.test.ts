import { GetParameterCommand, SSMClient, SSMServiceException } from '@aws-sdk/client-ssm';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createSsmSecret } from './ssm-secret.js';

/*
 * https://docs.aws.amazon.com/systems-manager/latest/APIReference/API_GetParameter.html and
 * API_Parameter.html: the answer is `{ Parameter: { Name, Type, Value, Version, ARN,
 * DataType, LastModifiedDate } }`; Type is String | StringList | SecureString, and Value is
 * the decrypted text when WithDecryption is true. A missing name is `ParameterNotFound`.
 */

const NAME = '/vpn-portal/chat-webhook-url';
const URL = 'https://hooks.slack.com/services/T000/B000/XXXXXXXX';
const client = new SSMClient({
  region: 'ap-northeast-2',
  credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
});
const ssm = mockClient(client);
const call = { sleep: vi.fn(async (_ms: number) => {}) };

function parameter(value: string | undefined) {
  return {
    Parameter: {
      Name: NAME,
      Type: 'SecureString' as const,
      ...(value === undefined ? {} : { Value: value }),
      Version: 3,
      ARN: `arn:aws:ssm:ap-northeast-2:123456789012:parameter${NAME}`,
      DataType: 'text',
      LastModifiedDate: new Date('2025-01-02T03:04:05Z'),
    },
  };
}

const notFound = new SSMServiceException({
  name: 'ParameterNotFound',
  $fault: 'client',
  $metadata: { httpStatusCode: 400 },
  message: '',
});

beforeEach(() => {
  ssm.reset();
});

describe('createSsmSecret', () => {
  it('reads the SecureString decrypted, once for every later use', async () => {
    ssm.on(GetParameterCommand).resolves(parameter(URL));
    const secret = createSsmSecret({ client, name: NAME, call });

    const values = await Promise.all([secret(), secret()]);
    const later = await secret();

    expect(values).toEqual([URL, URL]);
    expect(later).toBe(URL);
    expect(ssm.commandCalls(GetParameterCommand).map((c) => c.args[0].input)).toEqual([
      { Name: NAME, WithDecryption: true },
    ]);
  });

  it('tries again on the next use after a failed read', async () => {
    ssm.on(GetParameterCommand).rejectsOnce(notFound).resolves(parameter(URL));
    const secret = createSsmSecret({ client, name: NAME, call });

    await expect(secret()).rejects.toMatchObject({ code: 'aws_rejected' });
    await expect(secret()).resolves.toBe(URL);
  });

  it('refuses a parameter without a value, without echoing anything secret', async () => {
    ssm.on(GetParameterCommand).resolves(parameter(undefined));
    const secret = createSsmSecret({ client, name: NAME, call });

    await expect(secret()).rejects.toThrow(`SSM parameter ${NAME} has no value.`);
  });
});
