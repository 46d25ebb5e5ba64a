import { EC2ServiceException } from '@aws-sdk/client-ec2';
import { describe, expect, it, vi } from 'vitest';
import { AwsCallError } from '../../core/model/errors.js';
import { awsCall, awsErrorName } from './aws-call.js';

function serviceError(name: string, httpStatusCode: number, fault: 'client' | 'server' = 'client') {
  return new EC2ServiceException({
    name,
    $fault: fault,
    $metadata: { httpStatusCode },
    message: `${name} from AWS`,
  });
}

function noWait() {
  return vi.fn(async (_ms: number) => {});
}

describe('awsCall', () => {
  it('returns the answer of a call that succeeds first time', async () => {
    const send = vi.fn(async (_signal: AbortSignal) => 'ok');

    await expect(awsCall('DescribeThings', send)).resolves.toBe('ok');

    expect(send).toHaveBeenCalledTimes(1);
    expect(send.mock.calls[0]?.[0]).toBeInstanceOf(AbortSignal);
  });

  it.each([
    'ThrottlingException',
    'Throttling',
    'RequestLimitExceeded',
    'TooManyRequestsException',
  ])('retries %s with growing, jittered waits, then succeeds', async (name) => {
    const sleep = noWait();
    const send = vi
      .fn<(signal: AbortSignal) => Promise<string>>()
      .mockRejectedValueOnce(serviceError(name, 400))
      .mockRejectedValueOnce(serviceError(name, 400))
      .mockResolvedValueOnce('ok');

    const answer = await awsCall('DescribeThings', send, { sleep, random: () => 0.5 });

    expect(answer).toBe('ok');
    expect(send).toHaveBeenCalledTimes(3);
    // Equal jitter around 100 ms then 200 ms ceilings, with random() = 0.5.
    expect(sleep.mock.calls.map(([ms]) => ms)).toEqual([75, 150]);
  });

  it('reports throttling that lasts past the last attempt as AwsCallError("throttled")', async () => {
    const sleep = noWait();
    const send = vi.fn(async () => {
      throw serviceError('RequestLimitExceeded', 503);
    });

    const failure = await awsCall('AssociateClientVpnTargetNetwork', send, { sleep }).catch(
      (error: unknown) => error,
    );

    expect(failure).toBeInstanceOf(AwsCallError);
    expect(failure).toMatchObject({
      code: 'aws_throttled',
      operation: 'AssociateClientVpnTargetNetwork',
    });
    expect((failure as AwsCallError).message).toMatch(/slow down.*3 attempts/);
    expect(send).toHaveBeenCalledTimes(3);
    expect(sleep).toHaveBeenCalledTimes(2);
  });

  it('retries 5xx answers and reports them as unavailable when they persist', async () => {
    const send = vi.fn(async () => {
      throw serviceError('InternalError', 500, 'server');
    });

    await expect(awsCall('DescribeThings', send, { sleep: noWait() })).rejects.toMatchObject({
      code: 'aws_unavailable',
    });
    expect(send).toHaveBeenCalledTimes(3);
  });

  it('treats an error the SDK marks $retryable as transient', async () => {
    const error = Object.assign(serviceError('SomethingTransient', 400), { $retryable: {} });
    const send = vi.fn().mockRejectedValueOnce(error).mockResolvedValueOnce('ok');

    await expect(awsCall('DescribeThings', send, { sleep: noWait() })).resolves.toBe('ok');
  });

  it('does not retry a request AWS rejects, and keeps AWS error code as the cause', async () => {
    const send = vi.fn(async () => {
      throw serviceError('InvalidParameterValue', 400);
    });

    const failure = await awsCall('CreateClientVpnRoute', send, { sleep: noWait() }).catch(
      (error: unknown) => error,
    );

    expect(send).toHaveBeenCalledTimes(1);
    expect(failure).toMatchObject({ code: 'aws_rejected', operation: 'CreateClientVpnRoute' });
    expect(awsErrorName(failure)).toBe('InvalidParameterValue');
  });

  it('gives up on an attempt that outlives the timeout, aborts it, and reports unavailable', async () => {
    let seenSignal: AbortSignal | undefined;
    const send = vi.fn(async (signal: AbortSignal) => {
      seenSignal = signal;
      return new Promise<string>(() => {});
    });

    const failure = await awsCall('DescribeThings', send, { timeoutMs: 20, sleep: noWait() }).catch(
      (error: unknown) => error,
    );

    expect(failure).toMatchObject({ code: 'aws_unavailable' });
    expect((failure as Error).message).toMatch(/did not answer within 0.02 s/);
    expect(seenSignal?.aborted).toBe(true);
    // A slow AWS would be slow again: repeating it would only eat the Lambda's time budget.
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('retries a reset connection', async () => {
    const reset = Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' });
    const send = vi.fn().mockRejectedValueOnce(reset).mockResolvedValueOnce('ok');

    await expect(awsCall('DescribeThings', send, { sleep: noWait() })).resolves.toBe('ok');
  });

  it('honours a smaller maxAttempts', async () => {
    const send = vi.fn(async () => {
      throw serviceError('ThrottlingException', 400);
    });

    await expect(
      awsCall('PutMetricData', send, { maxAttempts: 1, sleep: noWait() }),
    ).rejects.toMatchObject({ code: 'aws_throttled' });
    expect(send).toHaveBeenCalledTimes(1);
  });
});
