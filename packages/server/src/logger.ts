/** The server's log sink: one line per event, fields for machines. */
export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  /** Detail for development, such as a line per HTTP request; a logger without it drops it. */
  debug?(message: string, fields?: Record<string, unknown>): void;
}

const line = (message: string, fields?: Record<string, unknown>) =>
  fields && Object.keys(fields).length > 0 ? `${message} ${JSON.stringify(fields)}` : message;

/** Logs to the console (stdout for info, stderr for warnings and errors). */
export const consoleLogger: Logger = {
  info: (message, fields) => console.log(line(message, fields)),
  warn: (message, fields) => console.warn(line(message, fields)),
  error: (message, fields) => console.error(line(message, fields)),
};

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
