// The checks CreateOpenIDConnectProvider and its update operations make on URLs, client ids and thumbprints.
import { AwsError } from '../../../core/aws-error.js';
import { invalidInput, limitExceeded } from '../errors.js';

const MAX_THUMBPRINTS = 5;
const MAX_CLIENT_IDS = 100;
/** xacct's own issuer is served over plain HTTP on the local endpoint, so it and loopback issuers may use http://. */
const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** AWS requires https://; `endpointUrl` is xacct's own (possibly plain HTTP) endpoint. */
export function checkProviderUrl(url: string, endpointUrl: string): void {
  let parsed: URL | undefined;
  try {
    parsed = new URL(url);
  } catch {
    parsed = undefined;
  }
  const scheme = parsed?.protocol;
  const ok =
    parsed !== undefined &&
    parsed.hostname !== '' &&
    (scheme === 'https:' ||
      (scheme === 'http:' && (LOOPBACK_HOSTS.has(parsed.hostname) || sameOrigin(parsed, endpointUrl))));
  if (!ok) throw new AwsError('ValidationError', 'Invalid Open ID Connect Provider URL', { status: 400 });
}

function sameOrigin(url: URL, endpointUrl: string): boolean {
  try {
    return new URL(endpointUrl).origin === url.origin;
  } catch {
    return false;
  }
}

export function checkThumbprints(thumbprints: readonly string[]): void {
  if (thumbprints.length > MAX_THUMBPRINTS) throw invalidInput('Thumbprint list must contain fewer than 5 entries.');
}

export function checkClientIds(clientIds: readonly string[]): void {
  if (clientIds.length > MAX_CLIENT_IDS) {
    throw limitExceeded(`Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: ${MAX_CLIENT_IDS}`);
  }
}

/** The list without repeats, in first-seen order. */
export function unique(values: unknown): string[] {
  return Array.isArray(values) ? [...new Set(values as string[])] : [];
}
