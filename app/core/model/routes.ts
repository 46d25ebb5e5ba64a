import type { ExtraRoute, LiveSnapshot } from './vocabulary.js';

/**
 * SPEC section 4, rule 5: removing the last subnet deletes the endpoint's routes other than
 * the VPC's own, so the configured extra routes (e.g. 0.0.0.0/0 for a full tunnel) are
 * recreated once their target subnet is `associated` again.
 */
export function routesToRestore(
  configured: readonly ExtraRoute[],
  snapshot: LiveSnapshot,
): ExtraRoute[] {
  const associatedSubnets = new Set(
    snapshot.associations
      .filter((association) => association.status === 'associated')
      .map((association) => association.subnetId),
  );
  return configured.filter(
    (route) =>
      associatedSubnets.has(route.subnetId) &&
      !snapshot.routes.some(
        (existing) =>
          existing.destinationCidr === route.cidr &&
          existing.targetSubnetId === route.subnetId &&
          existing.status !== 'deleting',
      ),
  );
}
