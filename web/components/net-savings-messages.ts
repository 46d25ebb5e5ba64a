import type { Lang, Params } from '../i18n/i18n';

/**
 * The words of the admin view's "savings after the portal's own cost" panel (issue 17). They
 * live beside the panel, not in the main catalogues, so they load with the admin view's chunk
 * and never on an employee's first visit (the SPA's first-load budget, README "Performance").
 */
const en = {
  netTitle: 'Savings after the portal’s own cost',
  netVpnCost: 'VPN cost',
  netProductCost: 'The portal’s own cost (estimate)',
  netSavings: 'Net savings',
  netNegative: 'So far this month, the portal has cost more than it saved.',
  productLinesToggle: 'What the portal itself costs, line by line',
  productAlbOwn: 'Load balancer (its own ALB)',
  productAlbShared: 'Load balancer (shared listener)',
  productLambda: 'Lambda',
  productDynamoDb: 'DynamoDB',
  productKms: 'KMS key',
  productCloudWatch: 'CloudWatch',
  partAlbHours: 'ALB hours',
  partAlbLcuHours: 'Capacity units (LCU-hours)',
  partPublicIpv4Hours: 'Public IPv4 address-hours',
  partLambdaRequests: 'Requests',
  partLambdaGbSeconds: 'Compute (GB-seconds)',
  partDynamoDbReadUnits: 'Read request units',
  partDynamoDbWriteUnits: 'Write request units',
  partKmsKeyMonths: 'Key-months',
  partAlarmMetricMonths: 'Alarm metric-months',
  partDashboardMonths: 'Dashboard-months',
  partCustomMetricMonths: 'Custom metric-months',
  partMetricApiCalls: 'Metric API calls',
  partLogGbIngested: 'Logs ingested (GB)',
  lessThan: 'under {amount}',
  regionUsEast1: 'US East (N. Virginia)',
  productNote:
    'Estimates at {region} list prices of {date}, before free tiers. Status polls are not counted: {polls} estimated from {sessions} sessions, as if everyone kept the page open throughout.',
};

export type NetSavingsKey = keyof typeof en;
type NetSavingsCatalogue = Record<NetSavingsKey, string>;

const ko: NetSavingsCatalogue = {
  netTitle: '포털 자체 비용을 뺀 절약액',
  netVpnCost: 'VPN 비용',
  netProductCost: '포털 자체 비용(추정)',
  netSavings: '순 절약액',
  netNegative: '이번 달 지금까지는 포털 비용이 절약액보다 많습니다.',
  productLinesToggle: '포털 자체 비용 항목별 보기',
  productAlbOwn: '로드 밸런서(전용 ALB)',
  productAlbShared: '로드 밸런서(공유 리스너)',
  productLambda: 'Lambda',
  productDynamoDb: 'DynamoDB',
  productKms: 'KMS 키',
  productCloudWatch: 'CloudWatch',
  partAlbHours: 'ALB 실행 시간',
  partAlbLcuHours: '용량 단위(LCU-시간)',
  partPublicIpv4Hours: '퍼블릭 IPv4 주소-시간',
  partLambdaRequests: '요청 수',
  partLambdaGbSeconds: '컴퓨팅(GB-초)',
  partDynamoDbReadUnits: '읽기 요청 단위',
  partDynamoDbWriteUnits: '쓰기 요청 단위',
  partKmsKeyMonths: '키-월',
  partAlarmMetricMonths: '경보 지표-월',
  partDashboardMonths: '대시보드-월',
  partCustomMetricMonths: '사용자 지정 지표-월',
  partMetricApiCalls: '지표 API 호출',
  partLogGbIngested: '수집된 로그(GB)',
  lessThan: '{amount} 미만',
  regionUsEast1: '미국 동부(버지니아 북부)',
  productNote:
    '{date} 기준 {region} 정가로 계산한 추정치이며 프리 티어는 빼지 않았습니다. 상태 확인 횟수는 집계되지 않아, 모두가 세션 내내 페이지를 열어 두었다고 보고 세션 {sessions}개에서 {polls}회로 추정했습니다.',
};

const ja: NetSavingsCatalogue = {
  netTitle: 'ポータル自体の費用を差し引いた節約額',
  netVpnCost: 'VPN の費用',
  netProductCost: 'ポータル自体の費用（見積もり）',
  netSavings: '正味の節約額',
  netNegative: '今月はこれまでのところ、ポータルの費用が節約額を上回っています。',
  productLinesToggle: 'ポータル自体の費用の内訳',
  productAlbOwn: 'ロードバランサー（専用の ALB）',
  productAlbShared: 'ロードバランサー（共有リスナー）',
  productLambda: 'Lambda',
  productDynamoDb: 'DynamoDB',
  productKms: 'KMS キー',
  productCloudWatch: 'CloudWatch',
  partAlbHours: 'ALB の稼働時間',
  partAlbLcuHours: 'キャパシティユニット（LCU 時間）',
  partPublicIpv4Hours: 'パブリック IPv4 アドレス時間',
  partLambdaRequests: 'リクエスト数',
  partLambdaGbSeconds: 'コンピューティング（GB 秒）',
  partDynamoDbReadUnits: '読み込みリクエストユニット',
  partDynamoDbWriteUnits: '書き込みリクエストユニット',
  partKmsKeyMonths: 'キー月',
  partAlarmMetricMonths: 'アラームメトリクス月',
  partDashboardMonths: 'ダッシュボード月',
  partCustomMetricMonths: 'カスタムメトリクス月',
  partMetricApiCalls: 'メトリクス API 呼び出し',
  partLogGbIngested: '取り込んだログ（GB）',
  lessThan: '{amount} 未満',
  regionUsEast1: '米国東部（バージニア北部）',
  productNote:
    '{date} 時点の{region}の定価による見積もりで、無料利用枠は差し引いていません。ステータス確認の回数は集計していないため、全員がセッション中ずっとページを開いていたものとして、{sessions} 件のセッションから {polls} 回と見積もりました。',
};

/** For the translation test: every language has every key, and the same placeholders. */
export const netSavingsCatalogues: Record<Lang, NetSavingsCatalogue> = { en, ko, ja };

/** The panel's `t`: the same `{name}` placeholders as the main catalogues. */
export function netSavingsText(lang: Lang, key: NetSavingsKey, params: Params = {}): string {
  return netSavingsCatalogues[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
