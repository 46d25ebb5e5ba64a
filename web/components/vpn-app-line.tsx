import { DEFAULT_OPEN_NEXT, useClientInfo } from '../device/client-info';
import { vpnAppFor } from '../device/platform';
import { useI18n } from '../i18n/i18n';

/**
 * The ready state's "what now" for the device in hand (issue 16): OpenVPN Connect on an
 * iPad, an iPhone or Android, the AWS VPN Client elsewhere, with a link to install it, then
 * the app the deployment says to open (WorkSpaces unless set).
 */
export function VpnAppLine() {
  const { t, lang } = useI18n();
  const { platform, portal } = useClientInfo();
  const app = vpnAppFor(platform);
  const next = portal?.openNext[lang] ?? DEFAULT_OPEN_NEXT;
  const [before, middle = '', after = ''] = t('readyWithApp').split(/\{app\}|\{next\}/);
  const appFirst = t('readyWithApp').indexOf('{app}') < t('readyWithApp').indexOf('{next}');
  const appName = <strong translate={false}>{app.name}</strong>;
  const nextName = <strong translate={false}>{next}</strong>;
  return (
    <>
      <p class="lead" data-app={app.app}>
        {before}
        {appFirst ? appName : nextName}
        {middle}
        {appFirst ? nextName : appName}
        {after}
      </p>
      <p class="install-app">
        <a href={app.installUrl} target="_blank" rel="noopener noreferrer">
          {t('installApp', { app: app.name })}
        </a>
      </p>
    </>
  );
}
