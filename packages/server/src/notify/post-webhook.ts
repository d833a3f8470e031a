import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from './address-guard';

/** The webhook request's outcome: a status, or why there was none; and how long it took. */
export interface PostOutcome {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/** What a receiver may answer that we read (and drop): enough for any acknowledgement. */
const MAX_RESPONSE_BYTES = 64 * 1024;

/**
 * POSTs a JSON body, giving up after `timeoutMs` (connecting, sending and answering together).
 * Never follows redirects; never connects to a non-public address unless `allowPrivate`.
 */
export function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean; signal?: AbortSignal },
): Promise<PostOutcome> {
  const started = performance.now();
  const done = (status: number | null, error: string | null): PostOutcome => ({
    status,
    error,
    durationMs: Math.round(performance.now() - started),
  });
  return new Promise((resolve) => {
    const target = new URL(url);
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'support-tickets-webhooks', ...headers, 'content-length': Buffer.byteLength(body) },
      lookup: guardedLookup(options.allowPrivate),
      signal: options.signal,
    });
    const timer = setTimeout(() => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)), options.timeoutMs);
    const finish = (outcome: PostOutcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    request.on('response', (response: IncomingMessage) => {
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        read += chunk.length;
        if (read > MAX_RESPONSE_BYTES) response.destroy();
      });
      response.on('close', () => finish(done(response.statusCode ?? null, null)));
      response.on('error', () => undefined);
    });
    request.on('error', (error) => finish(done(null, error.message)));
    request.end(body);
  });
}
