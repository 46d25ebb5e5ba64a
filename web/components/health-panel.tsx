import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { HealthBody, HealthCheck, HealthStatus } from '../../app/http/health-api-types';
import { type ApiClient, SessionExpired } from '../api/client';
import { formatClockTime } from '../i18n/format';
import { type Lang, useI18n } from '../i18n/i18n';
import { type HealthKey, healthTemplate } from './health-messages';
import './health-panel.css';
import { type Param, type Phrase, wordsFor } from './health-words';

const STATUS_WORD: Record<HealthStatus, HealthKey> = {
  ok: 'statusOk',
  warning: 'statusWarning',
  failed: 'statusFailed',
};
/** A shape as well as a colour, for readers who cannot tell the colours apart. */
const STATUS_MARK: Record<HealthStatus, string> = { ok: '✓', warning: '!', failed: '✕' };
const SEVERITY: Record<HealthStatus, number> = { failed: 0, warning: 1, ok: 2 };

type TestNoticeState = 'idle' | 'sending' | 'sent' | 'no-channel' | 'failed';

/**
 * The admin view's health panel (issue 17): every check of the deployment, worst first, each
 * with a plain sentence and, when it did not pass, its fix; the checks that passed fold away.
 * The server words nothing: it sends ids and values, and this panel words them in the reader's
 * language (health-messages.ts). Its words and style load with the admin view only.
 */
export function HealthPanel({ api }: { api: ApiClient }) {
  const { lang } = useI18n();
  const text = (key: HealthKey, params: Record<string, Param> = {}) =>
    render(healthTemplate(lang, key), params);
  const [report, setReport] = useState<HealthBody | null>(null);
  const [unavailable, setUnavailable] = useState(false);
  const [checking, setChecking] = useState(true);
  const [notice, setNotice] = useState<{ state: TestNoticeState; subject?: string }>({
    state: 'idle',
  });

  const check = useCallback(() => {
    setChecking(true);
    api.health().then(
      (body) => {
        setReport(body);
        setUnavailable(false);
        setChecking(false);
      },
      (error: unknown) => {
        // A sign-in that expired reloads the page; nothing to show meanwhile.
        if (error instanceof SessionExpired) return;
        setUnavailable(true);
        setChecking(false);
      },
    );
  }, [api]);
  useEffect(check, [check]);

  const sendTestNotice = () => {
    setNotice({ state: 'sending' });
    api.sendTestNotice().then(
      (answer) =>
        setNotice(
          answer.sent ? { state: 'sent', subject: answer.subject } : { state: 'no-channel' },
        ),
      (error: unknown) => {
        if (!(error instanceof SessionExpired)) setNotice({ state: 'failed' });
      },
    );
  };

  const checks = report ? [...report.checks].sort(bySeverity) : [];
  const open = checks.filter((entry) => entry.status !== 'ok');
  const passed = checks.filter((entry) => entry.status === 'ok');
  const count = (status: HealthStatus) => checks.filter((entry) => entry.status === status).length;

  return (
    <section class="panel health" aria-labelledby="health-title" aria-busy={checking}>
      <div class="health-head">
        <h2 id="health-title">{text('healthTitle')}</h2>
        <button type="button" class="button" disabled={checking} onClick={check}>
          {text(checking ? 'healthChecking' : 'healthRecheck')}
        </button>
      </div>
      <p class="panel-subtitle">{text('healthIntro')}</p>
      {unavailable && (
        <p class="stale" role="alert">
          {text('healthUnavailable')}
        </p>
      )}
      {report && (
        <p class={`health-summary health-${report.status}`}>
          {open.length === 0
            ? text('healthAllOk', { count: String(checks.length) })
            : text('healthSummary', {
                failed: String(count('failed')),
                warnings: String(count('warning')),
                ok: String(count('ok')),
              })}{' '}
          <span class="health-when">
            {text('healthCheckedAt', { time: formatClockTime(lang, new Date(report.checkedAt)) })}
          </span>
        </p>
      )}
      {open.length > 0 && (
        <ul class="health-list">
          {open.map((entry) => (
            <CheckItem key={entry.id} check={entry} lang={lang} />
          ))}
        </ul>
      )}
      {passed.length > 0 && (
        <details class="health-passed">
          <summary>
            <span aria-hidden="true">{STATUS_MARK.ok}</span>{' '}
            {text('healthPassed', { count: String(passed.length) })}
          </summary>
          <ul class="health-list">
            {passed.map((entry) => (
              <CheckItem key={entry.id} check={entry} lang={lang} />
            ))}
          </ul>
        </details>
      )}
      <div class="health-notice">
        <h3>{text('testNoticeTitle')}</h3>
        <p>{text('testNoticeHint')}</p>
        <button
          type="button"
          class="button"
          disabled={notice.state === 'sending'}
          onClick={sendTestNotice}
        >
          {text(notice.state === 'sending' ? 'testNoticeSending' : 'testNoticeButton')}
        </button>
        <p role="status" class="health-notice-result">
          {notice.state === 'sent' &&
            text('testNoticeSent', { subject: { code: notice.subject ?? '' } })}
          {notice.state === 'no-channel' && text('testNoticeNoChannel')}
          {notice.state === 'failed' && text('testNoticeFailed')}
        </p>
      </div>
    </section>
  );
}

function CheckItem({ check, lang }: { check: HealthCheck; lang: Lang }) {
  const words = wordsFor(check, lang);
  const say = (phrase: Phrase) => render(healthTemplate(lang, phrase.key), phrase.params);
  const reason = check.kind === 'last-run' ? check.reason : null;
  return (
    <li class={`health-check health-${check.status}`} data-check={check.id}>
      <span class="health-badge">
        <span aria-hidden="true">{STATUS_MARK[check.status]}</span>{' '}
        {healthTemplate(lang, STATUS_WORD[check.status])}
      </span>
      <div class="health-words">
        <h3>{say(words.title)}</h3>
        <p>{say(words.sentence)}</p>
        {reason && (
          <p class="health-detail">
            <code translate={false}>{reason}</code>
          </p>
        )}
        {words.fix && (
          <p class="health-fix">
            <strong>{healthTemplate(lang, 'healthFix')}:</strong> {say(words.fix)}
          </p>
        )}
        {check.aws && (
          <p class="health-detail">
            {healthTemplate(lang, 'healthAwsSaid')}:{' '}
            <code translate={false}>
              {check.aws.code}: {check.aws.message}
            </code>
          </p>
        )}
      </div>
    </li>
  );
}

function bySeverity(a: HealthCheck, b: HealthCheck): number {
  return SEVERITY[a.status] - SEVERITY[b.status];
}

/**
 * A catalogue entry as elements: `{name}` takes a value (an AWS name as code), `` `…` `` is
 * code (settings, commands, API names), `[…]` a product name, which stays in English (and is
 * read out as English). Neither is for a translator: both say so (`translate="no"`).
 */
function render(template: string, params: Record<string, Param>): ComponentChildren[] {
  return template.split(/(`[^`]*`|\[[^\]]*\]|\{\w+\})/).map((part, index) => {
    if (part.startsWith('`') && part.endsWith('`') && part.length > 1) {
      return (
        <code key={index} translate={false}>
          {fill(part.slice(1, -1), params)}
        </code>
      );
    }
    if (part.startsWith('[') && part.endsWith(']')) {
      return (
        <span key={index} lang="en" translate={false}>
          {part.slice(1, -1)}
        </span>
      );
    }
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    if (name === undefined) return part;
    const value = params[name];
    if (value === undefined) return part;
    return typeof value === 'string' ? (
      value
    ) : (
      <code key={index} translate={false}>
        {value.code}
      </code>
    );
  });
}

/** The values inside a piece of code (a command naming the alarm), as plain text. */
function fill(code: string, params: Record<string, Param>): string {
  return code.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'string' ? value : value.code;
  });
}
