import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  timestamp: string;
  /** The parsed body, once its signature verified with the endpoint's secret. */
  payload: any;
  /** What the receiver answered. */
  status: number;
}

/** What the receiver answers a request: a status, after `delayMs` (never answered while `hang`). */
export type Answer = { status: number; delayMs?: number };

/**
 * An HTTP receiver on 127.0.0.1 that verifies each request with the Standard Webhooks library,
 * as a partner would: a request that fails verification is answered 400 and never counted.
 */
export async function startReceiver(answer: (n: number, body: string) => Answer = () => ({ status: 204 })) {
  let secret: string | null = null;
  const received: ReceivedWebhook[] = [];
  const rejected: string[] = [];
  const waiters = new Set<() => void>();
  let requests = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let payload: unknown;
      try {
        payload = new Webhook(secret!).verify(body, headersOf(req.headers));
      } catch (error) {
        rejected.push(String(error));
        res.writeHead(400).end();
        return;
      }
      const { status, delayMs = 0 } = answer(++requests, body);
      const reply = () => {
        received.push({ id: String(req.headers['webhook-id']), timestamp: String(req.headers['webhook-timestamp']), payload, status });
        res.writeHead(status).end();
        waiters.forEach((wake) => wake());
      };
      if (delayMs > 0) setTimeout(reply, delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  return {
    url,
    received,
    rejected,
    /** The endpoint's secret, as `webhook.create` answered it. */
    useSecret(value: string) {
      secret = value;
    },
    /** Resolves once `done()` holds (checked after each request answered). */
    until(done: () => boolean, timeoutMs = 20_000): Promise<void> {
      if (done()) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`the receiver waited in vain; it has ${received.length}`)), timeoutMs);
        const check = () => {
          if (!done()) return;
          clearTimeout(timer);
          waiters.delete(check);
          resolve();
        };
        waiters.add(check);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections()),
  };
}

function headersOf(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, String(value)]));
}
