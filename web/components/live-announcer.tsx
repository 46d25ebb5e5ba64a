/**
 * Screen readers hear state changes ("Ready — open your VPN app") without the ticking
 * countdown: only the text passed here is live, and it changes only with the state.
 */
export function LiveAnnouncer({ message }: { message: string }) {
  return (
    <div class="visually-hidden" aria-live="polite" aria-atomic="true">
      {message}
    </div>
  );
}
