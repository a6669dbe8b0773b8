// The admin API under /_xacct/: health, and the trail for `xacct trail` / `xacct explain`. JSON in and out.
// When the server listens beyond loopback it requires a bearer token on everything but health.
import { timingSafeEqual } from 'node:crypto';
import type { Trail } from '../audit/trail.js';
import type { TrailEvent } from '../audit/trail-event.js';
import type { HttpResponse } from '../protocol/index.js';
import type { Accounts } from '../services/accounts/accounts.js';
import type { ServerConfig } from '../services/types.js';
import { isOidcPath, type OidcRoutes } from './oidc-routes.js';
import type { IncomingRequest } from './pipeline.js';

const PREFIX = '/_xacct/';
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 10_000;

export interface AdminDeps {
  readonly trail: Trail;
  readonly accounts: Accounts;
  readonly config: ServerConfig;
  readonly adminToken: string | undefined;
  readonly oidc: OidcRoutes;
}

export function isAdminPath(rawPath: string): boolean {
  return rawPath.startsWith(PREFIX) || rawPath === '/_xacct';
}

export async function handleAdmin(request: IncomingRequest, deps: AdminDeps): Promise<HttpResponse> {
  // The OIDC issuer's discovery and keys are public; its token endpoint reads a body and needs the admin token.
  if (isOidcPath(request.http.rawPath)) return deps.oidc.handle(request, authorized(request, deps.adminToken));
  request.body.resume();
  const path = request.http.rawPath.slice(PREFIX.length).replace(/\/$/, '');
  const method = request.http.method;
  if (path === 'health' && (method === 'GET' || method === 'HEAD')) {
    return json(200, { status: 'ok', service: 'xacct', region: deps.config.region, endpoint: deps.config.endpointUrl });
  }
  if (!authorized(request, deps.adminToken)) return json(401, { error: 'an admin token is required (--admin-token)' });
  if (method !== 'GET') return json(405, { error: `${method} is not supported on ${request.http.rawPath}` });
  if (path === 'trail') return listTrail(request, deps.trail);
  const eventMatch = /^trail\/([\w-]+)$/.exec(path);
  if (eventMatch) {
    const event = deps.trail.get(eventMatch[1]!);
    return event ? json(200, event) : json(404, { error: `no event ${eventMatch[1]} in the trail` });
  }
  if (path === 'accounts') return json(200, { accounts: deps.accounts.list() });
  return json(404, { error: `no admin resource ${request.http.rawPath}` });
}

function listTrail(request: IncomingRequest, trail: Trail): HttpResponse {
  const params = new Map(request.http.query);
  const limit = Number(params.get('limit') ?? DEFAULT_LIMIT);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
    return json(400, { error: `limit must be an integer from 1 to ${MAX_LIMIT}` });
  }
  const since = params.get('since');
  if (since !== undefined && Number.isNaN(Date.parse(since))) {
    return json(400, { error: `since must be an ISO 8601 time, not '${since}'` });
  }
  const events = trail.list({
    denied: params.get('denied') === 'true',
    since: since === undefined ? undefined : new Date(since).toISOString().replace(/\.\d{3}Z$/, 'Z'),
    account: params.get('account'),
    limit,
  });
  const full = params.get('detail') === 'true';
  return json(200, { events: full ? events : events.map(summary) });
}

function summary(event: TrailEvent): Omit<TrailEvent, 'decisions'> {
  const { decisions: _, ...rest } = event;
  return rest;
}

function authorized(request: IncomingRequest, token: string | undefined): boolean {
  if (token === undefined) return true;
  const header = request.http.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function json(status: number, body: unknown): HttpResponse {
  return {
    status,
    headers: { 'content-type': 'application/json' },
    body: `${JSON.stringify(body)}\n`,
  };
}
