import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CHAT_SECRET_PATH = '/services/T000/B000/s3cr3t';

export interface ReceivedPost {
  method: string | undefined;
  url: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

export interface ChatService {
  url: string;
  received: ReceivedPost[];
  close(): Promise<void>;
}

/** A chat service on 127.0.0.1 that answers every POST with `status`, for webhook tests. */
export async function startChatService(status: number): Promise<ChatService> {
  const received: ReceivedPost[] = [];
  const server: Server = createServer(async (request: IncomingMessage, response) => {
    let text = '';
    for await (const chunk of request) text += String(chunk);
    received.push({
      method: request.method,
      url: request.url,
      contentType: request.headers['content-type'],
      body: JSON.parse(text),
    });
    response.writeHead(status, { 'content-type': 'text/plain' }).end(status < 300 ? 'ok' : 'no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${CHAT_SECRET_PATH}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
