// Puts an app on a node:http socket: turns IncomingMessage into the pipeline's request (raw path, raw headers
// joined as SigV4 signs them), writes the response, and closes gracefully (in-flight requests finish).
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import type { HttpRequest, HttpResponse } from '../protocol/index.js';
import { BlobReadStream } from '../storage/blob-read-stream.js';
import type { App } from './app.js';
import type { Logger } from './logger.js';

export interface Listening {
  readonly url: string;
  readonly port: number;
  readonly server: Server;
  /** Stops accepting connections and resolves when in-flight requests have been answered. */
  close(): Promise<void>;
}

export async function listen(app: App, options: { host: string; port: number; log: Logger }): Promise<Listening> {
  const server = createServer((req, res) => {
    serve(app, req, res).catch((error: unknown) => {
      options.log.error({ msg: 'response failed', error: error instanceof Error ? error.stack : String(error) });
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host === '0.0.0.0' || host === '[::]' ? '127.0.0.1' : host}:${port}`,
    port,
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

async function serve(app: App, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const response = await app.handle({
    http: toHttpRequest(req),
    body: req,
    remoteAddress: normalizeAddress(req.socket.remoteAddress),
    secure: false,
  });
  await send(res, response);
}

export function toHttpRequest(req: IncomingMessage): HttpRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    method: req.method ?? 'GET',
    rawPath: q === -1 ? url : url.slice(0, q),
    query: q === -1 ? [] : parseQuery(url.slice(q + 1)),
    headers: joinedHeaders(req.rawHeaders),
  };
}

/** SigV4 signs repeated headers joined with `,` (Node's `req.headers` would join some with `, `). */
function joinedHeaders(raw: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i]!.toLowerCase();
    const value = raw[i + 1]!;
    headers[name] = headers[name] === undefined ? value : `${headers[name]},${value}`;
  }
  return headers;
}

/** Percent-decodes each pair; `+` stays a plus, as SigV4 canonicalization expects. */
function parseQuery(text: string): [string, string][] {
  const pairs: [string, string][] = [];
  for (const part of text.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq === -1 ? part : part.slice(0, eq);
    const value = eq === -1 ? '' : part.slice(eq + 1);
    pairs.push([safeDecode(name), safeDecode(value)]);
  }
  return pairs;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function normalizeAddress(address: string | undefined): string {
  if (address === undefined) return '127.0.0.1';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}

async function send(res: ServerResponse, response: HttpResponse): Promise<void> {
  res.writeHead(response.status, response.headers);
  const { body } = response;
  if (body === undefined) {
    res.end();
    return;
  }
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    res.end(body);
    return;
  }
  if (body instanceof BlobReadStream) {
    if (await body.writeTo(res)) res.end();
    return;
  }
  const stream = body instanceof Readable ? body : Readable.from(body);
  stream.pipe(res);
  await once(stream, 'end');
}
