// The CLI's side of the admin API (/_xacct/): which server to talk to, and the trail and account reads that
// `trail`, `explain` and `apply` need. Every failure becomes an AdminError whose message fits on one line.
import type { TrailEvent } from '../audit/trail-event.js';

export const DEFAULT_ENDPOINT = 'http://127.0.0.1:4566';
const TIMEOUT_MS = 10_000;

/** The server did not answer, refused the token or is not an xacct server: the command exits 1. */
export class AdminError extends Error {
  override readonly name = 'AdminError';
}

/** A bad --endpoint value: the command exits 3. */
export class EndpointError extends Error {
  override readonly name = 'EndpointError';
}

export interface ServerTarget {
  /** The endpoint without a trailing slash. */
  readonly endpoint: string;
  readonly adminToken: string | undefined;
}

/** The parseArgs options every command that talks to a server accepts. */
export const serverOptions = {
  endpoint: { type: 'string' },
  'admin-token': { type: 'string' },
} as const;

export const serverUsage = `  --endpoint URL     the server (default $XACCT_ENDPOINT or ${DEFAULT_ENDPOINT})
  --admin-token T    the server's admin token (default $XACCT_ADMIN_TOKEN)
`;

export function resolveServer(
  values: { readonly endpoint?: string | undefined; readonly 'admin-token'?: string | undefined },
  env: NodeJS.ProcessEnv = process.env,
): ServerTarget {
  const endpoint = values.endpoint ?? env.XACCT_ENDPOINT ?? DEFAULT_ENDPOINT;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new EndpointError(`--endpoint must be a URL such as ${DEFAULT_ENDPOINT}, not '${endpoint}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new EndpointError(`--endpoint must be an http or https URL, not '${endpoint}'`);
  }
  const token = values['admin-token'] ?? env.XACCT_ADMIN_TOKEN;
  return { endpoint: endpoint.replace(/\/+$/, ''), adminToken: token === '' ? undefined : token };
}

export interface TrailListQuery {
  readonly denied?: boolean;
  /** ISO time. */
  readonly since?: string;
  readonly limit?: number;
}

export interface AccountSummary {
  readonly id: string;
  readonly alias: string | undefined;
}

export class AdminClient {
  constructor(private readonly target: ServerTarget) {}

  /** Events newest first, as the server returns them. */
  async listEvents(query: TrailListQuery): Promise<TrailEvent[]> {
    const params = new URLSearchParams();
    if (query.denied) params.set('denied', 'true');
    if (query.since !== undefined) params.set('since', query.since);
    if (query.limit !== undefined) params.set('limit', String(query.limit));
    const search = params.toString();
    const { body } = await this.get(search === '' ? 'trail' : `trail?${search}`);
    return (body as { events: TrailEvent[] }).events;
  }

  /** The full event, or undefined when the trail has no such event. */
  async getEvent(eventId: string): Promise<TrailEvent | undefined> {
    const { status, body } = await this.get(`trail/${encodeURIComponent(eventId)}`, [404]);
    return status === 404 ? undefined : (body as TrailEvent);
  }

  async accounts(): Promise<AccountSummary[]> {
    const { body } = await this.get('accounts');
    return (body as { accounts: AccountSummary[] }).accounts;
  }

  private async get(path: string, accepted: readonly number[] = []): Promise<{ status: number; body: unknown }> {
    const url = `${this.target.endpoint}/_xacct/${path}`;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.target.adminToken !== undefined) headers.authorization = `Bearer ${this.target.adminToken}`;
    let response: Response;
    try {
      response = await fetch(url, { headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch (error) {
      throw new AdminError(
        `cannot reach xacct at ${this.target.endpoint} (${reason(error)}); is 'xacct serve' running?`,
      );
    }
    const text = await response.text();
    const body = parseJson(text);
    if (response.status === 401) {
      throw new AdminError(
        `${this.target.endpoint} refused the admin token; pass --admin-token or set XACCT_ADMIN_TOKEN`,
      );
    }
    if (body === undefined) {
      throw new AdminError(
        `${this.target.endpoint} is not an xacct server (GET /_xacct/${path} gave ${response.status})`,
      );
    }
    if (!response.ok && !accepted.includes(response.status)) {
      const message = (body as { error?: string }).error ?? `status ${response.status}`;
      throw new AdminError(`${this.target.endpoint}: ${message}`);
    }
    return { status: response.status, body };
  }
}

function parseJson(text: string): object | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? value : undefined;
  } catch {
    return undefined;
  }
}

/** fetch hides the socket error (ECONNREFUSED, ENOTFOUND) in `cause`. */
function reason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return `no answer within ${TIMEOUT_MS / 1000}s`;
  const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
