/** The CloudWatch alarm that wakes the auto-disconnect handler. */
export interface IdleAlarm {
  /** Sets the alarm back to OK so it can fire again (SPEC section 4, rule 3). */
  reset(reason: string): Promise<void>;
}
