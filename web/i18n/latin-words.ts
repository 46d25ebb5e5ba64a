/**
 * Names that stay in Latin letters on Korean and Japanese pages: products, platforms, and
 * Apple's device names (as Apple's own Korean and Japanese pages write them). The unit tests'
 * and the e2e suite's "no English left" checks both start from this list.
 */
export const LATIN_PROPER_NOUNS: readonly string[] = [
  'VPN',
  'AWS',
  'Client',
  'WorkSpaces',
  'OpenVPN',
  'iPad',
  'iPhone',
  'Connect',
  'IT',
  'US',
];
