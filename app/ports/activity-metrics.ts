/** The activity signal the idle alarm watches (SPEC section 4, rule 1). */
export interface ActivityMetrics {
  /** Publishes one `ConnectRequests` data point. */
  recordConnectRequest(at: Date): Promise<void>;
  /**
   * The start of the latest period in [since, until) that holds a connect request, or null.
   * Read by the auto-disconnect re-check as a second witness beside the session store.
   */
  lastConnectRequestSince(since: Date, until: Date): Promise<Date | null>;
}
