import { describe, expect, it } from 'vitest';
import { createAwsClients } from './aws-clients.js';

describe('createAwsClients', () => {
  it('builds the three clients for the configured region with SDK retries turned off', async () => {
    const clients = createAwsClients({ region: 'ap-northeast-2' });

    for (const client of [clients.ec2, clients.cloudWatch, clients.dynamoDb]) {
      await expect(client.config.region()).resolves.toBe('ap-northeast-2');
      // awsCall owns retries; the SDK's own would multiply them.
      await expect(client.config.maxAttempts()).resolves.toBe(1);
      client.destroy();
    }
  });
});
