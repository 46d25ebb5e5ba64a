/**
 * The month's oracle (issue 14): the fewest association-hours a month's use allows. Each tap
 * needs the subnets associated from the tap until its last real use plus the idle timeout,
 * and at least for the association time itself (AWS takes minutes to associate). Overlapping
 * needs are paid once. An association nobody used needs nothing.
 */

export interface Use {
  /** Epoch milliseconds of the Connect tap. */
  tapAt: number;
  /**
   * The end of real traffic: the disconnect, or when a forgotten client was put away; the
   * tap itself when nobody used it.
   */
  lastUseAt: number;
}

export interface OracleOptions {
  associateMinutes: number;
  idleTimeoutMinutes: number;
  /** Subnets associated together: association-hours are subnet-hours. */
  subnets: number;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The union of [tap, max(tap + association time, last use) + idle timeout], in subnet-hours. */
export function oracleAssociationHours(uses: readonly Use[], options: OracleOptions): number {
  const intervals = uses
    .map(({ tapAt, lastUseAt }) => [
      tapAt,
      Math.max(tapAt + options.associateMinutes * MINUTE_MS, lastUseAt) +
        options.idleTimeoutMinutes * MINUTE_MS,
    ])
    .sort((a, b) => (a[0] ?? 0) - (b[0] ?? 0));
  let total = 0;
  let from = Number.NEGATIVE_INFINITY;
  let to = Number.NEGATIVE_INFINITY;
  for (const [start = 0, end = 0] of intervals) {
    if (start > to) {
      if (to > from) total += to - from;
      from = start;
    }
    to = Math.max(to, end);
  }
  if (to > from) total += to - from;
  return (total / HOUR_MS) * options.subnets;
}
