import type { Platform } from '../device/platform';
import type { MessageKey } from '../i18n/en';

/** "Set up this iPad" / "this iPhone" / "this device": the link and the page's heading. */
export function setupTitleKey(platform: Platform): MessageKey {
  if (platform === 'ipados') return 'setupTitleIpad';
  if (platform === 'ios') return 'setupTitleIphone';
  return 'setupTitleDevice';
}
