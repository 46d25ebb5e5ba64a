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
  // Issue 17: the AWS services and units the portal's own cost is counted in, as AWS's own
  // Korean and Japanese pages write them ("IPv" is how the checks split "IPv4").
  'ALB',
  'LCU',
  'Lambda',
  'DynamoDB',
  'KMS',
  'CloudWatch',
  'API',
  'IPv',
  'GB',
];
