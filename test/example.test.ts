import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SECRET, startServer, TestClock, type TestServer } from './helpers/server';

// apps/example is the integration a host back-end copies: it must run as documented against
// a real server (its own process, the package as published in the workspace).

let t: TestServer;

beforeAll(async () => {
  // The script signs tokens on the real clock; the server's domain clock follows it.
  t = await startServer({ clock: new TestClock(Date.now()) });
});
afterAll(() => t.stop({ removeFile: true }));

const REPO = fileURLToPath(new URL('..', import.meta.url));

function run(env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'apps/example/src/main.ts'], {
      cwd: REPO,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.once('error', reject);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('apps/example', () => {
  it('signs a token, opens a ticket, lists, replies and receives the change live', async () => {
    const { code, stdout, stderr } = await run({ SUPPORT_API_URL: t.origin, AUTH_SECRET: SECRET });
    expect(code, `${stdout}\n${stderr}`).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^created [0-9a-f-]{36} \(awaiting_response, reply due \d{4}-\d{2}-\d{2}T[\d:.]+Z\)$/);
    expect(lines).toContain('listed 1 ticket(s); newest: Cannot reach my VM over SSH');
    expect(lines).toContain('replied');
    expect(lines.some((line) => /^change: replied at \d{4}-/.test(line))).toBe(true);
    expect(lines.at(-1)).toBe('received 1 live change(s)');

    // What it did is there for everyone else to see.
    const [row] = await t.query<{ n: number }>("SELECT count(*) AS n FROM tickets WHERE created_by = 'example-user' AND org_id = 'example-org'");
    expect(Number(row?.n)).toBe(1);
  });

  it('explains itself and stops without a secret', async () => {
    const { code, stderr } = await run({ SUPPORT_API_URL: t.origin, AUTH_SECRET: '' });
    expect(code).toBe(2);
    expect(stderr).toContain('Set AUTH_SECRET');
  });
});
