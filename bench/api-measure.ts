/** One autocannon run against a target, with the server's event-loop time per request. */
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';

export interface Target {
  name: string;
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
}

export interface Measurement {
  reqPerSec: number;
  p50: number;
  p99: number;
  /** Milliseconds the server's event loop was busy per request (the server runs on this thread). */
  cpuMs: number;
  failed: number;
}

export async function measure(target: Target, seconds: number, connections: number): Promise<Measurement> {
  const options = {
    url: target.url,
    method: target.method ?? 'GET',
    ...(target.body ? { body: target.body } : {}),
    headers: { ...target.headers, ...(target.body ? { 'content-type': 'application/json' } : {}) },
    connections,
    timeout: 10,
    // The load comes from a worker thread, so this thread's event loop is the server's alone.
    workers: 1,
  };
  await autocannon({ ...options, duration: 1 }); // warm-up: JIT, caches, statement caches
  const before = performance.eventLoopUtilization();
  const result = await autocannon({ ...options, duration: seconds });
  const busy = performance.eventLoopUtilization(before);
  return {
    reqPerSec: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    cpuMs: busy.active / Math.max(result.requests.total, 1),
    failed: result.errors + result.non2xx,
  };
}

export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
