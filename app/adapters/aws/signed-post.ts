import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';

export interface AwsCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SignedPostOptions {
  /** The signing name: `ssm`, `lambda`. */
  service: string;
  region: string;
  /** `https://<service>.<region>.amazonaws.com`, or an override (config/aws-endpoint.ts). */
  endpoint: string;
  /** The SDK's own provider chain (`defaultProvider()`), so every call signs as one role. */
  credentials: () => Promise<AwsCredentials>;
  /** Injected by tests; the platform's `fetch` otherwise. */
  fetch?: typeof fetch;
}

/** One POST signed for the service; `path` is below the endpoint's own path. */
export type SignedPost = (
  path: string,
  headers: Record<string, string>,
  body: string,
  abortSignal: AbortSignal,
) => Promise<{ response: Response; text: string }>;

/**
 * A POST signed with the SDK's own Signature V4 signer and hash (which the bundled SDK clients
 * already carry): the portal's calls for which a whole SDK client would cost more than the
 * call (ssm-get-parameter.ts, lambda-invoke.ts). Redirects are refused: a signed request is
 * never sent elsewhere.
 */
export function signedPost(options: SignedPostOptions): SignedPost {
  const signer = new SignatureV4({
    service: options.service,
    region: options.region,
    credentials: options.credentials,
    sha256: Sha256,
  });
  const base = new URL(options.endpoint);
  const send = options.fetch ?? globalThis.fetch;
  return async (path, headers, body, abortSignal) => {
    const fullPath = `${base.pathname.replace(/\/$/, '')}${path}`;
    const signed = await signer.sign({
      method: 'POST',
      protocol: base.protocol,
      hostname: base.hostname,
      ...(base.port ? { port: Number(base.port) } : {}),
      path: fullPath,
      query: {},
      headers: { host: base.host, ...headers },
      body,
    });
    // fetch sets Host itself, to the same `base.host` that was signed.
    const { host: _host, ...signedHeaders } = signed.headers;
    const response = await send(new URL(`${base.origin}${fullPath}`), {
      method: 'POST',
      headers: signedHeaders,
      body,
      signal: abortSignal,
      redirect: 'error',
    });
    return { response, text: await response.text() };
  };
}
