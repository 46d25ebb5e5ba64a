import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';

export type NodeServer = ReturnType<typeof createAdaptorServer>;

/** Port taken, or no permission to listen: said in one line, without a stack trace. */
export class ListenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ListenError';
  }
}

export function createNodeServer(
  fetch: (request: Request) => Response | Promise<Response>,
): NodeServer {
  return createAdaptorServer({ fetch: (request: Request) => fetch(request) });
}

/** Resolves with the port actually bound (useful with 0), or rejects with a ListenError. */
export function listen(server: NodeServer, port: number, host: string): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const reason =
        error.code === 'EADDRINUSE'
          ? `port ${port} is already in use; stop the other server or set PORT to another port`
          : error.code === 'EACCES'
            ? `no permission to listen on port ${port}; set PORT to a port above 1024`
            : error.message;
      reject(new ListenError(`Cannot start the local server: ${reason}.`));
    });
    server.listen(port, host, () => resolvePort((server.address() as AddressInfo).port));
  });
}

/** Closes the server, keep-alive connections included, so tests and Ctrl-C end promptly. */
export function closeServer(server: NodeServer): Promise<void> {
  return new Promise((done) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close(() => done());
  });
}
