// The HTTP face of xacct's OIDC issuer under /_xacct/oidc: the discovery document and the JWKS are public (relying
// parties fetch them without credentials); POST /_xacct/oidc/token mints a token and is part of the admin API.
import type { Readable } from 'node:stream';
import type { HttpResponse } from '../protocol/index.js';
import { type MintRequest, MintRequestError, OIDC_PATH, OidcIssuer } from '../services/sts/oidc/oidc-issuer.js';
import type { ServiceDeps } from '../services/types.js';
import type { IncomingRequest } from './pipeline.js';

const MAX_BODY_BYTES = 64 * 1024;

export interface OidcRoutes {
  /** `isAdmin`: the request carries the admin token (or none is configured). */
  handle(request: IncomingRequest, isAdmin: boolean): Promise<HttpResponse>;
}

export function isOidcPath(rawPath: string): boolean {
  return rawPath === OIDC_PATH || rawPath.startsWith(`${OIDC_PATH}/`);
}

export function createOidcRoutes(deps: Pick<ServiceDeps, 'storage' | 'clock' | 'config'>): OidcRoutes {
  const issuer = new OidcIssuer(deps.storage.db, deps.config);
  return {
    async handle(request, isAdmin) {
      const path = request.http.rawPath.slice(OIDC_PATH.length).replace(/\/$/, '');
      const method = request.http.method;
      if (path === '/token') {
        if (method !== 'POST')
          return done(request, json(405, { error: `${method} is not supported on ${OIDC_PATH}/token` }));
        if (!isAdmin) return done(request, json(401, { error: 'an admin token is required (--admin-token)' }));
        return mint(request, issuer, deps.clock.now());
      }
      if (method !== 'GET' && method !== 'HEAD') {
        return done(request, json(405, { error: `${method} is not supported on ${request.http.rawPath}` }));
      }
      if (path === '/.well-known/openid-configuration') return done(request, json(200, issuer.discovery()));
      if (path === '/jwks') return done(request, json(200, issuer.jwks()));
      return done(request, json(404, { error: `no OIDC resource ${request.http.rawPath}` }));
    },
  };
}

async function mint(request: IncomingRequest, issuer: OidcIssuer, now: number): Promise<HttpResponse> {
  const text = await readBody(request.body);
  if (text === undefined) return json(413, { error: `the request body is larger than ${MAX_BODY_BYTES} bytes` });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return json(400, { error: 'the request body must be a JSON object: {"sub", "aud", "iss"?, "ttl"?, "claims"?}' });
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return json(400, { error: 'the request body must be a JSON object: {"sub", "aud", "iss"?, "ttl"?, "claims"?}' });
  }
  try {
    const token = issuer.mint(body as MintRequest, now);
    return json(200, { token });
  } catch (error) {
    if (error instanceof MintRequestError) return json(400, { error: error.message });
    throw error;
  }
}

/** The body as text, or undefined when it exceeds the limit (the rest is drained, not buffered). */
async function readBody(body: Readable): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
    size += buffer.length;
    if (size <= MAX_BODY_BYTES) chunks.push(buffer);
  }
  return size > MAX_BODY_BYTES ? undefined : Buffer.concat(chunks).toString('utf8');
}

/** Requests whose body is not read still have it drained, so the connection can be reused. */
function done(request: IncomingRequest, response: HttpResponse): HttpResponse {
  request.body.resume();
  return response;
}

function json(status: number, body: unknown): HttpResponse {
  return { status, headers: { 'content-type': 'application/json' }, body: `${JSON.stringify(body)}\n` };
}
