import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { VpnClientBody } from '../../app/http/api-types';
import { currentPlatform, type Platform } from './platform';

/** What the deployment says about the VPN app, plus the device in hand (issue 16). */
export interface ClientInfo {
  platform: Platform;
  /** null until `/api/vpn-client` answered (or when it failed): defaults apply. */
  portal: VpnClientBody | null;
}

export const DEFAULT_OPEN_NEXT = 'WorkSpaces';

export const ClientInfoContext = createContext<ClientInfo>({
  platform: currentPlatform(),
  portal: null,
});

export function useClientInfo(): ClientInfo {
  return useContext(ClientInfoContext);
}
