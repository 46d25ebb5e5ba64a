/**
 * Sessions name people by whatever the backend recorded: an e-mail, a VPN user name or a
 * Cognito `sub`. A bare UUID is unreadable in a table, so it is shortened, with the whole
 * value kept in the tooltip for support.
 */
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function UserLabel({ id }: { id: string }) {
  if (!uuid.test(id)) return <span translate={false}>{id}</span>;
  return (
    <span translate={false} title={id}>
      {id.slice(0, 8)}…
    </span>
  );
}

export function UserList({ ids, empty }: { ids: string[]; empty: string }) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return <>{empty}</>;
  return (
    <>
      {unique.map((id, i) => (
        <span key={id}>
          {i > 0 && ', '}
          <UserLabel id={id} />
        </span>
      ))}
    </>
  );
}
