import type { Notification } from '../core/model/notices.js';

/**
 * Somewhere a short message about the VPN goes: an SNS topic, a chat webhook, a list in
 * memory. Implementations may fail; the core only ever calls them through the fan-out
 * notifier (adapters/fan-out-notifier.ts), which never throws, so a message can never block or undo
 * a disconnect.
 */
export interface Notifier {
  notify(message: Notification): Promise<void>;
}
