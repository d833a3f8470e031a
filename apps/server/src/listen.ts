import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { HTTP_TIMEOUTS, type HttpTimeouts } from '@support-tickets/server';

export interface Listener {
  server: Server;
  /** The port listened on (the one chosen when asked for 0). */
  port: number;
  /** http://host:port, with 127.0.0.1 for "every interface". */
  origin: string;
  /** Stops accepting, drops idle kept-alive sockets and resolves once every socket is closed. */
  close(): Promise<void>;
}

/**
 * Serves a fetch handler (the Hono app) over Node HTTP with the server's timeouts: slow or
 * silent clients are cut off in seconds.
 *
 * @example
 * const listener = await listen(server.app, { port: 3000, hostname: '127.0.0.1' });
 */
export async function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  options: { port: number; hostname?: string | undefined; timeouts?: HttpTimeouts },
): Promise<Listener> {
  const server = serve({
    fetch: app.fetch,
    port: options.port,
    ...(options.hostname ? { hostname: options.hostname } : {}),
    serverOptions: { ...HTTP_TIMEOUTS, ...options.timeouts },
  }) as Server;
  // Node takes this one as a property of the server.
  server.keepAliveTimeout = options.timeouts?.keepAliveTimeout ?? HTTP_TIMEOUTS.keepAliveTimeout;
  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once('listening', () => resolve()).once('error', reject);
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
  return {
    server,
    port,
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
