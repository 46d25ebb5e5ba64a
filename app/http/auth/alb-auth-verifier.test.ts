import { describe, expect, it } from 'vitest';
import { NotAuthenticatedError } from '../../core/model/errors.js';
import {
  createForger,
  createTestAuth,
  testAdmin,
  testAuthSettings,
  testEmployee,
} from '../../testing/test-keys.js';
import { createAlbAuthVerifier } from './alb-auth-verifier.js';

function rejectsAsUnauthenticated(promise: Promise<unknown>) {
  return expect(promise).rejects.toBeInstanceOf(NotAuthenticatedError);
}

describe('createAlbAuthVerifier', () => {
  it('returns the user with the groups of the verified access token', async () => {
    const { signer, verifier } = createTestAuth();

    const user = await verifier.verify({
      data: signer.signDataToken(testAdmin),
      accessToken: signer.signAccessToken(testAdmin, ['vpn-admins', 'staff']),
    });

    expect(user).toEqual({
      id: testAdmin.sub,
      email: testAdmin.email,
      name: 'Kenji Admin',
      groups: ['vpn-admins', 'staff'],
    });
  });

  it('accepts an access token without groups as a user in no group', async () => {
    const { signer, verifier } = createTestAuth();

    const user = await verifier.verify({
      data: signer.signDataToken(testEmployee),
      accessToken: signer.signAccessToken(testEmployee),
    });

    expect(user.groups).toEqual([]);
  });

  it('falls back to the email when the claims carry no name', async () => {
    const { signer, verifier } = createTestAuth();
    const nameless = { sub: testEmployee.sub, email: testEmployee.email };

    const user = await verifier.verify({
      data: signer.signDataToken(nameless),
      accessToken: signer.signAccessToken(nameless),
    });

    expect(user.name).toBe(testEmployee.email);
  });

  it('fetches each key once for many verifications', async () => {
    const { signer, verifier, fetchedUrls } = createTestAuth();

    for (let i = 0; i < 5; i += 1) {
      await verifier.verify({
        data: signer.signDataToken(testEmployee),
        accessToken: signer.signAccessToken(testEmployee),
      });
    }

    expect(fetchedUrls).toEqual([
      `${testAuthSettings.albKeysUrl}/${signer.albKid}`,
      testAuthSettings.cognito.jwksUrl,
    ]);
  });

  it('rejects a request without the user claims header', async () => {
    const { signer, verifier } = createTestAuth();
    await rejectsAsUnauthenticated(
      verifier.verify({ data: undefined, accessToken: signer.signAccessToken(testEmployee) }),
    );
  });

  it('rejects a request without the access token header', async () => {
    const { signer, verifier } = createTestAuth();
    await rejectsAsUnauthenticated(
      verifier.verify({ data: signer.signDataToken(testEmployee), accessToken: undefined }),
    );
  });

  it('rejects user claims signed with another key under the real key id', async () => {
    const { signer, verifier } = createTestAuth();
    const forger = createForger(testAuthSettings, { albKid: signer.albKid });
    await rejectsAsUnauthenticated(
      verifier.verify({
        data: forger.signDataToken(testAdmin),
        accessToken: signer.signAccessToken(testAdmin, ['vpn-admins']),
      }),
    );
  });

  it('rejects an access token signed with another key under the real key id', async () => {
    const { signer, verifier } = createTestAuth();
    const forger = createForger(testAuthSettings, { cognitoKid: signer.cognitoKid });
    await rejectsAsUnauthenticated(
      verifier.verify({
        data: signer.signDataToken(testEmployee),
        accessToken: forger.signAccessToken(testEmployee, ['vpn-admins']),
      }),
    );
  });

  it('rejects expired user claims', async () => {
    const { signer, verifier } = createTestAuth();
    const rejection = verifier.verify({
      data: signer.signDataToken(testEmployee, { expiresInSeconds: -60 }),
      accessToken: signer.signAccessToken(testEmployee),
    });
    await expect(rejection).rejects.toThrow(/expired/i);
  });

  it('rejects an expired access token', async () => {
    const { signer, verifier } = createTestAuth();
    await rejectsAsUnauthenticated(
      verifier.verify({
        data: signer.signDataToken(testEmployee),
        accessToken: signer.signAccessToken(testEmployee, [], { expiresInSeconds: -60 }),
      }),
    );
  });

  it('rejects user claims signed by another load balancer', async () => {
    const { signer, verifier } = createTestAuth();
    const otherAlb = testAuthSettings.albArn.replace('vpn-portal', 'someone-else');
    await rejectsAsUnauthenticated(
      verifier.verify({
        data: signer.signDataToken(testEmployee, { signer: otherAlb }),
        accessToken: signer.signAccessToken(testEmployee),
      }),
    );
  });

  it('rejects user claims issued to another app client', async () => {
    const { signer, verifier } = createTestAuth();
    await rejectsAsUnauthenticated(
      verifier.verify({
        data: signer.signDataToken(testEmployee, { client: 'another-client' }),
        accessToken: signer.signAccessToken(testEmployee),
      }),
    );
  });

  it('rejects an access token issued to another app client', async () => {
    const { signer, verifier } = createTestAuth();
    await rejectsAsUnauthenticated(
      verifier.verify({
        data: signer.signDataToken(testEmployee),
        accessToken: signer.signAccessToken(testEmployee, [], { clientId: 'another-client' }),
      }),
    );
  });

  it('rejects the access token of another user', async () => {
    const { signer, verifier } = createTestAuth();
    await rejectsAsUnauthenticated(
      verifier.verify({
        data: signer.signDataToken(testEmployee),
        accessToken: signer.signAccessToken(testAdmin, ['vpn-admins']),
      }),
    );
  });

  it('rejects garbage in place of a token without echoing it', async () => {
    const { verifier } = createTestAuth();
    const rejection = verifier.verify({ data: 'not-a-jwt', accessToken: 'secret-looking-value' });
    await rejectsAsUnauthenticated(rejection);
    await expect(rejection).rejects.not.toThrow(/not-a-jwt|secret-looking-value/);
  });

  it('rejects a key id the load balancer does not know', async () => {
    const { signer, verifier } = createTestAuth();
    const stranger = createForger();
    await rejectsAsUnauthenticated(
      verifier.verify({
        data: stranger.signDataToken(testEmployee),
        accessToken: signer.signAccessToken(testEmployee),
      }),
    );
  });
});

describe('createAlbAuthVerifier settings', () => {
  it('names ALB_ARN when the load balancer ARN has no real region', () => {
    const settings = {
      ...testAuthSettings,
      albArn: 'arn:aws:elasticloadbalancing:local:000000000000:loadbalancer/app/local/0',
    };
    expect(() => createAlbAuthVerifier(settings)).toThrow(/ALB_ARN/);
  });
});
