// Whether a principal a key policy names exists, as KMS checks when a policy is written: accounts always do (any
// 12-digit id); IAM users, roles and the roles of role sessions must exist in IAM now, in whichever account (asked
// through the directory).
import { isUserOrRoleArn, principalIds } from '../bound-principals.js';
import type { ServiceDeps } from '../types.js';

const ROOT = /^arn:aws:iam::\d{12}:root$/;
const ROLE_SESSION = /^arn:aws:sts::(\d{12}):assumed-role\/([\w+=,.@-]+)\/[\w+=,.@-]+$/;
const FEDERATED_USER = /^arn:aws:sts::\d{12}:federated-user\/[\w+=,.@-]+$/;

export function principalExists(principal: string, deps: ServiceDeps): boolean {
  if (principal === '*' || /^\d{12}$/.test(principal) || ROOT.test(principal)) return true;
  if (FEDERATED_USER.test(principal)) return true;
  if (isUserOrRoleArn(principal)) return principalIds(deps).principalId(principal) !== undefined;
  const session = ROLE_SESSION.exec(principal);
  // A session ARN names its role without the role's path.
  if (session) return roleNamed(session[1]!, session[2]!, deps);
  return false;
}

function roleNamed(account: string, name: string, deps: ServiceDeps): boolean {
  try {
    return deps.directory.identities.roleNamed(account, name);
  } catch {
    // No IAM service registered: no role exists.
    return false;
  }
}
