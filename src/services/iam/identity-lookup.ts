// What IAM answers other services about identities: roles for STS (with their compiled trust policies), access
// key accounts, MFA codes and OIDC providers, the unique ids of users and roles (for the resource-based policies
// that bind them), and roles created outside any request (Organizations).
import { newUniqueId } from '../../core/ids.js';
import type { IdentityLookup, RoleRecord } from '../types.js';
import { parseEntityArn } from './arns.js';
import { entityExists } from './errors.js';
import type { IamContext } from './iam-context.js';
import { verifyMfaCode } from './mfa/verify-mfa-code.js';
import { findOidcProvider } from './oidc/find-oidc-provider.js';
import { checkTrustPolicy, userOrRoleId } from './policy-documents.js';
import type { StoredRole } from './repos/roles.js';
import { effectiveTrustPolicy } from './trust-principals.js';

const DEFAULT_MAX_SESSION_DURATION = 3600;

export function iamIdentityLookup(iam: IamContext): IdentityLookup {
  return {
    findRole(roleArn) {
      const parsed = parseEntityArn(roleArn);
      if (parsed?.type !== 'role' || parsed.account === 'aws') return undefined;
      // Names are unique whatever their case, but an ARN names a role only with its exact name and path.
      const role = iam.roles.byName(parsed.account, parsed.name);
      return role?.arn === roleArn ? roleRecord(iam, role) : undefined;
    },
    roleNamed: (account, name) => iam.roles.byName(account, name)?.name === name,
    findOidcProvider: (account, url) => findOidcProvider(iam.db, account, url),
    verifyMfaCode: (userArn, serialNumber, code, now) => verifyMfaCode(iam.db, userArn, serialNumber, code, now),
    accessKeyAccount: (accessKeyId) => iam.accessKeys.byId(accessKeyId)?.account,
    principalId: (arn) => userOrRoleId(iam, arn),
    get generation() {
      return iam.generation;
    },
    createRole(spec) {
      if (iam.roles.byName(spec.account, spec.name)) throw entityExists('role', spec.name);
      const trustPrincipalIds = checkTrustPolicy(iam, spec.trustPolicy);
      const id = newUniqueId('AROA');
      iam.write(() => {
        iam.roles.insert({
          id,
          account: spec.account,
          name: spec.name,
          path: '/',
          createdAt: iam.clock.now(),
          trustPolicy: spec.trustPolicy,
          trustPrincipalIds,
          description: spec.description,
          maxSessionDuration: DEFAULT_MAX_SESSION_DURATION,
          permissionsBoundary: undefined,
        });
        for (const arn of spec.managedPolicyArns) iam.attachments.attach(spec.account, 'role', id, arn);
      });
      return roleRecord(iam, iam.roles.byId(id)!);
    },
  };
}

function roleRecord(iam: IamContext, role: StoredRole): RoleRecord {
  const trustPolicy = iam.compiler.compile('trust', role.arn, effectiveTrustPolicy(iam, role));
  if (!trustPolicy) throw new Error(`the stored trust policy of ${role.arn} no longer compiles`);
  return {
    arn: role.arn,
    roleId: role.id,
    name: role.name,
    path: role.path,
    account: role.account,
    maxSessionDuration: role.maxSessionDuration,
    trustPolicy,
    tags: iam.tags.record('role', role.id),
  };
}
