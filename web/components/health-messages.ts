import type { Lang } from '../i18n/i18n';

/**
 * The health panel's words (issue 17). They live beside the panel, not in the main
 * catalogues, so they load with the admin view's chunk and not on an employee's first visit.
 * `{name}` marks a value filled in at render time (ids, times, AWS names).
 */
const en = {
  healthTitle: 'Deployment health',
  healthIntro:
    'Checked with the functions’ own AWS permissions, as they run. Answers are at most a minute old.',
  healthAllOk: 'All {count} checks passed.',
  healthSummary: '{failed} failed, {warnings} with a warning, {ok} passed.',
  healthCheckedAt: 'Checked at {time}',
  healthPassed: '{count} checks passed',
  healthRecheck: 'Check again',
  healthChecking: 'Checking…',
  healthUnavailable: 'The checks could not be run. Try again in a minute.',
  healthFix: 'Fix',
  healthAwsSaid: 'AWS answered',
  statusOk: 'OK',
  statusWarning: 'Warning',
  statusFailed: 'Failed',

  testNoticeTitle: 'Test notice',
  testNoticeHint: 'Sends a short message through every notice channel, naming you.',
  testNoticeButton: 'Send a test notice',
  testNoticeSending: 'Sending…',
  testNoticeSent: 'Sent: “{subject}”. Look for it where notices should arrive.',
  testNoticeNoChannel: 'No notice channel is set up, so nothing was sent.',
  testNoticeFailed: 'The test notice could not be sent.',

  rolePortal: 'The portal',
  roleEvents: 'The auto-off function',
  actAssociate: 'turn the VPN on',
  actDisassociate: 'turn the VPN off',
  actCreateRoute: 'restore routes',
  actTerminate: 'end connections without traffic',

  titleEndpoint: '[Client VPN] endpoint',
  titleSubnet: 'Subnet {subnetId}',
  titlePermission: '{role} may {action}',
  titleAlarm: 'Idle alarm',
  titleRunAlarm: 'Last run woken by the idle alarm',
  titleRunSweep: 'Last safety-net sweep',
  titleTopic: 'Notices by e-mail ([SNS] topic)',
  titleWebhook: 'Notices to chat (webhook)',

  endpointAvailable: '{endpointId} exists and is available: a subnet is associated.',
  endpointNoSubnet:
    '{endpointId} exists. No subnet is associated right now, as it should be while the VPN is off.',
  endpointNotFound: 'AWS has no endpoint {endpointId} in this account and region.',
  endpointGoingAway: '{endpointId} is being deleted ({state}).',
  endpointOtherState: '{endpointId} is in state {state}.',
  endpointUnreadable: 'The endpoint could not be read.',
  fixEndpointNotFound:
    'Set the endpoint id (`VPN_ENDPOINT_ID`, `endpointId` in the stack’s settings) to an endpoint of this account and region, then deploy again.',
  fixEndpointGoingAway:
    'Point the stack at the endpoint that replaces it (`endpointId`), then deploy again.',
  fixEndpointOtherState:
    'Look at the endpoint in the [VPC] console: the portal needs it available, or waiting for a subnet.',

  subnetInVpc: 'In the endpoint’s [VPC] {vpcId}, in zone {zone}.',
  subnetVpcUnchecked:
    'In zone {zone}. Its [VPC] could not be compared, because the endpoint could not be read.',
  subnetNotFound: 'AWS has no subnet {subnetId} in this account and region.',
  subnetOtherVpc: 'In [VPC] {vpcId}, but the endpoint is in {endpointVpcId}.',
  subnetSameZone:
    'In zone {zone}, like {sameZoneAs}. [Client VPN] takes one subnet per [Availability Zone].',
  subnetUnreadable: 'The subnets could not be read.',
  fixSubnetVpcUnchecked: 'Fix the endpoint check first; this one follows it.',
  fixSubnetNotFound:
    'Correct the subnet ids (`VPN_SUBNET_IDS`, `targetSubnetIds` in the stack’s settings), then deploy again.',
  fixSubnetOtherVpc:
    'List only subnets of {endpointVpcId} in the subnet ids (`targetSubnetIds`), then deploy again.',
  fixSubnetSameZone:
    'Keep one subnet per zone in the subnet ids (`targetSubnetIds`): remove {subnetId} or choose one in another zone, then deploy again.',

  permissionAllowed: '[IAM] allows {action}: a `DryRun` call answered `DryRunOperation`.',
  permissionDenied: '[IAM] refuses {action} to this function’s role: `UnauthorizedOperation`.',
  permissionInconclusive:
    'A `DryRun` call of {action} got an answer that proves nothing either way.',
  permissionNotChecked: 'The auto-off function could not be asked to check {action}.',
  fixPermissionDenied:
    'Deploy the stack again (`npx cdk deploy`) so the role gets its grant back. If a permissions boundary or an [SCP] denies it, allow {action} on this endpoint and its subnets.',
  fixPermissionInconclusive:
    'Read AWS’s answer below. While the VPN is off AWS may have no association to check a removal with: check again while the VPN is on.',
  fixPermissionNotChecked:
    'The portal needs `lambda:InvokeFunction` on the auto-off function, and that function must be deployed and working: deploy the stack again and look at the function’s log.',

  alarmStateOk: 'OK',
  alarmStateAlarm: 'in alarm (idle)',
  alarmStateNoData: 'without data',
  alarmWired: '{alarmName} invokes the auto-off function. State: {state} since {since}.',
  alarmNoData: '{alarmName} has no data yet, as for a few minutes after a deployment.',
  alarmActionUnverified:
    '{alarmName} exists ({state}). Which function it invokes was not checked: `EVENTS_FUNCTION_ARN` is not set.',
  alarmNotFound: 'There is no alarm named {alarmName}.',
  alarmActionMissing: '{alarmName} does not invoke the auto-off function.',
  alarmActionsDisabled:
    'The actions of {alarmName} are turned off: it never wakes the auto-off function.',
  alarmUnreadable: 'The alarm could not be read.',
  fixAlarmNoData:
    'If it lasts more than half an hour, check that the metric namespace (`METRIC_NAMESPACE`) is the alarm’s.',
  fixAlarmActionUnverified: 'Deploy the stack again: it gives the portal `EVENTS_FUNCTION_ARN`.',
  fixAlarmNotFound: 'Deploy the stack again; `IDLE_ALARM_NAME` must name the stack’s idle alarm.',
  fixAlarmActionMissing:
    'Deploy the stack again so the alarm invokes the auto-off function, and delete any hand-made alarm that does the same job.',
  fixAlarmActionsDisabled:
    'Turn its actions back on: `aws cloudwatch enable-alarm-actions --alarm-names {alarmName}`',

  outcomeDisassociated: 'turned the VPN off',
  outcomeDeclined: 'left the VPN on',
  outcomeNothing: 'found nothing to do',
  outcomeSkipped: 'ignored an event that was not an alarm',
  outcomeFailed: 'failed',
  runRan: '{when}: {outcome}.',
  runNeverAlarm:
    'The idle alarm has not woken the auto-off function yet. It does once nobody has used the VPN for the idle time.',
  runNeverSweep: 'No sweep has run yet. It runs every 15 minutes.',
  runOverdue: 'The last sweep ran {when}, more than two intervals ago.',
  runFailed: '{when}: the run failed.',
  runMissedAlarm:
    'The idle alarm went into alarm more than five minutes ago, but no run of the auto-off function followed.',
  runUnreadable: 'The record of runs could not be read.',
  fixRunNeverSweep:
    'If none has run 15 minutes after a deployment, check that the sweep’s [EventBridge] rule is enabled and the auto-off function has no errors.',
  fixRunOverdue:
    'Check that the sweep’s [EventBridge] rule is enabled, and the auto-off function’s errors and throttles in [CloudWatch].',
  fixRunFailed: 'Look for the error in the auto-off function’s log in [CloudWatch Logs].',
  fixRunMissedAlarm:
    'Look at the alarm’s history in [CloudWatch]: its action may have failed, or the function may have been throttled.',

  topicReachable: 'Topic {target} is reachable.',
  topicOff: 'No [SNS] topic is set: notices go to no e-mail.',
  topicNotFound: 'AWS has no topic {target}.',
  topicUnreachable: 'Topic {target} could not be reached.',
  webhookReachable: 'Parameter {target} can be read and holds an `https` address.',
  webhookOff: 'No chat webhook is set.',
  webhookNotFound: 'There is no parameter {target}.',
  webhookNotHttps: 'Parameter {target} does not hold an `https` address.',
  webhookUnreachable: 'Parameter {target} could not be read.',
  fixTopicNotFound: 'Deploy the stack again: it creates the topic and sets `NOTIFY_TOPIC_ARN`.',
  fixTopicUnreachable:
    'Read AWS’s answer below. The portal needs `sns:GetTopicAttributes` on the topic: deploy the stack again.',
  fixWebhookNotFound:
    'Create the `SecureString` parameter {target} holding the webhook’s address, or remove `chatWebhookParameter` from the settings.',
  fixWebhookNotHttps: 'Put the webhook’s `https` address in {target}.',
  fixWebhookUnreachable:
    'Read AWS’s answer below. The portal needs `ssm:GetParameter` on the parameter, and `kms:Decrypt` on its key if it is your own.',

  fixUnreadable:
    'Read AWS’s answer below. A refusal means the role lacks the read permission the stack grants: deploy it again. Anything else usually passes: check again in a minute.',
};

export type HealthKey = keyof typeof en;
type HealthCatalogue = Record<HealthKey, string>;

const ko: HealthCatalogue = {
  healthTitle: '배포 상태 점검',
  healthIntro: '각 함수가 실제로 쓰는 AWS 권한으로 점검합니다. 결과는 최대 1분 전의 것입니다.',
  healthAllOk: '점검 {count}개를 모두 통과했습니다.',
  healthSummary: '실패 {failed}개, 경고 {warnings}개, 통과 {ok}개.',
  healthCheckedAt: '{time}에 점검함',
  healthPassed: '통과한 점검 {count}개',
  healthRecheck: '다시 점검',
  healthChecking: '점검하는 중…',
  healthUnavailable: '점검을 실행하지 못했습니다. 1분 뒤에 다시 시도하세요.',
  healthFix: '해결 방법',
  healthAwsSaid: 'AWS의 응답',
  statusOk: '정상',
  statusWarning: '경고',
  statusFailed: '실패',

  testNoticeTitle: '테스트 알림',
  testNoticeHint: '모든 알림 채널로 보낸 사람의 이름이 담긴 짧은 메시지를 보냅니다.',
  testNoticeButton: '테스트 알림 보내기',
  testNoticeSending: '보내는 중…',
  testNoticeSent: '보냈습니다: “{subject}”. 알림을 받아야 할 곳에서 확인하세요.',
  testNoticeNoChannel: '설정된 알림 채널이 없어 아무것도 보내지 않았습니다.',
  testNoticeFailed: '테스트 알림을 보내지 못했습니다.',

  rolePortal: '포털',
  roleEvents: '자동 끄기 함수',
  actAssociate: 'VPN 켜기',
  actDisassociate: 'VPN 끄기',
  actCreateRoute: '경로 복구',
  actTerminate: '트래픽 없는 연결 끊기',

  titleEndpoint: '[Client VPN] 엔드포인트',
  titleSubnet: '서브넷 {subnetId}',
  titlePermission: '{role} 권한: {action}',
  titleAlarm: '유휴 경보',
  titleRunAlarm: '유휴 경보로 실행된 마지막 점검',
  titleRunSweep: '마지막 안전망 점검',
  titleTopic: '이메일 알림 ([SNS] 주제)',
  titleWebhook: '채팅 알림 (웹훅)',

  endpointAvailable: '{endpointId}이(가) 있고 사용 가능합니다. 서브넷이 연결되어 있습니다.',
  endpointNoSubnet:
    '{endpointId}이(가) 있습니다. 지금은 연결된 서브넷이 없습니다. VPN이 꺼져 있을 때는 정상입니다.',
  endpointNotFound: '이 계정과 리전에 엔드포인트 {endpointId}이(가) 없습니다.',
  endpointGoingAway: '{endpointId}을(를) 삭제하는 중입니다 ({state}).',
  endpointOtherState: '{endpointId}의 상태는 {state}입니다.',
  endpointUnreadable: '엔드포인트를 읽지 못했습니다.',
  fixEndpointNotFound:
    '엔드포인트 [ID](`VPN_ENDPOINT_ID`, 스택 설정의 `endpointId`)를 이 계정과 리전의 엔드포인트로 바꾼 뒤 다시 배포하세요.',
  fixEndpointGoingAway: '대신할 엔드포인트를 스택에 지정(`endpointId`)한 뒤 다시 배포하세요.',
  fixEndpointOtherState:
    '[VPC] 콘솔에서 엔드포인트를 확인하세요. 포털은 사용 가능하거나 서브넷 연결을 기다리는 엔드포인트가 필요합니다.',

  subnetInVpc: '엔드포인트의 [VPC] {vpcId}, 영역 {zone}에 있습니다.',
  subnetVpcUnchecked: '영역 {zone}에 있습니다. 엔드포인트를 읽지 못해 [VPC]는 비교하지 못했습니다.',
  subnetNotFound: '이 계정과 리전에 서브넷 {subnetId}이(가) 없습니다.',
  subnetOtherVpc: '[VPC] {vpcId}에 있지만 엔드포인트는 {endpointVpcId}에 있습니다.',
  subnetSameZone:
    '{sameZoneAs}와(과) 같은 영역 {zone}에 있습니다. [Client VPN]은 가용 영역마다 서브넷을 하나만 연결합니다.',
  subnetUnreadable: '서브넷을 읽지 못했습니다.',
  fixSubnetVpcUnchecked: '먼저 엔드포인트 점검을 해결하세요. 이 점검은 그 결과를 따릅니다.',
  fixSubnetNotFound:
    '서브넷 [ID](`VPN_SUBNET_IDS`, 스택 설정의 `targetSubnetIds`)를 바로잡은 뒤 다시 배포하세요.',
  fixSubnetOtherVpc:
    '서브넷 [ID](`targetSubnetIds`)에는 {endpointVpcId}의 서브넷만 넣은 뒤 다시 배포하세요.',
  fixSubnetSameZone:
    '서브넷 [ID](`targetSubnetIds`)에는 영역마다 서브넷을 하나만 두세요. {subnetId}을(를) 빼거나 다른 영역의 서브넷으로 바꾼 뒤 다시 배포하세요.',

  permissionAllowed:
    '[IAM]이 {action}을(를) 허용합니다. `DryRun` 호출의 응답은 `DryRunOperation`이었습니다.',
  permissionDenied:
    '[IAM]이 이 함수의 역할에 {action}을(를) 허용하지 않습니다: `UnauthorizedOperation`.',
  permissionInconclusive: '{action} `DryRun` 호출의 응답으로는 허용 여부를 알 수 없습니다.',
  permissionNotChecked: '자동 끄기 함수에 {action} 점검을 요청하지 못했습니다.',
  fixPermissionDenied:
    '스택을 다시 배포(`npx cdk deploy`)해 역할의 권한을 되돌리세요. 권한 경계나 [SCP]가 막고 있다면 이 엔드포인트와 서브넷에 대해 {action}을(를) 허용하세요.',
  fixPermissionInconclusive:
    '아래 AWS의 응답을 읽어 보세요. VPN이 꺼져 있으면 해제를 점검할 연결이 없을 수 있습니다. VPN이 켜져 있을 때 다시 점검하세요.',
  fixPermissionNotChecked:
    '포털에는 자동 끄기 함수에 대한 `lambda:InvokeFunction` 권한이 필요하고, 그 함수가 배포되어 정상 동작해야 합니다. 스택을 다시 배포하고 함수의 로그를 확인하세요.',

  alarmStateOk: '정상',
  alarmStateAlarm: '경보 (유휴)',
  alarmStateNoData: '데이터 없음',
  alarmWired: '{alarmName}이(가) 자동 끄기 함수를 호출합니다. 상태: {since}부터 {state}.',
  alarmNoData: '{alarmName}에 아직 데이터가 없습니다. 배포 후 몇 분 동안은 이렇습니다.',
  alarmActionUnverified:
    '{alarmName}이(가) 있습니다({state}). `EVENTS_FUNCTION_ARN`이 설정되지 않아 호출하는 함수는 점검하지 못했습니다.',
  alarmNotFound: '{alarmName}이라는 경보가 없습니다.',
  alarmActionMissing: '{alarmName}이(가) 자동 끄기 함수를 호출하지 않습니다.',
  alarmActionsDisabled: '{alarmName}의 작업이 꺼져 있어 자동 끄기 함수를 깨우지 못합니다.',
  alarmUnreadable: '경보를 읽지 못했습니다.',
  fixAlarmNoData:
    '30분 넘게 계속되면 지표 네임스페이스(`METRIC_NAMESPACE`)가 경보의 것과 같은지 확인하세요.',
  fixAlarmActionUnverified:
    '스택을 다시 배포하세요. 스택이 포털에 `EVENTS_FUNCTION_ARN`을 설정합니다.',
  fixAlarmNotFound:
    '스택을 다시 배포하세요. `IDLE_ALARM_NAME`은 스택의 유휴 경보 이름이어야 합니다.',
  fixAlarmActionMissing:
    '스택을 다시 배포해 경보가 자동 끄기 함수를 호출하게 하고, 같은 일을 하는 수동으로 만든 경보는 삭제하세요.',
  fixAlarmActionsDisabled:
    '경보 작업을 다시 켜세요: `aws cloudwatch enable-alarm-actions --alarm-names {alarmName}`',

  outcomeDisassociated: 'VPN을 껐습니다',
  outcomeDeclined: 'VPN을 켜 둔 채로 두었습니다',
  outcomeNothing: '할 일이 없었습니다',
  outcomeSkipped: '경보가 아닌 이벤트를 무시했습니다',
  outcomeFailed: '실패했습니다',
  runRan: '{when}: {outcome}.',
  runNeverAlarm:
    '유휴 경보가 아직 자동 끄기 함수를 깨운 적이 없습니다. 유휴 시간 동안 아무도 VPN을 쓰지 않으면 깨웁니다.',
  runNeverSweep: '아직 실행된 점검이 없습니다. 15분마다 실행됩니다.',
  runOverdue: '마지막 점검은 {when}에 실행되었습니다. 두 주기 넘게 지났습니다.',
  runFailed: '{when}: 실행에 실패했습니다.',
  runMissedAlarm:
    '유휴 경보가 5분도 더 전에 경보 상태가 되었지만 자동 끄기 함수가 실행되지 않았습니다.',
  runUnreadable: '실행 기록을 읽지 못했습니다.',
  fixRunNeverSweep:
    '배포 후 15분이 지나도 실행되지 않으면 안전망 점검의 [EventBridge] 규칙이 켜져 있는지, 자동 끄기 함수에 오류가 없는지 확인하세요.',
  fixRunOverdue:
    '안전망 점검의 [EventBridge] 규칙이 켜져 있는지, [CloudWatch]에서 자동 끄기 함수의 오류와 제한을 확인하세요.',
  fixRunFailed: '[CloudWatch Logs]의 자동 끄기 함수 로그에서 오류를 찾아보세요.',
  fixRunMissedAlarm:
    '[CloudWatch]에서 경보 기록을 확인하세요. 경보 작업이 실패했거나 함수 호출이 제한되었을 수 있습니다.',

  topicReachable: '주제 {target}에 연결할 수 있습니다.',
  topicOff: '[SNS] 주제가 설정되지 않아 이메일로 알림을 보내지 않습니다.',
  topicNotFound: '주제 {target}이(가) 없습니다.',
  topicUnreachable: '주제 {target}에 연결하지 못했습니다.',
  webhookReachable: '파라미터 {target}을(를) 읽을 수 있고 `https` 주소가 들어 있습니다.',
  webhookOff: '채팅 웹훅이 설정되지 않았습니다.',
  webhookNotFound: '파라미터 {target}이(가) 없습니다.',
  webhookNotHttps: '파라미터 {target}에 `https` 주소가 들어 있지 않습니다.',
  webhookUnreachable: '파라미터 {target}을(를) 읽지 못했습니다.',
  fixTopicNotFound: '스택을 다시 배포하세요. 스택이 주제를 만들고 `NOTIFY_TOPIC_ARN`을 설정합니다.',
  fixTopicUnreachable:
    '아래 AWS의 응답을 읽어 보세요. 포털에는 주제에 대한 `sns:GetTopicAttributes` 권한이 필요합니다. 스택을 다시 배포하세요.',
  fixWebhookNotFound:
    '웹훅 주소를 담은 `SecureString` 파라미터 {target}을(를) 만들거나, 설정에서 `chatWebhookParameter`를 지우세요.',
  fixWebhookNotHttps: '{target}에 웹훅의 `https` 주소를 넣으세요.',
  fixWebhookUnreachable:
    '아래 AWS의 응답을 읽어 보세요. 포털에는 파라미터에 대한 `ssm:GetParameter` 권한과, 직접 만든 키라면 그 키에 대한 `kms:Decrypt` 권한이 필요합니다.',

  fixUnreadable:
    '아래 AWS의 응답을 읽어 보세요. 거부되었다면 스택이 주는 읽기 권한이 역할에 없는 것이니 스택을 다시 배포하세요. 그 밖의 경우는 대개 지나갑니다. 1분 뒤에 다시 점검하세요.',
};

const ja: HealthCatalogue = {
  healthTitle: 'デプロイの健全性',
  healthIntro: '各関数が実際に使う AWS の権限で確認します。結果は最大 1 分前のものです。',
  healthAllOk: '{count} 件の確認にすべて合格しました。',
  healthSummary: '失敗 {failed} 件、警告 {warnings} 件、合格 {ok} 件。',
  healthCheckedAt: '{time} に確認',
  healthPassed: '合格した確認 {count} 件',
  healthRecheck: 'もう一度確認',
  healthChecking: '確認しています…',
  healthUnavailable: '確認を実行できませんでした。1 分後にもう一度お試しください。',
  healthFix: '対処',
  healthAwsSaid: 'AWS の応答',
  statusOk: '正常',
  statusWarning: '警告',
  statusFailed: '失敗',

  testNoticeTitle: 'テスト通知',
  testNoticeHint: 'すべての通知チャネルに、送った人の名前入りの短いメッセージを送ります。',
  testNoticeButton: 'テスト通知を送る',
  testNoticeSending: '送信しています…',
  testNoticeSent: '送信しました:「{subject}」。通知が届くはずの場所で確認してください。',
  testNoticeNoChannel: '通知チャネルが設定されていないため、何も送っていません。',
  testNoticeFailed: 'テスト通知を送れませんでした。',

  rolePortal: 'ポータル',
  roleEvents: '自動オフ関数',
  actAssociate: 'VPN をオンにする',
  actDisassociate: 'VPN をオフにする',
  actCreateRoute: 'ルートを復元する',
  actTerminate: '通信のない接続を切る',

  titleEndpoint: '[Client VPN] エンドポイント',
  titleSubnet: 'サブネット {subnetId}',
  titlePermission: '{role}の権限: {action}',
  titleAlarm: 'アイドルアラーム',
  titleRunAlarm: 'アイドルアラームによる最後の実行',
  titleRunSweep: '最後のセーフティネット確認',
  titleTopic: 'メール通知 ([SNS] トピック)',
  titleWebhook: 'チャット通知 ([Webhook])',

  endpointAvailable: '{endpointId} は存在し、利用可能です。サブネットが関連付けられています。',
  endpointNoSubnet:
    '{endpointId} は存在します。いまは関連付けられたサブネットがありません。VPN がオフのときはこれで正常です。',
  endpointNotFound: 'このアカウントとリージョンにエンドポイント {endpointId} はありません。',
  endpointGoingAway: '{endpointId} は削除中です ({state})。',
  endpointOtherState: '{endpointId} の状態は {state} です。',
  endpointUnreadable: 'エンドポイントを読み取れませんでした。',
  fixEndpointNotFound:
    'エンドポイント [ID] (`VPN_ENDPOINT_ID`、スタックの設定の `endpointId`) をこのアカウントとリージョンのエンドポイントにして、もう一度デプロイしてください。',
  fixEndpointGoingAway:
    '代わりのエンドポイントをスタックに指定 (`endpointId`) して、もう一度デプロイしてください。',
  fixEndpointOtherState:
    '[VPC] コンソールでエンドポイントを確認してください。ポータルには、利用可能かサブネットの関連付けを待っているエンドポイントが必要です。',

  subnetInVpc: 'エンドポイントの [VPC] {vpcId}、ゾーン {zone} にあります。',
  subnetVpcUnchecked:
    'ゾーン {zone} にあります。エンドポイントを読み取れなかったため、[VPC] は比べられませんでした。',
  subnetNotFound: 'このアカウントとリージョンにサブネット {subnetId} はありません。',
  subnetOtherVpc: '[VPC] {vpcId} にありますが、エンドポイントは {endpointVpcId} にあります。',
  subnetSameZone:
    '{sameZoneAs} と同じゾーン {zone} にあります。[Client VPN] はアベイラビリティーゾーンごとにサブネットを 1 つしか関連付けません。',
  subnetUnreadable: 'サブネットを読み取れませんでした。',
  fixSubnetVpcUnchecked:
    '先にエンドポイントの確認を解決してください。この確認はその結果に従います。',
  fixSubnetNotFound:
    'サブネット [ID] (`VPN_SUBNET_IDS`、スタックの設定の `targetSubnetIds`) を直して、もう一度デプロイしてください。',
  fixSubnetOtherVpc:
    'サブネット [ID] (`targetSubnetIds`) には {endpointVpcId} のサブネットだけを入れて、もう一度デプロイしてください。',
  fixSubnetSameZone:
    'サブネット [ID] (`targetSubnetIds`) はゾーンごとに 1 つにしてください。{subnetId} を外すか別のゾーンのものにして、もう一度デプロイしてください。',

  permissionAllowed:
    '[IAM] は {action} を許可しています。`DryRun` 呼び出しの応答は `DryRunOperation` でした。',
  permissionDenied:
    '[IAM] はこの関数のロールに {action} を許可していません: `UnauthorizedOperation`。',
  permissionInconclusive:
    '{action} の `DryRun` 呼び出しの応答からは、許可されているか判断できません。',
  permissionNotChecked: '自動オフ関数に {action} の確認を依頼できませんでした。',
  fixPermissionDenied:
    'スタックをもう一度デプロイ (`npx cdk deploy`) して、ロールの権限を戻してください。アクセス許可の境界や [SCP] が拒否している場合は、このエンドポイントとサブネットに対して {action} を許可してください。',
  fixPermissionInconclusive:
    '下の AWS の応答を読んでください。VPN がオフのあいだは、解除を確認するための関連付けがないことがあります。VPN がオンのときにもう一度確認してください。',
  fixPermissionNotChecked:
    'ポータルには自動オフ関数に対する `lambda:InvokeFunction` の権限が必要で、その関数がデプロイされて動いている必要があります。スタックをもう一度デプロイし、関数のログを確認してください。',

  alarmStateOk: '正常',
  alarmStateAlarm: 'アラーム (アイドル)',
  alarmStateNoData: 'データなし',
  alarmWired: '{alarmName} は自動オフ関数を呼び出します。状態: {since} から{state}。',
  alarmNoData: '{alarmName} にはまだデータがありません。デプロイ後の数分間はこうなります。',
  alarmActionUnverified:
    '{alarmName} は存在します ({state})。`EVENTS_FUNCTION_ARN` が設定されていないため、呼び出す関数は確認していません。',
  alarmNotFound: '{alarmName} という名前のアラームはありません。',
  alarmActionMissing: '{alarmName} は自動オフ関数を呼び出しません。',
  alarmActionsDisabled: '{alarmName} のアクションがオフになっていて、自動オフ関数を起こしません。',
  alarmUnreadable: 'アラームを読み取れませんでした。',
  fixAlarmNoData:
    '30 分以上続く場合は、メトリクスの名前空間 (`METRIC_NAMESPACE`) がアラームのものと同じか確認してください。',
  fixAlarmActionUnverified:
    'スタックをもう一度デプロイしてください。スタックがポータルに `EVENTS_FUNCTION_ARN` を設定します。',
  fixAlarmNotFound:
    'スタックをもう一度デプロイしてください。`IDLE_ALARM_NAME` はスタックのアイドルアラームの名前である必要があります。',
  fixAlarmActionMissing:
    'スタックをもう一度デプロイしてアラームが自動オフ関数を呼び出すようにし、同じ役目の手作りのアラームは削除してください。',
  fixAlarmActionsDisabled:
    'アラームのアクションをオンに戻してください: `aws cloudwatch enable-alarm-actions --alarm-names {alarmName}`',

  outcomeDisassociated: 'VPN をオフにしました',
  outcomeDeclined: 'VPN をオンのままにしました',
  outcomeNothing: 'することはありませんでした',
  outcomeSkipped: 'アラームではないイベントを無視しました',
  outcomeFailed: '失敗しました',
  runRan: '{when}: {outcome}。',
  runNeverAlarm:
    'アイドルアラームはまだ自動オフ関数を起こしていません。アイドル時間のあいだ誰も VPN を使わないと起こします。',
  runNeverSweep: 'まだ確認は実行されていません。15 分ごとに実行されます。',
  runOverdue: '最後の確認は {when} に実行されました。2 周期以上前です。',
  runFailed: '{when}: 実行に失敗しました。',
  runMissedAlarm:
    'アイドルアラームが 5 分以上前にアラーム状態になりましたが、自動オフ関数は実行されませんでした。',
  runUnreadable: '実行の記録を読み取れませんでした。',
  fixRunNeverSweep:
    'デプロイから 15 分たっても実行されない場合は、セーフティネット確認の [EventBridge] ルールが有効か、自動オフ関数にエラーがないか確認してください。',
  fixRunOverdue:
    'セーフティネット確認の [EventBridge] ルールが有効か、[CloudWatch] で自動オフ関数のエラーとスロットリングを確認してください。',
  fixRunFailed: '[CloudWatch Logs] の自動オフ関数のログでエラーを探してください。',
  fixRunMissedAlarm:
    '[CloudWatch] でアラームの履歴を確認してください。アクションが失敗したか、関数の呼び出しが制限された可能性があります。',

  topicReachable: 'トピック {target} に接続できます。',
  topicOff: '[SNS] トピックが設定されていないため、メールでは通知しません。',
  topicNotFound: 'トピック {target} はありません。',
  topicUnreachable: 'トピック {target} に接続できませんでした。',
  webhookReachable: 'パラメータ {target} を読み取れ、`https` のアドレスが入っています。',
  webhookOff: 'チャットの [Webhook] は設定されていません。',
  webhookNotFound: 'パラメータ {target} はありません。',
  webhookNotHttps: 'パラメータ {target} に `https` のアドレスが入っていません。',
  webhookUnreachable: 'パラメータ {target} を読み取れませんでした。',
  fixTopicNotFound:
    'スタックをもう一度デプロイしてください。スタックがトピックを作り、`NOTIFY_TOPIC_ARN` を設定します。',
  fixTopicUnreachable:
    '下の AWS の応答を読んでください。ポータルにはトピックに対する `sns:GetTopicAttributes` の権限が必要です。スタックをもう一度デプロイしてください。',
  fixWebhookNotFound:
    '[Webhook] のアドレスを入れた `SecureString` パラメータ {target} を作るか、設定から `chatWebhookParameter` を外してください。',
  fixWebhookNotHttps: '{target} に [Webhook] の `https` アドレスを入れてください。',
  fixWebhookUnreachable:
    '下の AWS の応答を読んでください。ポータルにはパラメータに対する `ssm:GetParameter` の権限と、独自のキーならそのキーに対する `kms:Decrypt` の権限が必要です。',

  fixUnreadable:
    '下の AWS の応答を読んでください。拒否された場合は、スタックが与える読み取り権限がロールにないので、もう一度デプロイしてください。それ以外はたいてい一時的です。1 分後にもう一度確認してください。',
};

const catalogues: Record<Lang, HealthCatalogue> = { en, ko, ja };

/** The panel's words: the catalogue entry, untouched; placeholders are filled by the panel. */
export function healthTemplate(lang: Lang, key: HealthKey): string {
  return catalogues[lang][key];
}

/** For the translation test: every language has every key, and the same placeholders. */
export const healthCatalogues = catalogues;
