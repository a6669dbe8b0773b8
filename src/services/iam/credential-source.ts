// Long-term access keys of IAM users as credentials: an AKIA key resolves to its user; an inactive key is refused
// (InvalidClientTokenId), a key nobody issued is left to the other sources. Resolved keys are cached until the next
// IAM write, since this runs on every request.
import { CredentialRefused } from '../credential-refused.js';
import type { CredentialSource, ResolvedCredential } from '../types.js';
import type { IamContext } from './iam-context.js';

const CACHE_LIMIT = 10_000;

export function accessKeyCredentialSource(iam: IamContext): CredentialSource {
  const cache = new Map<string, ResolvedCredential | 'inactive'>();
  let generation = iam.generation;
  return (accessKeyId) => {
    if (!accessKeyId.startsWith('AKIA')) return undefined;
    if (generation !== iam.generation || cache.size >= CACHE_LIMIT) {
      cache.clear();
      generation = iam.generation;
    }
    let resolved = cache.get(accessKeyId);
    if (resolved === undefined) {
      resolved = resolve(iam, accessKeyId);
      if (resolved === undefined) return undefined;
      cache.set(accessKeyId, resolved);
    }
    if (resolved === 'inactive') throw new CredentialRefused('invalid');
    return resolved;
  };
}

function resolve(iam: IamContext, accessKeyId: string): ResolvedCredential | 'inactive' | undefined {
  const key = iam.accessKeys.byId(accessKeyId);
  const user = key && iam.users.byId(key.userId);
  if (!key || !user) return undefined;
  if (key.status === 'Inactive') return 'inactive';
  return {
    secretAccessKey: key.secret,
    caller: {
      kind: 'user',
      principal: { type: 'User', arn: user.arn, account: user.account, userId: user.id },
      account: user.account,
      accessKeyId,
      userId: user.id,
      userName: user.name,
      session: undefined,
    },
    onVerified: (use) => iam.keyUsage.record(accessKeyId, { at: use.now, service: use.service, region: use.region }),
  };
}
