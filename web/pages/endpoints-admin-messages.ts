import type { Lang, Params } from '../i18n/i18n';

/**
 * The words of the admin view's several-endpoints table (issue 18). They live beside it,
 * not in the main catalogues, so they load with the admin chunk and never on an employee's
 * first visit.
 */
const en = {
  endpointsTitle: 'Endpoints',
  colEndpoint: 'Endpoint',
  colConnectedNow: 'Connected now',
  colSessionsThisMonth: 'Sessions this month',
  colCostThisMonth: 'Cost this month',
  colActions: 'Actions',
  allEndpoints: 'All endpoints',
  detailsOf: 'Connections and sessions of',
};

export type EndpointsAdminKey = keyof typeof en;
type EndpointsAdminCatalogue = Record<EndpointsAdminKey, string>;

const ko: EndpointsAdminCatalogue = {
  endpointsTitle: '엔드포인트',
  colEndpoint: '엔드포인트',
  colConnectedNow: '현재 연결',
  colSessionsThisMonth: '이번 달 세션',
  colCostThisMonth: '이번 달 비용',
  colActions: '작업',
  allEndpoints: '전체 엔드포인트',
  detailsOf: '연결과 세션을 볼 엔드포인트',
};

const ja: EndpointsAdminCatalogue = {
  endpointsTitle: 'エンドポイント',
  colEndpoint: 'エンドポイント',
  colConnectedNow: '現在の接続',
  colSessionsThisMonth: '今月のセッション',
  colCostThisMonth: '今月の費用',
  colActions: '操作',
  allEndpoints: 'すべてのエンドポイント',
  detailsOf: '接続とセッションを表示するエンドポイント',
};

const catalogues: Record<Lang, EndpointsAdminCatalogue> = { en, ko, ja };

/** The table's `t`: the same `{name}` placeholders as the main catalogues. */
export function endpointsAdminText(lang: Lang, key: EndpointsAdminKey, params: Params = {}) {
  return catalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** For the translation test: every language has every key. */
export const endpointsAdminCatalogues = catalogues;
