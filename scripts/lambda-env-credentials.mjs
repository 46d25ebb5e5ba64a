// The Lambda bundles' stand-in for @aws-sdk/credential-provider-node (aliased by
// scripts/build-lambda.mjs). The Lambda runtime always puts the execution role's credentials
// in AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY / AWS_SESSION_TOKEN, and the SDK's default
// chain tries exactly that first (fromEnv) and returns it. The rest of the chain (SSO, INI
// files, credential_process, web identity, container and instance metadata, with their
// nested STS/SSO clients) can never run there, yet costs about 95 KB of every bundle.
// Local mode (`npm start -- --aws`) is not bundled this way and keeps the full chain.
import { fromEnv } from '@aws-sdk/credential-provider-env';

/** Same name and signature as the full chain's export, which the SDK clients import. */
export const defaultProvider = (init = {}) => fromEnv(init);

// The other exports of @aws-sdk/credential-provider-node, kept for any importer.
export const credentialsWillNeedRefresh = (credentials) => credentials?.expiration !== undefined;
export const credentialsTreatedAsExpired = (credentials) =>
  credentials?.expiration !== undefined && credentials.expiration.getTime() - Date.now() < 300_000;
