import { type Env, present } from './read-env.js';

/**
 * Where a call the portal makes without an SDK client goes (ssm-get-parameter.ts,
 * lambda-invoke.ts), by the SDK's own rules, so every call of a function points at the same
 * place: an endpoint set for the service (`AWS_ENDPOINT_URL_SSM`, `…_LAMBDA`), else the one for all services (`AWS_ENDPOINT_URL`),
 * both ignored with `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true`; else the regional endpoint
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
export function awsServiceEndpoint(env: Env, service: 'ssm' | 'lambda', region: string): string {
  const ignore = present(env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS)?.toLowerCase() === 'true';
  const configured = ignore
    ? undefined
    : (present(env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`]) ?? present(env.AWS_ENDPOINT_URL));
  return configured ?? `https://${service}.${region}.${dnsSuffix(region)}`;
}

/** The partitions a Client VPN endpoint can be in: AWS, China, GovCloud (same suffix as AWS). */
function dnsSuffix(region: string): string {
  return region.startsWith('cn-') ? 'amazonaws.com.cn' : 'amazonaws.com';
}
