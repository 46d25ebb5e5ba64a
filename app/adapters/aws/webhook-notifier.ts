import type { Notification } from '../../core/model/notices.js';
import type { Notifier } from '../../ports/notifier.js';

export interface WebhookNotifierOptions {
  /** Where the URL comes from: `createSsmSecret(...)` in AWS; read on first use, then kept. */
  url: () => Promise<string>;
  /** The whole POST; a chat service answers in well under a second. */
  timeoutMs?: number;
  /** Injected by tests; the platform's `fetch` otherwise. */
  fetch?: typeof fetch;
}

const DEFAULT_WEBHOOK_TIMEOUT_MS = 3_000;

/** The webhook failed; the message never holds the URL, which is a secret. */
export class WebhookError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookError';
  }
}

/**
 * Posts `{ "text": "<subject>\n<text>" }` to a Slack-compatible incoming webhook (Slack,
 * Mattermost, Rocket.Chat, Google Chat and Teams workflows all read `text`). Throws on a
 * timeout or a non-2xx answer; the fan-out notifier turns that into a log line.
 */
export class WebhookNotifier implements Notifier {
  private readonly timeoutMs: number;
  private readonly fetch: typeof fetch;

  constructor(private readonly options: WebhookNotifierOptions) {
    this.timeoutMs = options.timeoutMs ?? DEFAULT_WEBHOOK_TIMEOUT_MS;
    this.fetch = options.fetch ?? globalThis.fetch;
  }

  async notify(message: Notification): Promise<void> {
    const url = await this.options.url();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    try {
      const response = await this.fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `${message.subject}\n${message.text}` }),
        signal: controller.signal,
        redirect: 'error',
      });
      await response.body?.cancel();
      if (!response.ok) {
        throw new WebhookError(`Chat webhook answered HTTP ${response.status}.`);
      }
    } catch (error) {
      if (error instanceof WebhookError) throw error;
      const reason = controller.signal.aborted
        ? `no answer within ${this.timeoutMs} ms`
        : 'could not be reached';
      throw new WebhookError(`Chat webhook ${reason}.`, { cause: error });
    } finally {
      clearTimeout(timer);
    }
  }
}
