/**
 * The load driver's transport, for the IDX driver and the control API client: node:http over
 * kept-alive connections. Node's `fetch` with a connection per request spent about three times the
 * simulator's CPU per sign-in; a plain request on a reused socket is the cheapest a Node client
 * sends, so the driver stops being what the figures measure.
 */
import { Agent, request } from 'node:http';
import type { Exchange, JsonReply, Transport } from 'ov-sim/client';

export interface KeepAliveTransport {
  transport: Transport;
  /** Requests sent again after the server closed their reused socket as they were sent. */
  resent(): number;
  close(): void;
}

export function keepAliveTransport(): KeepAliveTransport {
  // No cap on sockets: each concurrent sign-in keeps its own connection, as each browser would.
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  let resent = 0;

  const send = (url: string, { method, headers, body }: Exchange, retry: boolean): Promise<JsonReply> =>
    new Promise((resolve, reject) => {
      const outgoing = request(url, { method, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          try {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown });
          } catch (error) {
            reject(error as Error);
          }
        });
        response.on('error', reject);
      });
      outgoing.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive socket the server closed just as the request left: browsers send it again,
        // once, on a new connection (Node's documented pattern, `reusedSocket`).
        if (retry && outgoing.reusedSocket && error.code === 'ECONNRESET') {
          resent++;
          send(url, { method, headers, body }, false).then(resolve, reject);
        } else reject(error);
      });
      outgoing.end(body);
    });

  return {
    transport: (url, exchange) => send(url, exchange, true),
    resent: () => resent,
    close: () => agent.destroy(),
  };
}
