/**
 * What woke the function that turns an idle VPN off: the idle alarm's action, or the
 * safety-net sweep that runs on a schedule in case the alarm missed.
 */
export type AutoDisconnectTrigger = 'alarm' | 'sweep';
