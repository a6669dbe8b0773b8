// `xacct oidc token --sub S --aud A [--issuer URL] [--ttl N] [--claim k=v]...`: asks the server's OIDC issuer for a
// signed token (for AssumeRoleWithWebIdentity, e.g. as a GitHub Actions token) and prints it.
import { parseArgs } from 'node:util';
import { EndpointError, resolveServer, type ServerTarget, serverOptions, serverUsage } from '../admin-client.js';
import { type CliIo, processIo } from '../cli-io.js';

export const oidcUsage = `Usage: xacct oidc token --sub SUBJECT --aud AUDIENCE [--issuer URL] [--ttl SECONDS]
                        [--claim NAME=VALUE]... [--json]

Mints a token signed by the server's OIDC issuer (<endpoint>/_xacct/oidc) and prints it.
  --sub SUBJECT        the sub claim, e.g. repo:org/app:ref:refs/heads/main
  --aud AUDIENCE       the aud claim, e.g. sts.amazonaws.com (repeat for several)
  --issuer URL         the iss claim (default the server's issuer); any https URL, such as
                       https://token.actions.githubusercontent.com, which xacct then accepts tokens for
  --ttl SECONDS        lifetime (default 3600)
  --claim NAME=VALUE   an extra string claim (repeatable), e.g. repository=org/app
  --json               print {"token": ...}
${serverUsage}Exit codes: 0 ok, 1 the server failed, 3 invalid input.
`;

const TIMEOUT_MS = 10_000;

class InputError extends Error {}

export async function runOidc(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      ...serverOptions,
      sub: { type: 'string' },
      aud: { type: 'string', multiple: true },
      issuer: { type: 'string' },
      ttl: { type: 'string' },
      claim: { type: 'string', multiple: true },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    io.out(oidcUsage);
    return 0;
  }
  try {
    if (positionals.length !== 1 || positionals[0] !== 'token') {
      throw new InputError(`expected the subcommand 'token', not '${positionals.join(' ')}'`);
    }
    const body = mintRequest(values);
    const result = await requestToken(resolveServer(values), body);
    if (result.ok) {
      io.out(values.json ? `${JSON.stringify({ token: result.token })}\n` : `${result.token}\n`);
      return 0;
    }
    io.err(`xacct oidc: ${result.error}\n`);
    return result.invalid ? 3 : 1;
  } catch (error) {
    if (error instanceof InputError || error instanceof EndpointError) {
      io.err(`xacct oidc: ${error.message}\n${error instanceof InputError ? oidcUsage : ''}`);
      return 3;
    }
    throw error;
  }
}

interface TokenValues {
  readonly sub?: string | undefined;
  readonly aud?: string[] | undefined;
  readonly issuer?: string | undefined;
  readonly ttl?: string | undefined;
  readonly claim?: string[] | undefined;
}

function mintRequest(values: TokenValues): Record<string, unknown> {
  if (values.sub === undefined) throw new InputError('--sub is required');
  const aud = values.aud ?? [];
  if (aud.length === 0) throw new InputError('--aud is required');
  const ttl = values.ttl === undefined ? undefined : Number(values.ttl);
  if (ttl !== undefined && !Number.isInteger(ttl)) {
    throw new InputError(`--ttl must be a whole number of seconds, not '${values.ttl}'`);
  }
  const claims: Record<string, string> = {};
  for (const claim of values.claim ?? []) {
    const eq = claim.indexOf('=');
    if (eq < 1) throw new InputError(`--claim must be NAME=VALUE, not '${claim}'`);
    claims[claim.slice(0, eq)] = claim.slice(eq + 1);
  }
  return { sub: values.sub, aud: aud.length === 1 ? aud[0] : aud, iss: values.issuer, ttl, claims };
}

type TokenResult =
  | { readonly ok: true; readonly token: string }
  | { readonly ok: false; readonly error: string; readonly invalid: boolean };

async function requestToken(target: ServerTarget, body: Record<string, unknown>): Promise<TokenResult> {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (target.adminToken !== undefined) headers.authorization = `Bearer ${target.adminToken}`;
  let response: Response;
  try {
    response = await fetch(`${target.endpoint}/_xacct/oidc/token`, {
      method: 'POST',
      headers,
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
  } catch {
    return { ok: false, error: `cannot reach xacct at ${target.endpoint}; is 'xacct serve' running?`, invalid: false };
  }
  const answer = (await response.json().catch(() => undefined)) as { token?: string; error?: string } | undefined;
  if (response.ok && typeof answer?.token === 'string') return { ok: true, token: answer.token };
  if (response.status === 401) {
    return { ok: false, error: `${target.endpoint} refused the admin token; pass --admin-token`, invalid: false };
  }
  const error = answer?.error ?? `${target.endpoint} is not an xacct server (status ${response.status})`;
  return { ok: false, error, invalid: response.status === 400 };
}
