// The trust policy a role has now. IAM stores the users and roles a trust policy names by unique id: when one of
// them is deleted (or deleted and re-created under the same name) the policy shows, and matches, only the old id.
// The document is kept as given, with the ids its ARNs resolved to; this puts the ids back where they went stale.
import type { IamContext } from './iam-context.js';
import { resolvePrincipal } from './policy-documents.js';
import type { StoredRole } from './repos/roles.js';

export function effectiveTrustPolicy(iam: IamContext, role: StoredRole): string {
  const stale = new Map(
    Object.entries(role.trustPrincipalIds).filter(([arn, id]) => resolvePrincipal(iam, arn) !== id),
  );
  if (stale.size === 0) return role.trustPolicy;
  const document = JSON.parse(role.trustPolicy) as { Statement: unknown };
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  for (const statement of statements as { Principal?: { AWS?: string | string[] } }[]) {
    const aws = statement.Principal?.AWS;
    if (statement.Principal === undefined || aws === undefined) continue;
    const swap = (v: string) => stale.get(v) ?? v;
    statement.Principal.AWS = Array.isArray(aws) ? aws.map(swap) : swap(aws);
  }
  return JSON.stringify(document);
}
