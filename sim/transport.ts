/**
 * How the simulator's clients (the control API client, the IDX driver) send a request and read its
 * JSON answer: `fetch` unless told otherwise. The load benchmark gives them a node:http transport on
 * kept-alive connections, which costs a fraction of `fetch`'s CPU per request. Browser-safe.
 */
export interface Exchange {
  method: string;
  headers: Record<string, string>;
  body?: string;
}

export interface JsonReply<Body = unknown> {
  status: number;
  body: Body;
}

export type Transport = (url: string, exchange: Exchange) => Promise<JsonReply>;

export const fetchTransport: Transport = async (url, exchange) => {
  const response = await fetch(url, exchange);
  return { status: response.status, body: (await response.json()) as unknown };
};
