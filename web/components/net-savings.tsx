import type {
  ProductCostItem,
  ProductCostLine,
  ProductCostPartName,
} from '../../app/core/model/product-cost';
import type { AdminSessionsBody } from '../../app/http/api-types';
import { formatNumber, formatUsd } from '../i18n/format';
import { type Lang, useI18n } from '../i18n/i18n';
import { type NetSavingsKey, netSavingsText } from './net-savings-messages';
import './net-savings.css';

type Month = AdminSessionsBody['month'];

/**
 * Issue 17: what the VPN saved once the portal's own bill is paid. Always-on, minus the
 * VPN's cost, minus what the portal itself costs (a line per service, each opening onto its
 * quantities), gives the net savings. The lines are estimates, and the panel says so.
 */
export function NetSavings({ month }: { month: Month }) {
  const { t: mainText, lang } = useI18n();
  const t = (key: NetSavingsKey, params = {}) => netSavingsText(lang, key, params);
  const product = month.productCost;
  const negative = month.netSavingsUsd < 0;
  return (
    <section class="panel" aria-labelledby="net-savings-title">
      <h2 id="net-savings-title">{t('netTitle')}</h2>
      <dl class="net-sum">
        <div>
          <dt>{mainText('monthAlwaysOn')}</dt>
          <dd>{formatUsd(lang, month.alwaysOnCostUsd)}</dd>
        </div>
        <div>
          <dt>{t('netVpnCost')}</dt>
          <dd>{minus(formatUsd(lang, month.costUsd))}</dd>
        </div>
        <div>
          <dt>{t('netProductCost')}</dt>
          <dd>{minus(formatUsd(lang, product.costUsd))}</dd>
        </div>
        <div class="net-total">
          <dt>{t('netSavings')}</dt>
          <dd class={negative ? 'net-negative' : undefined}>
            {formatUsd(lang, month.netSavingsUsd)}
          </dd>
        </div>
      </dl>
      {negative && <p class="fact">{t('netNegative')}</p>}
      <details class="net-lines">
        <summary>{t('productLinesToggle')}</summary>
        <ul>
          {product.lines.map((line) => (
            <ProductLine key={line.item} line={line} />
          ))}
        </ul>
        <p class="fact net-note">
          {t('productNote', {
            region: product.priceRegion === 'us-east-1' ? t('regionUsEast1') : product.priceRegion,
            date: new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeZone: 'UTC' }).format(
              new Date(product.pricesCheckedOn),
            ),
            sessions: formatNumber(lang, product.usage.sessions, 0),
            polls: formatNumber(lang, product.usage.statusPolls, 0),
          })}
        </p>
      </details>
    </section>
  );
}

function ProductLine({ line }: { line: ProductCostLine }) {
  const { lang } = useI18n();
  const t = (key: NetSavingsKey) => netSavingsText(lang, key);
  return (
    <li>
      <details>
        <summary>
          <span class="net-line">
            <span>{t(itemName(line))}</span>
            <span class="net-amount">{usd(lang, line.costUsd)}</span>
          </span>
        </summary>
        <table>
          <tbody>
            {line.parts.map((part) => (
              <tr key={part.part}>
                <th scope="row">{t(partName[part.part])}</th>
                <td class="num">{formatNumber(lang, part.quantity, quantityDigits[part.part])}</td>
                <td class="num">{usd(lang, part.costUsd)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </li>
  );
}

/** A typographic minus: these figures are taken away from always-on. */
function minus(amount: string): string {
  return `− ${amount}`;
}

/** Most lines are a few cents or less: "under $0.01" rather than a misleading $0.00. */
function usd(lang: Lang, amount: number): string {
  if (amount > 0 && amount < 0.005) {
    return netSavingsText(lang, 'lessThan', { amount: formatUsd(lang, 0.01) });
  }
  return formatUsd(lang, amount);
}

const itemNames: Record<ProductCostItem, NetSavingsKey> = {
  'load-balancer': 'productAlbOwn',
  lambda: 'productLambda',
  dynamodb: 'productDynamoDb',
  kms: 'productKms',
  cloudwatch: 'productCloudWatch',
};

function itemName(line: ProductCostLine): NetSavingsKey {
  if (line.item === 'load-balancer' && line.loadBalancerMode === 'shared-listener') {
    return 'productAlbShared';
  }
  return itemNames[line.item];
}

const partName: Record<ProductCostPartName, NetSavingsKey> = {
  'alb-hours': 'partAlbHours',
  'alb-lcu-hours': 'partAlbLcuHours',
  'public-ipv4-hours': 'partPublicIpv4Hours',
  'lambda-requests': 'partLambdaRequests',
  'lambda-gb-seconds': 'partLambdaGbSeconds',
  'dynamodb-read-units': 'partDynamoDbReadUnits',
  'dynamodb-write-units': 'partDynamoDbWriteUnits',
  'kms-key-months': 'partKmsKeyMonths',
  'alarm-metric-months': 'partAlarmMetricMonths',
  'dashboard-months': 'partDashboardMonths',
  'custom-metric-months': 'partCustomMetricMonths',
  'metric-api-calls': 'partMetricApiCalls',
  'log-gb-ingested': 'partLogGbIngested',
};

/** Whole counts for hours, requests and units; fractions where a part is a share of a month. */
const quantityDigits: Record<ProductCostPartName, number> = {
  'alb-hours': 0,
  'alb-lcu-hours': 2,
  'public-ipv4-hours': 0,
  'lambda-requests': 0,
  'lambda-gb-seconds': 0,
  'dynamodb-read-units': 0,
  'dynamodb-write-units': 0,
  'kms-key-months': 2,
  'alarm-metric-months': 2,
  'dashboard-months': 2,
  'custom-metric-months': 3,
  'metric-api-calls': 0,
  'log-gb-ingested': 3,
};
