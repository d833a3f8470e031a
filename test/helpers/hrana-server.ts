import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createClient } from '@libsql/client';
import { array, handleRequest, object, string } from './hrana-requests';
import { ProtocolError, Stream, type HranaServerStats } from './hrana-stream';

export type { HranaServerStats } from './hrana-stream';

// A libSQL server for tests: Hrana over HTTP (JSON, versions 2 and 3) on node:http, backed by a
// real SQLite file, so the server's remote path (`DATABASE_URL=http://…`) runs without sqld.
// Wire format and behaviour follow sqld (libsql-server/src/hrana): one stream per baton, each on
// its own SQLite connection; SQLite errors come back as stream results with the primary code.
//
// @libsql/client 0.18 speaks Hrana 2 over JSON (`/v2/pipeline`) unless asked for 3, when it probes
// `/v3-protobuf` only. Left out: the protobuf encodings (404, so clients fall back to JSON), cursors
// (`/v3/cursor`), replication indexes, SAVEPOINT outside a transaction, refusing a text of several
// statements in `execute` (the driver runs the first), and `describe` columns of anything but a
// query. A transaction is told apart by its BEGIN statement (see Stream).

export interface HranaServerOptions {
  /** The SQLite file behind the server. */
  dbFile: string;
  /** Requests must carry `Authorization: Bearer <authToken>`. */
  authToken: string;
  /** How long a statement waits for another stream's write lock before SQLITE_BUSY. Default 5 s. */
  busyTimeoutMs?: number;
  /** An unused stream is closed (and its transaction rolled back) after this long. Default 10 s, as sqld. */
  streamIdleMs?: number;
}

export interface HranaServer {
  /** http://127.0.0.1:port, for `DATABASE_URL`. */
  url: string;
  stats: HranaServerStats;
  /** Streams open now; a client that closes what it opens leaves none between requests. */
  openStreams(): number;
  /** Closes every stream (rolling back open transactions) and the listener. */
  close(): Promise<void>;
}

/** Starts the server on a free port of 127.0.0.1. */
export async function startHranaServer(options: HranaServerOptions): Promise<HranaServer> {
  const busyTimeoutMs = options.busyTimeoutMs ?? 5_000;
  const streamIdleMs = options.streamIdleMs ?? 10_000;
  const fileUrl = `file:${options.dbFile}`;
  const stats: HranaServerStats = { pipelines: 0, unauthorized: 0, streams: 0, transactions: 0, busyWaits: 0 };

  // WAL lets the streams' readers go on while one of them writes; the mode is kept in the file.
  const setup = createClient({ url: fileUrl });
  await setup.execute('PRAGMA journal_mode = WAL');
  setup.close();

  const batons = new Map<string, Stream>();
  const expiredBatons = new Set<string>();
  const streams = new Set<Stream>();

  const openStream = () => {
    const stream = new Stream(fileUrl, busyTimeoutMs, stats);
    streams.add(stream);
    stats.streams++;
    return stream;
  };
  const closeStream = (stream: Stream) => {
    stream.close();
    streams.delete(stream);
  };

  // Like sqld, a stream nobody used for a while is closed; its last baton then says so.
  const expiry = setInterval(() => {
    const now = Date.now();
    for (const [baton, stream] of batons) {
      if (now - stream.lastUsed < streamIdleMs) continue;
      batons.delete(baton);
      expiredBatons.add(baton);
      closeStream(stream);
    }
  }, Math.min(1_000, streamIdleMs));
  expiry.unref();

  async function pipeline(version: 2 | 3, body: unknown): Promise<Reply> {
    const request = object(body, 'pipeline request');
    const requests = array(request.requests, 'requests');
    let stream: Stream;
    if (request.baton === undefined || request.baton === null) {
      stream = openStream();
    } else {
      const baton = string(request.baton, 'baton');
      const found = batons.get(baton);
      if (!found) {
        if (expiredBatons.has(baton)) {
          return json(500, { message: 'The stream has expired due to inactivity', code: 'STREAM_EXPIRED' });
        }
        throw new ProtocolError('The baton is invalid or was already used');
      }
      // Each baton works once: requests of a stream come one after another.
      batons.delete(baton);
      stream = found;
    }
    stream.lastUsed = Date.now();
    const results: unknown[] = [];
    try {
      for (const item of requests) {
        if (stream.closed) throw new ProtocolError('The stream was closed by an earlier request');
        results.push(await handleRequest(stream, object(item, 'stream request'), version));
      }
    } catch (error) {
      // As in sqld, a request the protocol does not allow ends the stream.
      closeStream(stream);
      throw error;
    }
    stream.lastUsed = Date.now();
    let nextBaton: string | null = null;
    if (stream.closed) {
      streams.delete(stream);
    } else {
      nextBaton = randomBytes(24).toString('base64url');
      batons.set(nextBaton, stream);
    }
    return json(200, { baton: nextBaton, base_url: null, results });
  }

  const listener = createServer((req, res) => {
    respond(req, res).catch((error: unknown) => {
      send(res, text(500, `Internal error: ${error instanceof Error ? error.message : String(error)}`));
    });
  });

  async function respond(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/+$/, '') || '/';
    if (req.method === 'GET' && ['/', '/health', '/v2', '/v3'].includes(path)) {
      return send(res, text(200, 'Hello, this is a Hrana over HTTP test server (JSON, versions 2 and 3)'));
    }
    const pipelinePaths: Record<string, 2 | 3> = { '/v2/pipeline': 2, '/v3/pipeline': 3 };
    const version = pipelinePaths[path];
    if (req.method !== 'POST' || version === undefined) {
      await drain(req);
      return send(res, text(404, 'Not found'));
    }
    const body = await readBody(req);
    if (req.headers.authorization !== `Bearer ${options.authToken}`) {
      stats.unauthorized++;
      // sqld's shape: a JSON body without `message`, so clients report the HTTP status.
      return send(res, json(401, { error: 'Unauthorized: the auth token is missing or not valid' }));
    }
    stats.pipelines++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return send(res, text(400, 'The request body is not valid JSON'));
    }
    try {
      send(res, await pipeline(version, parsed));
    } catch (error) {
      if (error instanceof ProtocolError) return send(res, text(400, error.message));
      throw error;
    }
  }

  listener.listen(0, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    listener.once('listening', resolve);
    listener.once('error', reject);
  });
  const { port } = listener.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    openStreams: () => streams.size,
    async close() {
      if (!listener.listening) return;
      clearInterval(expiry);
      const closed = new Promise<void>((resolve) => listener.close(() => resolve()));
      listener.closeAllConnections();
      for (const stream of streams) stream.close();
      streams.clear();
      batons.clear();
      await closed;
    },
  };
}

// ---- HTTP ----

interface Reply {
  status: number;
  type: string;
  body: string;
}
const json = (status: number, body: unknown): Reply => ({ status, type: 'application/json', body: JSON.stringify(body) });
const text = (status: number, body: string): Reply => ({ status, type: 'text/plain', body });

function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent) return;
  res.writeHead(reply.status, { 'content-type': reply.type, 'content-length': Buffer.byteLength(reply.body) });
  res.end(reply.body);
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

async function drain(req: IncomingMessage): Promise<void> {
  for await (const _ of req);
}
