import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT, resolveAuthSecret, resolveDatabaseUrl } from './config';

const dirs: string[] = [];
const tempRoot = () => {
  const dir = mkdtempSync(join(tmpdir(), 'st-config-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadConfig', () => {
  it('defaults to a file database under data/ at the repository root, port 3000, 48 h, demo mode', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: `file:${join(REPO_ROOT, 'data', 'support.db')}`,
      databaseAuthToken: null,
      port: 3000,
      authSecret: null,
      corsOrigins: [],
      autoCloseHours: 48,
      attachmentQuotaMb: 1024,
      production: false,
      demo: true,
      logRequests: false,
    });
  });

  it('reads every variable', () => {
    const config = loadConfig({
      DATABASE_URL: 'libsql://tickets-kubit.turso.io',
      DATABASE_AUTH_TOKEN: 'tok',
      PORT: '8080',
      AUTH_SECRET: 'a-very-long-shared-secret',
      CORS_ORIGINS: 'https://panel.kubit.ir, https://partner.example.com ,',
      AUTO_CLOSE_HOURS: '72',
      ATTACHMENT_QUOTA_MB: '50',
      LOG_REQUESTS: '1',
      NODE_ENV: 'production',
    });
    expect(config).toMatchObject({
      databaseUrl: 'libsql://tickets-kubit.turso.io',
      databaseAuthToken: 'tok',
      port: 8080,
      authSecret: 'a-very-long-shared-secret',
      corsOrigins: ['https://panel.kubit.ir', 'https://partner.example.com'],
      autoCloseHours: 72,
      attachmentQuotaMb: 50,
      production: true,
      demo: false,
      logRequests: true,
    });
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ PORT: '', AUTH_SECRET: '', CORS_ORIGINS: ' ' })).toMatchObject({ port: 3000, demo: true, corsOrigins: [] });
  });

  it('is not in demo mode with a secret', () => {
    expect(loadConfig({ AUTH_SECRET: 'a-very-long-shared-secret' }).demo).toBe(false);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ AUTO_CLOSE_HOURS: '0' }, 'AUTO_CLOSE_HOURS'],
    [{ AUTO_CLOSE_HOURS: 'soon' }, 'AUTO_CLOSE_HOURS'],
    [{ AUTH_SECRET: 'short' }, 'AUTH_SECRET: must be at least 16'],
    [{ DATABASE_URL: 'postgres://db/tickets' }, 'DATABASE_URL'],
    [{ CORS_ORIGINS: 'https://ok.example.com,panel.example.com' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://example.com/' }, 'CORS_ORIGINS'],
    [{ NODE_ENV: 'production' }, 'AUTH_SECRET: is required when NODE_ENV=production'],
    [{ LOG_REQUESTS: 'yes' }, 'LOG_REQUESTS'],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('lists every problem at once', () => {
    expect(() => loadConfig({ PORT: 'x', AUTO_CLOSE_HOURS: '-1' })).toThrow(/PORT[\s\S]*AUTO_CLOSE_HOURS/);
  });
});

describe('resolveDatabaseUrl', () => {
  it('resolves relative file paths from the root, whatever the cwd', () => {
    expect(resolveDatabaseUrl('file:./data/x.db', '/srv/app')).toBe('file:/srv/app/data/x.db');
    expect(resolveDatabaseUrl('file:x.db', '/srv/app')).toBe('file:/srv/app/x.db');
  });
  it('leaves absolute paths and remote URLs alone', () => {
    expect(resolveDatabaseUrl('file:/var/lib/x.db', '/srv/app')).toBe('file:/var/lib/x.db');
    expect(resolveDatabaseUrl('file:///var/lib/x.db', '/srv/app')).toBe('file:///var/lib/x.db');
    expect(resolveDatabaseUrl('http://127.0.0.1:8080', '/srv/app')).toBe('http://127.0.0.1:8080');
  });
});

describe('resolveAuthSecret', () => {
  it('uses AUTH_SECRET when given', () => {
    const root = tempRoot();
    expect(resolveAuthSecret(loadConfig({ AUTH_SECRET: 'a-very-long-shared-secret' }, root))).toBe('a-very-long-shared-secret');
  });

  it('in demo mode generates a secret once, keeps it private in data/dev-secret, and reuses it', () => {
    const root = tempRoot();
    const config = loadConfig({}, root);
    const first = resolveAuthSecret(config);
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = join(root, 'data', 'dev-secret');
    expect(readFileSync(file, 'utf8').trim()).toBe(first);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret(config)).toBe(first);
  });
});
