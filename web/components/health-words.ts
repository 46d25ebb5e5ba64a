import type {
  ClientVpnChangeAction,
  FunctionRole,
  HealthCheck,
  IdleCheckOutcome,
} from '../../app/core/model/health';
import { formatDateTime } from '../i18n/format';
import type { Lang } from '../i18n/i18n';
import { type HealthKey, healthTemplate } from './health-messages';

/** A value put into a sentence: words of the reader's language, or an AWS name kept as is. */
export type Param = string | { code: string };

export interface Phrase {
  key: HealthKey;
  params: Record<string, Param>;
}

/** What the panel says about one check: its title, what was found, and how to fix it. */
export interface CheckWords {
  title: Phrase;
  sentence: Phrase;
  /** Null for a check that passed. */
  fix: Phrase | null;
}

const ROLE: Record<FunctionRole, HealthKey> = { portal: 'rolePortal', events: 'roleEvents' };
const ACTION: Record<ClientVpnChangeAction, HealthKey> = {
  AssociateClientVpnTargetNetwork: 'actAssociate',
  DisassociateClientVpnTargetNetwork: 'actDisassociate',
  CreateClientVpnRoute: 'actCreateRoute',
  TerminateClientVpnConnections: 'actTerminate',
};
const OUTCOME: Record<IdleCheckOutcome, HealthKey> = {
  disassociated: 'outcomeDisassociated',
  declined: 'outcomeDeclined',
  nothing: 'outcomeNothing',
  skipped: 'outcomeSkipped',
  failed: 'outcomeFailed',
};

const phrase = (key: HealthKey, params: Record<string, Param> = {}): Phrase => ({ key, params });
const code = (value: string | null): Param => ({ code: value ?? '?' });

/**
 * The words for one check, in `lang`: a title, a sentence from the check's `finding` and
 * values, and a fix for anything that did not pass. Exhaustive over the findings, so a new
 * finding cannot reach the page unworded.
 */
export function wordsFor(check: HealthCheck, lang: Lang): CheckWords {
  const when = (iso: string | null): Param => (iso ? formatDateTime(lang, new Date(iso)) : '?');
  const words = (title: Phrase, sentence: Phrase, fix: Phrase | null): CheckWords => ({
    title,
    sentence,
    fix: check.status === 'ok' ? null : fix,
  });
  const unreadable = phrase('fixUnreadable');
  switch (check.kind) {
    case 'endpoint': {
      const params = { endpointId: code(check.endpointId), state: code(check.state) };
      const title = phrase('titleEndpoint');
      switch (check.finding) {
        case 'available':
          return words(title, phrase('endpointAvailable', params), null);
        case 'no-subnet-associated':
          return words(title, phrase('endpointNoSubnet', params), null);
        case 'not-found':
          return words(title, phrase('endpointNotFound', params), phrase('fixEndpointNotFound'));
        case 'going-away':
          return words(title, phrase('endpointGoingAway', params), phrase('fixEndpointGoingAway'));
        case 'other-state':
          return words(
            title,
            phrase('endpointOtherState', params),
            phrase('fixEndpointOtherState'),
          );
        case 'unreadable':
          return words(title, phrase('endpointUnreadable', params), unreadable);
      }
      break;
    }
    case 'subnet': {
      const params = {
        subnetId: code(check.subnetId),
        vpcId: code(check.vpcId),
        zone: code(check.availabilityZone),
        endpointVpcId: code(check.endpointVpcId),
        sameZoneAs: code(check.sameZoneAs),
      };
      const title = phrase('titleSubnet', { subnetId: code(check.subnetId) });
      switch (check.finding) {
        case 'in-vpc':
          return words(title, phrase('subnetInVpc', params), null);
        case 'vpc-unchecked':
          return words(
            title,
            phrase('subnetVpcUnchecked', params),
            phrase('fixSubnetVpcUnchecked'),
          );
        case 'not-found':
          return words(title, phrase('subnetNotFound', params), phrase('fixSubnetNotFound'));
        case 'other-vpc':
          return words(
            title,
            phrase('subnetOtherVpc', params),
            phrase('fixSubnetOtherVpc', params),
          );
        case 'same-zone':
          return words(
            title,
            phrase('subnetSameZone', params),
            phrase('fixSubnetSameZone', params),
          );
        case 'unreadable':
          return words(title, phrase('subnetUnreadable', params), unreadable);
      }
      break;
    }
    case 'permission': {
      const action = { action: code(`ec2:${check.action}`) };
      const title = phrase('titlePermission', {
        role: healthTemplate(lang, ROLE[check.role]),
        action: healthTemplate(lang, ACTION[check.action]),
      });
      switch (check.finding) {
        case 'allowed':
          return words(title, phrase('permissionAllowed', action), null);
        case 'denied':
          return words(
            title,
            phrase('permissionDenied', action),
            phrase('fixPermissionDenied', action),
          );
        case 'inconclusive':
          return words(
            title,
            phrase('permissionInconclusive', action),
            phrase('fixPermissionInconclusive'),
          );
        case 'not-checked':
          return words(
            title,
            phrase('permissionNotChecked', action),
            phrase('fixPermissionNotChecked'),
          );
      }
      break;
    }
    case 'idle-alarm': {
      const state =
        check.state === 'OK'
          ? 'alarmStateOk'
          : check.state === 'ALARM'
            ? 'alarmStateAlarm'
            : 'alarmStateNoData';
      const params = {
        alarmName: code(check.alarmName),
        state: healthTemplate(lang, state),
        since: when(check.stateSince),
      };
      const title = phrase('titleAlarm');
      switch (check.finding) {
        case 'wired':
          return words(title, phrase('alarmWired', params), null);
        case 'no-data':
          return words(title, phrase('alarmNoData', params), phrase('fixAlarmNoData'));
        case 'action-unverified':
          return words(
            title,
            phrase('alarmActionUnverified', params),
            phrase('fixAlarmActionUnverified'),
          );
        case 'not-found':
          return words(title, phrase('alarmNotFound', params), phrase('fixAlarmNotFound'));
        case 'action-missing':
          return words(
            title,
            phrase('alarmActionMissing', params),
            phrase('fixAlarmActionMissing'),
          );
        case 'actions-disabled':
          return words(
            title,
            phrase('alarmActionsDisabled', params),
            phrase('fixAlarmActionsDisabled', params),
          );
        case 'unreadable':
          return words(title, phrase('alarmUnreadable', params), unreadable);
      }
      break;
    }
    case 'last-run': {
      const sweep = check.trigger === 'sweep';
      const params = {
        when: when(check.at),
        outcome: check.outcome ? healthTemplate(lang, OUTCOME[check.outcome]) : '?',
      };
      const title = phrase(sweep ? 'titleRunSweep' : 'titleRunAlarm');
      switch (check.finding) {
        case 'ran':
          return words(title, phrase('runRan', params), null);
        case 'never':
          return sweep
            ? words(title, phrase('runNeverSweep'), phrase('fixRunNeverSweep'))
            : words(title, phrase('runNeverAlarm'), null);
        case 'overdue':
          return words(title, phrase('runOverdue', params), phrase('fixRunOverdue'));
        case 'failed':
          return words(title, phrase('runFailed', params), phrase('fixRunFailed'));
        case 'missed-alarm':
          return words(title, phrase('runMissedAlarm', params), phrase('fixRunMissedAlarm'));
        case 'unreadable':
          return words(title, phrase('runUnreadable'), unreadable);
      }
      break;
    }
    case 'notice-channel': {
      const params = { target: code(check.target) };
      if (check.channel === 'topic') {
        const title = phrase('titleTopic');
        switch (check.finding) {
          case 'reachable':
            return words(title, phrase('topicReachable', params), null);
          case 'off':
            return words(title, phrase('topicOff'), null);
          case 'not-found':
          case 'not-https':
            return words(title, phrase('topicNotFound', params), phrase('fixTopicNotFound'));
          case 'unreachable':
            return words(title, phrase('topicUnreachable', params), phrase('fixTopicUnreachable'));
        }
      }
      const title = phrase('titleWebhook');
      switch (check.finding) {
        case 'reachable':
          return words(title, phrase('webhookReachable', params), null);
        case 'off':
          return words(title, phrase('webhookOff'), null);
        case 'not-found':
          return words(
            title,
            phrase('webhookNotFound', params),
            phrase('fixWebhookNotFound', params),
          );
        case 'not-https':
          return words(
            title,
            phrase('webhookNotHttps', params),
            phrase('fixWebhookNotHttps', params),
          );
        case 'unreachable':
          return words(
            title,
            phrase('webhookUnreachable', params),
            phrase('fixWebhookUnreachable'),
          );
      }
      break;
    }
  }
  // Unreachable for the findings the types know; a newer server's finding still reads sensibly.
  return words(phrase('titleEndpoint'), phrase('endpointUnreadable'), unreadable);
}
