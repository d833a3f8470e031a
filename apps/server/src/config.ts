import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_ATTACHMENT_QUOTA_MB } from '@support-tickets/core';
import { z } from 'zod';

/** The monorepo root: relative paths (the database, data/) resolve here, whatever the cwd. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export interface AppConfig {
  /** Absolute `file:` URL, or the libSQL server URL as given. */
  databaseUrl: string;
  databaseAuthToken: string | null;
  port: number;
  /** The interface to listen on; null: every interface (127.0.0.1 in demo mode unless HOST says). */
  host: string | null;
  /** Null in demo mode: a development secret is generated and kept in data/dev-secret. */
  authSecret: string | null;
  corsOrigins: string[];
  autoCloseHours: number;
  /** Each organisation's storage for files, in MB. */
  attachmentQuotaMb: number;
  production: boolean;
  /** Serve the widget's source maps (SERVE_SOURCE_MAPS=1). */
  serveSourceMaps: boolean;
  /** True when `/demo/token` hands out tokens: no AUTH_SECRET, not production. */
  demo: boolean;
  /** A line per HTTP request on the console (LOG_REQUESTS=1); off by default. */
  logRequests: boolean;
  /** Where data/ and the static files are looked up. */
  root: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

// An empty variable is an unset one: `PORT= pnpm start` should mean the default.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (typeof value === 'string' && value.trim() === '' ? undefined : value), schema.optional());

const origin = z.string().refine((value) => {
  if (value === '*') return true;
  try {
    return new URL(value).origin === value;
  } catch {
    return false;
  }
}, 'must be "*" or origins like https://panel.example.com (scheme and host, no path or trailing slash)');

/** A yes/no variable: 1 or true, 0 or false. */
const flag = (what: string) =>
  optional(
    z
      .enum(['1', 'true', '0', 'false'], { message: `must be 1 (or true) ${what}, 0 (or false) not to` })
      .transform((value) => value === '1' || value === 'true'),
  );

const envSchema = z.object({
  DATABASE_URL: optional(
    z
      .string()
      .trim()
      .regex(/^(file:|libsql:|https?:|wss?:)/, 'must start with file:, libsql:, http(s): or ws(s):'),
  ),
  DATABASE_AUTH_TOKEN: optional(z.string().trim()),
  PORT: optional(z.coerce.number().int().min(0).max(65_535)),
  HOST: optional(z.string().trim().max(255)),
  AUTH_SECRET: optional(z.string().min(16, 'must be at least 16 characters long')),
  CORS_ORIGINS: optional(
    z
      .string()
      .transform((list) =>
        list
          .split(',')
          .map((item) => item.trim())
          .filter(Boolean),
      )
      .pipe(z.array(origin)),
  ),
  AUTO_CLOSE_HOURS: optional(z.coerce.number().positive().max(24 * 365)),
  ATTACHMENT_QUOTA_MB: optional(z.coerce.number().int().min(0).max(1_048_576)),
  LOG_REQUESTS: flag('to log every request'),
  SERVE_SOURCE_MAPS: flag('to serve the widget’s source maps'),
  NODE_ENV: optional(z.string()),
});

/**
 * Reads the server's configuration from the environment, failing with every problem at once.
 *
 * @example
 * const config = loadConfig(process.env); // DATABASE_URL, DATABASE_AUTH_TOKEN, PORT, HOST, AUTH_SECRET, CORS_ORIGINS, AUTO_CLOSE_HOURS, ATTACHMENT_QUOTA_MB, LOG_REQUESTS, SERVE_SOURCE_MAPS
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, root = REPO_ROOT): AppConfig {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || 'environment'}: ${issue.message}`);
    throw new ConfigError(`Invalid server configuration:\n${lines.join('\n')}`);
  }
  const vars = parsed.data;
  const production = vars.NODE_ENV === 'production';
  if (production && !vars.AUTH_SECRET) {
    throw new ConfigError('Invalid server configuration:\n  AUTH_SECRET: is required when NODE_ENV=production');
  }
  const demo = !vars.AUTH_SECRET && !production;
  return {
    databaseUrl: resolveDatabaseUrl(vars.DATABASE_URL ?? 'file:./data/support.db', root),
    databaseAuthToken: vars.DATABASE_AUTH_TOKEN ?? null,
    port: vars.PORT ?? 3000,
    // Demo mode hands out tokens to whoever asks: this machine only, unless told.
    host: vars.HOST ?? (demo ? '127.0.0.1' : null),
    authSecret: vars.AUTH_SECRET ?? null,
    corsOrigins: vars.CORS_ORIGINS ?? [],
    autoCloseHours: vars.AUTO_CLOSE_HOURS ?? 48,
    attachmentQuotaMb: vars.ATTACHMENT_QUOTA_MB ?? DEFAULT_ATTACHMENT_QUOTA_MB,
    production,
    demo,
    logRequests: vars.LOG_REQUESTS ?? false,
    serveSourceMaps: vars.SERVE_SOURCE_MAPS ?? false,
    root,
  };
}

/** A relative `file:` path is taken from the repository root, so every script finds one database. */
export function resolveDatabaseUrl(url: string, root: string): string {
  if (!url.startsWith('file:') || url.startsWith('file::memory:')) return url;
  const [path = '', query] = url.slice('file:'.length).split('?');
  if (path.startsWith('//') || isAbsolute(path)) return url;
  return `file:${resolve(root, path)}${query === undefined ? '' : `?${query}`}`;
}

/**
 * The secret tokens are signed with: AUTH_SECRET, or in demo mode a random one generated once
 * and kept in data/dev-secret so demo tokens survive restarts.
 */
export function resolveAuthSecret(config: AppConfig): string {
  if (config.authSecret) return config.authSecret;
  const file = join(config.root, 'data', 'dev-secret');
  if (existsSync(file)) {
    const secret = readFileSync(file, 'utf8').trim();
    if (secret.length >= 16) return secret;
  }
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return secret;
}
