// Test support: a local HTTP endpoint that runs requests through the protocol layer (classify, route, parse,
// serialize) around a stub handler, so the real AWS SDK clients can prove what the layer reads and writes.
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { AwsError } from '../../core/aws-error.js';
import {
  classifyRequest,
  type ErrorTarget,
  parseInput,
  routeRequest,
  serializeError,
  serializeOutput,
  streamsInputBody,
} from '../index.js';
import type { HttpRequest, HttpResponse, Route, RouteOptions, Shaped } from '../types.js';

export type StubHandler = (route: Route, input: Shaped) => Shaped | Promise<Shaped>;

export interface HandledCall {
  readonly route: Route;
  readonly input: Shaped;
}

export interface SdkEndpoint {
  readonly url: string;
  /** Every request that reached the handler, in order. */
  readonly calls: HandledCall[];
  close(): Promise<void>;
}

export async function startSdkEndpoint(handler: StubHandler, options: RouteOptions = {}): Promise<SdkEndpoint> {
  const calls: HandledCall[] = [];
  const server = createServer((req, res) => {
    serve(req, res, handler, calls, options).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

async function serve(
  req: IncomingMessage,
  res: ServerResponse,
  handler: StubHandler,
  calls: HandledCall[],
  options: RouteOptions,
): Promise<void> {
  const request = toHttpRequest(req);
  const requestId = 'c0ffee00-0000-4000-8000-000000000001';
  const classification = classifyRequest(request);
  let target: ErrorTarget = classification;
  try {
    const bodyText = classification.needsBody ? (await readAll(req)).toString('utf8') : undefined;
    const route = routeRequest(request, bodyText, options);
    target = route;
    const body = bodyText !== undefined ? Buffer.from(bodyText) : streamsInputBody(route) ? req : await readAll(req);
    const input = parseInput(route, request, body);
    calls.push({ route, input });
    send(res, serializeOutput(route, await handler(route, input), { requestId }));
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    send(res, serializeError(target, error, { requestId, method: request.method }));
  }
}

function toHttpRequest(req: IncomingMessage): HttpRequest {
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  const query = q === -1 ? [] : [...new URLSearchParams(url.slice(q + 1))];
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  return { method: req.method ?? 'GET', rawPath: q === -1 ? url : url.slice(0, q), query, headers };
}

async function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, response: HttpResponse) {
  res.writeHead(response.status, response.headers);
  const { body } = response;
  if (body === undefined) res.end();
  else if (typeof body === 'string' || Buffer.isBuffer(body)) res.end(body);
  else Readable.from(body).pipe(res);
}
