// iam:CreateRole: a new role with its trust policy, path, description, session duration, tags and boundary.
import { newUniqueId } from '../../../core/ids.js';
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireBoundaryPolicy } from '../entities.js';
import { entityExists, invalidInput } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import { roleOutput } from '../output.js';
import { checkTrustPolicy } from '../policy-documents.js';
import { requestTags } from '../tag-input.js';

const DEFAULT_MAX_SESSION_DURATION = 3600;

/**
 * Roles under this path are service-linked, which SCPs and RCPs do not bind; only AWS creates them
 * (CreateServiceLinkedRole), so a customer role may not take the path and with it the exemption.
 */
const SERVICE_LINKED_PATH = '/aws-service-role/';

export function createRole(iam: IamContext, input: Shaped, call: CallContext): Shaped {
  const account = callerAccount(call);
  const name = input.RoleName as string;
  const trustPolicy = input.AssumeRolePolicyDocument as string;
  const tags = requestTags(input.Tags);
  const boundary = input.PermissionsBoundary as string | undefined;
  const path = (input.Path as string | undefined) ?? '/';
  if (path.startsWith(SERVICE_LINKED_PATH)) {
    throw invalidInput(`Path prefix '${SERVICE_LINKED_PATH}' can only be used for AWS Service linked Roles`);
  }
  const trustPrincipalIds = checkTrustPolicy(iam, trustPolicy);
  if (boundary !== undefined) requireBoundaryPolicy(iam, call, boundary);
  if (iam.roles.byName(account, name)) throw entityExists('role', name);
  const id = newUniqueId('AROA');
  iam.write(() => {
    iam.roles.insert({
      id,
      account,
      name,
      path,
      createdAt: call.now,
      trustPolicy,
      trustPrincipalIds,
      description: input.Description as string | undefined,
      maxSessionDuration: (input.MaxSessionDuration as number | undefined) ?? DEFAULT_MAX_SESSION_DURATION,
      permissionsBoundary: boundary,
    });
    iam.tags.put('role', id, tags);
  });
  return { Role: roleOutput(iam, iam.roles.byId(id)!, 'full') };
}
