import { consoleLogger, createServer, type Logger, type ServerOptions, type SupportServer } from '@support-tickets/server';
import { resolveAuthSecret, type AppConfig } from './config';
import { mountDemoTokens, mountStatic } from './routes';

/** The server of this process: the library's server plus the widget, the demo page and demo tokens. */
export async function buildApp(
  config: AppConfig,
  extra: Pick<ServerOptions, 'now' | 'rateLimits'> & { logger?: Logger } = {},
): Promise<SupportServer> {
  const authSecret = resolveAuthSecret(config);
  const server = await createServer({
    databaseUrl: config.databaseUrl,
    ...(config.databaseAuthToken ? { databaseAuthToken: config.databaseAuthToken } : {}),
    authSecret,
    autoCloseHours: config.autoCloseHours,
    attachmentQuotaMb: config.attachmentQuotaMb,
    corsOrigins: config.corsOrigins,
    ...extra,
    logger: requestLines(extra.logger ?? consoleLogger, config.logRequests),
  });
  // Demo tokens first: /demo/token must not fall through to the demo assets.
  if (config.demo) mountDemoTokens(server.app, authSecret);
  mountStatic(server.app, config.root, { serveSourceMaps: config.serveSourceMaps });
  return server;
}

/** The server writes a debug line per request: printed (as info) with LOG_REQUESTS=1, dropped otherwise. */
function requestLines(log: Logger, logRequests: boolean): Logger {
  const quiet: Logger = {
    info: (message, fields) => log.info(message, fields),
    warn: (message, fields) => log.warn(message, fields),
    error: (message, fields) => log.error(message, fields),
  };
  return logRequests ? { ...quiet, debug: (message, fields) => (log.debug ?? log.info).call(log, message, fields) } : quiet;
}
