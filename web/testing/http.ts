/**
 * Raw HTTP answers for tests of the API client and of pages built on it: the portal's JSON,
 * and what the ALB sends in its place. Not imported by the app.
 */

export const jsonResponse = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

const albReason: Record<number, string> = {
  502: 'Bad Gateway',
  503: 'Service Temporarily Unavailable',
  504: 'Gateway Time-out',
};

/** What an ALB sends when its Lambda target fails, times out or is throttled. */
export function albErrorPage(status: 502 | 503 | 504): Response {
  const title = `${status} ${albReason[status]}`;
  return new Response(
    `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`,
    { status, headers: { 'content-type': 'text/html', server: 'awselb/2.0' } },
  );
}

/** A sessionStorage stand-in for the client's reload guard. */
export function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (k: string) => items.get(k) ?? null,
    setItem: (k: string, v: string) => void items.set(k, v),
  };
}
