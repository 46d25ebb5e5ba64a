import { describe, expect, it } from 'vitest';
import { awsServiceEndpoint } from './aws-endpoint.js';

describe('awsServiceEndpoint', () => {
  it('is the regional endpoint by default, in the China partition too', () => {
    expect(awsServiceEndpoint({}, 'ssm', 'ap-northeast-2')).toBe(
      'https://ssm.ap-northeast-2.amazonaws.com',
    );
    expect(awsServiceEndpoint({}, 'ssm', 'us-gov-west-1')).toBe(
      'https://ssm.us-gov-west-1.amazonaws.com',
    );
    expect(awsServiceEndpoint({}, 'ssm', 'cn-north-1')).toBe(
      'https://ssm.cn-north-1.amazonaws.com.cn',
    );
  });

  it('follows the SDK: the service’s endpoint variable, then the global one', () => {
    const env = {
      AWS_ENDPOINT_URL: 'https://aws.test:4566',
      AWS_ENDPOINT_URL_SSM: 'https://ssm.test:4566',
    };
    expect(awsServiceEndpoint(env, 'ssm', 'ap-northeast-2')).toBe('https://ssm.test:4566');
    expect(
      awsServiceEndpoint({ AWS_ENDPOINT_URL: 'https://aws.test:4566' }, 'ssm', 'ap-northeast-2'),
    ).toBe('https://aws.test:4566');
  });

  it('ignores configured endpoints when told to, as the SDK does', () => {
    const env = {
      AWS_ENDPOINT_URL: 'https://aws.test:4566',
      AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true',
    };
    expect(awsServiceEndpoint(env, 'ssm', 'eu-west-1')).toBe('https://ssm.eu-west-1.amazonaws.com');
  });
});
