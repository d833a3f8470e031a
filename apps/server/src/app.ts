import { createServer, type Logger, type ServerOptions, type SupportServer } from '@support-tickets/server';
import { resolveAuthSecret, type AppConfig } from './config';
import { mountDemoTokens, mountStatic } from './routes';

/** The server of this process: the library's server plus the widget, the demo page and demo tokens. */
export async function buildApp(
  config: AppConfig,
  extra: Pick<ServerOptions, 'now'> & { logger?: Logger } = {},
): Promise<SupportServer> {
  const authSecret = resolveAuthSecret(config);
  const server = await createServer({
    databaseUrl: config.databaseUrl,
    ...(config.databaseAuthToken ? { databaseAuthToken: config.databaseAuthToken } : {}),
    authSecret,
    autoCloseHours: config.autoCloseHours,
    corsOrigins: config.corsOrigins,
    ...extra,
  });
  // Demo tokens first: /demo/token must not fall through to the demo assets.
  if (config.demo) mountDemoTokens(server.app, authSecret);
  mountStatic(server.app, config.root);
  return server;
}
