/**
 * The one schema library of the backend: zod's tree-shakable `zod/mini` (about 18 KB in the
 * Lambda bundle, against 450 KB for classic `zod` with every locale), with English messages.
 * Import it as `import * as z from '…/config/validation.js'`, never from 'zod' directly.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

// Re-exported name by name (not as one object) so the bundler keeps only what is used.
export * from 'zod/mini';
