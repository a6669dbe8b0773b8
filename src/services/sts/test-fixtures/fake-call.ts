// Unit-test doubles for STS: an IdentityLookup answering from plain data (IAM stands behind the real one) and a
// CallContext around a caller, so request readers and handlers run without a server.
import type { Clock } from '../../../core/clock.js';
import { compilePolicy } from '../../../policy/index.js';
import type { Storage } from '../../../storage/index.js';
import type {
  AuthorizationTarget,
  CallContext,
  Caller,
  IdentityLookup,
  OidcProviderRecord,
  RoleRecord,
} from '../../types.js';

export interface FakeIdentities {
  readonly roles?: readonly RoleRecord[];
  readonly providers?: readonly (OidcProviderRecord & { readonly account: string })[];
  /** `userArn|serial|code` triples that verify. */
  readonly mfaCodes?: readonly string[];
}

export function fakeIdentityLookup(data: FakeIdentities): IdentityLookup & { readonly mfaCalls: string[] } {
  const mfaCalls: string[] = [];
  return {
    mfaCalls,
    // Roles are unique by name within an account, so the ARN's path may be left out.
    findRole: (arn) => data.roles?.find((r) => r.account === arn.split(':')[4] && r.name === arn.split('/').pop()),
    roleNamed: (account, name) => data.roles?.some((r) => r.account === account && r.name === name) ?? false,
    findOidcProvider: (account, url) =>
      data.providers?.find((p) => p.account === account && p.url === url.replace(/^https:\/\//, '')),
    verifyMfaCode: (userArn, serial, code) => {
      mfaCalls.push(`${userArn}|${serial}|${code}`);
      return data.mfaCodes?.includes(`${userArn}|${serial}|${code}`) ?? false;
    },
    accessKeyAccount: () => undefined,
    principalId: (arn) => data.roles?.find((r) => r.arn === arn)?.roleId,
    generation: 0,
    createRole: () => {
      throw new Error('not used by STS');
    },
  };
}

export function fakeRole(account: string, name: string, trust: object, extra: Partial<RoleRecord> = {}): RoleRecord {
  const { policy } = compilePolicy(JSON.stringify(trust), 'trust', `trust:${name}`);
  if (policy === undefined) throw new Error(`test trust policy for ${name} does not compile`);
  return {
    arn: `arn:aws:iam::${account}:role/${name}`,
    roleId: `AROA${name.toUpperCase().padEnd(17, 'X')}`,
    name,
    path: '/',
    account,
    maxSessionDuration: 3600,
    trustPolicy: policy,
    tags: {},
    ...extra,
  };
}

export function userCaller(account: string, name: string): Caller {
  return {
    kind: 'user',
    principal: { type: 'User', arn: `arn:aws:iam::${account}:user/${name}`, account, userId: 'AIDAUSERUSERUSERUSER1' },
    account,
    accessKeyId: 'AKIAUSERUSERUSERUSER',
    userId: 'AIDAUSERUSERUSERUSER1',
    userName: name,
    session: undefined,
  };
}

export const anonymousCaller: Caller = {
  kind: 'anonymous',
  principal: { type: 'Anonymous', arn: 'anonymous', account: undefined },
  account: undefined,
  accessKeyId: undefined,
  userId: 'anonymous',
  userName: undefined,
  session: undefined,
};

export function fakeCall(
  caller: Caller,
  options: { identities: IdentityLookup; storage: Storage; clock: Clock; endpointUrl?: string },
): CallContext {
  const now = options.clock.now();
  return {
    caller,
    route: { service: 'sts', operation: 'AssumeRole', protocol: 'query' },
    http: { method: 'POST', rawPath: '/', query: [], headers: {} },
    signature: undefined,
    region: 'us-east-1',
    requestId: 'test-request',
    now,
    sourceIp: '127.0.0.1',
    userAgent: 'test',
    secureTransport: false,
    deps: {
      storage: options.storage,
      clock: options.clock,
      config: { region: 'us-east-1', rootSecret: 'test', endpointUrl: options.endpointUrl ?? 'http://127.0.0.1:4566' },
      directory: {
        credentialSources: [],
        principalPolicies: () => ({ identity: [], permissionsBoundary: undefined, tags: {} }),
        organizationOf: () => undefined,
        identities: options.identities,
      },
    },
    authorize: (target: AuthorizationTarget) => {
      throw new Error(`unexpected authorization of ${target.action}`);
    },
    check: (target: AuthorizationTarget) => {
      throw new Error(`unexpected check of ${target.action}`);
    },
  };
}
