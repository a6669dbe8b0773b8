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

/** `resource` of `*` (actions without a resource type) is left out of the text, as AWS does. */
export function denialMessage(
  principalArn: string,
  action: string,
  resource: string,
  explicit: boolean,
  type: PolicyTypeLabel,
): string {
  const on = resource === '*' || resource === '' ? '' : ` on resource: ${resource}`;
  const head = `User: ${principalArn} is not authorized to perform: ${action}${on}`;
  // An SCP level that allows nothing reads "because no service control policy allows" as other implicit denials
  // do; older AWS messages said "explicit deny" for it (docs/deviations.md).
  if (explicit) return `${head} with an explicit deny in ${EXPLICIT_PHRASE[type]}`;
  return `${head} because no ${IMPLICIT_PHRASE[type]} allows the ${action} action`;
}
