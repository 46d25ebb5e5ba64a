import {
  type EndpointSettings,
  endpointListProblems,
  formatSettingPath,
} from './endpoint-settings.js';
import { SettingsError } from './read-env.js';

/** Who may use the simulated staging endpoint (the demo user 박서준 is in it). */
export const LOCAL_STAGING_GROUP = 'developers';

/**
 * Local mode's endpoints when `VPN_ENDPOINTS` is unset (issue 18): today's variables, or
 * their stand-ins, describe the first, "Seoul office", open to everyone, so the demo users of
 * before see the page of before; a second, "Staging", only for `developers`, shows the page
 * with several endpoints. It follows the first's idle and quiet-connection rules and has no
 * warm-ups. Set `VPN_ENDPOINTS` to simulate other endpoints.
 */
export function withLocalDemoEndpoints(first: EndpointSettings): EndpointSettings[] {
  const endpoints: EndpointSettings[] = [
    {
      ...first,
      key: 'seoul',
      names: { ko: '서울 사무실', ja: 'ソウル事務所', en: 'Seoul office' },
    },
    {
      key: 'staging',
      endpointId: 'cvpn-endpoint-0123456789abcdef1',
      names: { ko: '스테이징', ja: 'ステージング', en: 'Staging' },
      subnetIds: ['subnet-0a1b2c3d4e5f60011', 'subnet-0a1b2c3d4e5f60012'],
      extraRoutes: [],
      idleTimeoutMinutes: first.idleTimeoutMinutes,
      quietConnectionMinutes: first.quietConnectionMinutes,
      idleAlarmName: `${first.idleAlarmName}-staging`,
      warmUps: [],
      groups: [LOCAL_STAGING_GROUP],
    },
  ];
  const [problem] = endpointListProblems(endpoints);
  if (problem) {
    throw new SettingsError(
      `local endpoint${formatSettingPath(problem.path)}`,
      `${problem.message} (set VPN_ENDPOINTS to simulate other endpoints)`,
    );
  }
  return endpoints;
}
