/** A tiny static server for the benchmark pages, so Chromium loads them over http like any site. */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

export interface StaticServer {
  /** `http://127.0.0.1:port`: an origin the simulator's CORS rules allow (its redirect URI must be registered). */
  origin: string;
  /**
   * The `Cache-Control` of every answer from now on: `no-store` (the default), so every run loads
   * the scripts as a first visit does; a `max-age` lets a second load of a page take them from the
   * browser's HTTP cache, as a returning visitor's does (the warm first-render figures).
   */
  cacheControl: string;
  close(): Promise<void>;
}

/** `mounts` maps a URL prefix (`/okta/`) to a directory. */
export async function serveStatic(mounts: Record<string, string>): Promise<StaticServer> {
  let cacheControl = 'no-store';
  const server = createServer((req, res) => {
    const path = decodeURIComponent((req.url ?? '/').split('?')[0] ?? '/');
    const prefix = Object.keys(mounts).find((p) => path.startsWith(p));
    const root = prefix && mounts[prefix];
    const file = prefix && root && join(root, normalize(path.slice(prefix.length)).replace(/^(\.\.[/\\])+/, ''));
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': cacheControl,
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    get cacheControl() {
      return cacheControl;
    },
    set cacheControl(value: string) {
      cacheControl = value;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
