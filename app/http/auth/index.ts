export { type AlbAuthOptions, albAuth, requireAdmin } from './alb-auth.js';
export {
  type AlbAuthSettings,
  type AlbAuthVerifierOptions,
  createAlbAuthVerifier,
} from './alb-auth-verifier.js';
