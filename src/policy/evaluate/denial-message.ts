// AWS's access-denied text (IAM UG, "Troubleshooting access denied error messages").

import type { PolicyTypeLabel } from '../types.js';

const EXPLICIT_PHRASE: Readonly<Record<PolicyTypeLabel, string>> = {
  'identity-based': 'an identity-based policy',
  'resource-based': 'a resource-based policy',
  'permissions boundary': 'a permissions boundary',
  session: 'a session policy',
  'service control': 'a service control policy',
  'resource control': 'a resource control policy',
  'VPC endpoint': 'a VPC endpoint policy',
};

const IMPLICIT_PHRASE: Readonly<Record<PolicyTypeLabel, string>> = {
  'identity-based': 'identity-based policy',
  'resource-based': 'resource-based policy',
  'permissions boundary': 'permissions boundary',
  session: 'session policy',
  'service control': 'service control policy',
  'resource control': 'resource control policy',
  'VPC endpoint': 'VPC endpoint policy',
};

/**
 * The policy types whose ARN an explicit-deny message names (AWS Security Blog, "Enhanced access denied error
 * messages with policy ARNs"): not resource-based or VPC endpoint policies.
 */
const NAMED_TYPES: ReadonlySet<PolicyTypeLabel> = new Set([
  'identity-based',
  'permissions boundary',
  'session',
  'service control',
  'resource control',
]);

/**
 * The ARN an explicit-deny message names for the denying policy, if any: only policies that have an ARN (not inline
 * policies), and only for a caller in the policy's own account or organization. An RCP belongs to the resource's
 * organization, so it is named only when `sameOrganization` (caller and resource in one account or organization);
 * the caller's own policies and its SCPs always are.
 */
export function namedDenyingPolicy(
  type: PolicyTypeLabel,
  policyId: string | undefined,
  sameOrganization: boolean,
): string | undefined {
  if (policyId === undefined || !policyId.startsWith('arn:') || !NAMED_TYPES.has(type)) return undefined;
  return type === 'resource control' && !sameOrganization ? undefined : policyId;
}

/** `resource` of `*` (actions without a resource type) is left out of the text, as AWS does. */
export function denialMessage(
  principalArn: string,
  action: string,
  resource: string,
  explicit: boolean,
  type: PolicyTypeLabel,
  denyingPolicyArn?: string,
): string {
  const on = resource === '*' || resource === '' ? '' : ` on resource: ${resource}`;
  const head = `User: ${principalArn} is not authorized to perform: ${action}${on}`;
  if (explicit) {
    const named = denyingPolicyArn === undefined ? '' : `: ${denyingPolicyArn}`;
    return `${head} with an explicit deny in ${EXPLICIT_PHRASE[type]}${named}`;
  }
  // An SCP level that allows nothing reads "because no service control policy allows" as other implicit denials
  // do; older AWS messages said "explicit deny" for it (docs/deviations.md).
  return `${head} because no ${IMPLICIT_PHRASE[type]} allows the ${action} action`;
}
