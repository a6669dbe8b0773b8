// The trust policy a role has now. IAM binds the users and roles a trust policy names to their unique ids: when one
// of them is deleted (or deleted and re-created under the same name) the policy shows, and matches, only the old id.
// The mechanism is the one every resource-based policy shares (bound-principals.ts).
import { boundPolicyText } from '../bound-principals.js';
import type { IamContext } from './iam-context.js';
import { iamPrincipalIds } from './policy-documents.js';
import type { StoredRole } from './repos/roles.js';

export function effectiveTrustPolicy(iam: IamContext, role: StoredRole): string {
  return boundPolicyText(role.trustPolicy, role.trustPrincipalIds, iamPrincipalIds(iam));
}
