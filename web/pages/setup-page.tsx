import { useEffect, useState } from 'preact/hooks';
import type { SetupBody } from '../../app/http/api-types';
import type { EndpointClient } from '../api/client';
import type { EndpointSummary } from '../api/endpoints-body';
import { SetupIcon, type SetupIconName } from '../components/setup-icons';
import { DEFAULT_OPEN_NEXT, useClientInfo } from '../device/client-info';
import { vpnAppFor } from '../device/platform';
import { useI18n } from '../i18n/i18n';
import { type SetupKey, setupText } from './setup-messages';
import { setupTitleKey } from './setup-title';
import './setup-page.css';

interface SetupPageProps {
  /** The endpoint the employee uses (issue 18: not always the deployment's first). */
  api: EndpointClient;
  /**
   * Issue 18: the endpoints the employee may use. With several, each has its own
   * configuration file: the page sets up the one picked, the first (used last) to start.
   */
  endpoints?: readonly EndpointSummary[];
  endpointClient?: (key: string) => EndpointClient;
  onNavigate: (path: string) => void;
}

/**
 * "Set up this iPad" (issue 16): install the app, download the configuration, import it,
 * come back and tap Connect. Loaded on demand (`import()` in app.tsx), so its words and
 * pictures never weigh on the status page's first load.
 */
export function SetupPage({ api, endpoints = [], endpointClient, onNavigate }: SetupPageProps) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const { platform, portal } = useClientInfo();
  const app = vpnAppFor(platform);
  const s = (key: SetupKey, params = {}) => setupText(lang, key, params);
  const choices = endpointClient && endpoints.length > 1 ? endpoints : [];
  const [pickedKey, setPickedKey] = useState(choices[0]?.key ?? null);
  const endpoint = pickedKey !== null && endpointClient ? endpointClient(pickedKey) : api;
  const [setup, setSetup] = useState<SetupBody | null>(null);
  const [failed, setFailed] = useState(false);
  const load = () => {
    setFailed(false);
    setSetup(null);
    endpoint.setup().then(setSetup, () => setFailed(true));
  };
  useEffect(load, [endpoint]);

  const back = (event: MouseEvent) => {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onNavigate('/');
  };
  const onMobile = app.app === 'openvpn-connect';
  const blocked = onMobile && setup !== null && !setup.usableWithOpenVpnConnect;
  const next = portal?.openNext[lang] ?? DEFAULT_OPEN_NEXT;

  return (
    <main class="page page-setup" aria-busy={!setup && !failed}>
      <h1>{t(setupTitleKey(platform))}</h1>
      {choices.length > 0 && (
        <fieldset class="endpoint-picker">
          <legend>{s('pickEndpoint')}</legend>
          {choices.map((choice) => (
            <button
              key={choice.key}
              type="button"
              class="chip"
              aria-pressed={choice.key === pickedKey}
              onClick={() => setPickedKey(choice.key)}
            >
              {choice.names[lang]}
            </button>
          ))}
        </fieldset>
      )}
      {failed && (
        <div class="panel setup-failed" role="alert">
          <p>{s('setupFailed')}</p>
          <button type="button" class="button" onClick={load}>
            {t('retry')}
          </button>
        </div>
      )}
      {!setup && !failed && <p class="loading">{t('loading')}</p>}
      {setup && blocked && (
        <section class="panel setup-blocked" aria-labelledby="setup-blocked-title">
          <SetupIcon name="blocked" />
          <h2 id="setup-blocked-title">{s('blockedTitle')}</h2>
          <p>{s('blockedBody')}</p>
          <SelfService url={setup.selfServicePortalUrl} text={s} />
        </section>
      )}
      {setup && !blocked && (
        <>
          <p class="lead">{s('setupIntro')}</p>
          <ol class="setup-steps">
            <Step n={1} icon="install" title={s('installTitle')} text={s}>
              <p>{s('installBody', { app: app.name })}</p>
              <a class="button" href={app.installUrl} target="_blank" rel="noopener noreferrer">
                {t('installApp', { app: app.name })}
              </a>
            </Step>
            <Step n={2} icon="download" title={s('downloadTitle')} text={s}>
              <p>{s('downloadBody')}</p>
              <a
                class="button button-primary"
                href={endpoint.clientConfigPath}
                download={setup.configFileName}
              >
                {s('downloadButton')}
              </a>
              <p class="setup-file">
                {s('fileName')}: <code translate={false}>{setup.configFileName}</code>
              </p>
            </Step>
            <Step n={3} icon="import" title={s('importTitle', { app: app.name })} text={s}>
              <p>{s(onMobile ? 'importOpenVpn' : 'importAwsClient', { app: app.name })}</p>
              {setup.authentication.map((kind) => (
                <p class="setup-auth" key={kind} data-auth={kind}>
                  {s(
                    kind === 'certificate'
                      ? 'authCertificate'
                      : kind === 'directory'
                        ? 'authDirectory'
                        : 'authFederatedDesktop',
                    { app: app.name },
                  )}
                </p>
              ))}
              {!onMobile && <SelfService url={setup.selfServicePortalUrl} text={s} />}
            </Step>
            <Step n={4} icon="connect" title={s('connectTitle')} text={s}>
              <p>{s('connectBody', { app: app.name, next })}</p>
              <a class="button" href="/" onClick={back}>
                {t('backToStatus')}
              </a>
            </Step>
          </ol>
        </>
      )}
    </main>
  );
}

interface StepProps {
  n: number;
  icon: SetupIconName;
  title: string;
  text: (key: SetupKey, params?: Record<string, string | number>) => string;
  children: preact.ComponentChildren;
}

function Step({ n, icon, title, text, children }: StepProps) {
  return (
    <li class="setup-step">
      <SetupIcon name={icon} />
      <div class="setup-step-words">
        <h2>
          <span class="setup-step-number">{text('setupStep', { n })}</span> {title}
        </h2>
        {children}
      </div>
    </li>
  );
}

function SelfService({ url, text }: { url: string | null; text: StepProps['text'] }) {
  if (!url) return null;
  return (
    <p class="setup-self-service">
      {text('selfService')}{' '}
      <a href={url} target="_blank" rel="noopener noreferrer">
        {text('selfServiceLink')}
      </a>
    </p>
  );
}
