/** The activity signal the idle alarm watches (SPEC section 4, rule 1). */
export interface ActivityMetrics {
  /** Publishes one `ConnectRequests` data point. */
  recordConnectRequest(at: Date): Promise<void>;
  /**
   * The latest moment in [since, until) the metrics show activity: the start of a minute
   * holding a connect request, or the end of a 5-minute period in which a client was
   * connected (AWS/ClientVPN ActiveConnectionsCount), at most `until`. Null when neither
   * shows any: no data points count as no activity, as the idle alarm reads missing data.
   * Read by the auto-disconnect re-check as a witness beside the session store; for an
   * association the portal did not make it is the only memory older than EC2's 60 minutes.
   */
  lastActivitySince(since: Date, until: Date): Promise<Date | null>;
}
