import { networkInterfaces } from 'node:os';
import { tempDbFile, removeDatabaseFile } from '@support-tickets/server/testing';
import { describe, expect, it } from 'vitest';
import { eventually } from './helpers/server';
import { startServerProcess } from './helpers/server-process';

// SPEC §9: demo mode hands out agent tokens to whoever asks, so it listens on 127.0.0.1 only,
// unless HOST says otherwise, and says so at start-up.

/** An address of this machine other than loopback, if it has one. */
const outside = Object.values(networkInterfaces())
  .flat()
  .find((info) => info && !info.internal && info.family === 'IPv4')?.address;

async function reachable(host: string, port: string): Promise<boolean> {
  try {
    await (await fetch(`http://${host}:${port}/health`, { signal: AbortSignal.timeout(5_000) })).arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

describe('demo mode', () => {
  it('listens on 127.0.0.1 only and says so; HOST opens it wider', async () => {
    const dbFile = tempDbFile();
    const demo = await startServerProcess(dbFile, { AUTH_SECRET: '', NODE_ENV: 'development', HOST: '' });
    try {
      expect(demo.output()).toMatch(/listening on http:\/\/127\.0\.0\.1:\d+/);
      await eventually(async () => demo.output().includes('HOST=0.0.0.0'));
      expect(demo.output()).toMatch(/DEMO MODE.*only this machine.*HOST=0\.0\.0\.0/s);
      const port = new URL(demo.origin).port;
      expect(await reachable('127.0.0.1', port)).toBe(true);
      if (outside) expect(await reachable(outside, port)).toBe(false);
    } finally {
      expect(await demo.stop(), demo.output()).toBe(0);
    }

    const wide = await startServerProcess(dbFile, { AUTH_SECRET: '', NODE_ENV: 'development', HOST: '0.0.0.0' });
    try {
      expect(wide.output()).toMatch(/listening on http:\/\/0\.0\.0\.0:\d+/);
      if (outside) expect(await reachable(outside, new URL(wide.origin).port)).toBe(true);
    } finally {
      expect(await wide.stop(), wide.output()).toBe(0);
      removeDatabaseFile(dbFile);
    }
  }, 90_000);
});
