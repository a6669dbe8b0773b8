// iam:Attach*Policy, Detach*Policy and ListAttached*Policies for users, groups and roles: one behaviour for the
// three holder types, so one handler per verb serves all of them.

import { callerAccount } from '../authorization.js';
import { requireAttachablePolicy } from '../entities.js';
import { limitExceeded, policyNotFound } from '../errors.js';
import type { IamHandler } from '../operations/iam-operation.js';
import { nameKey, paginate } from '../pagination.js';
import type { PolicyHolderType } from '../repos/inline-policies.js';
import { requireHolder } from './policy-holders.js';

const ATTACHED_POLICIES_PER_HOLDER = 10;
const QUOTA_NAME: Readonly<Record<PolicyHolderType, string>> = {
  user: 'PoliciesPerUser',
  group: 'PoliciesPerGroup',
  role: 'PoliciesPerRole',
};

export function attachPolicy(type: PolicyHolderType): IamHandler {
  return (iam, input, call) => {
    const account = callerAccount(call);
    const holder = requireHolder(iam, type, input, call);
    const policy = requireAttachablePolicy(iam, account, input.PolicyArn as string);
    const attached = iam.attachments.list(type, holder.id);
    if (!attached.includes(policy.arn) && attached.length >= ATTACHED_POLICIES_PER_HOLDER) {
      throw limitExceeded(`Cannot exceed quota for ${QUOTA_NAME[type]}: ${ATTACHED_POLICIES_PER_HOLDER}`);
    }
    iam.write(() => iam.attachments.attach(account, type, holder.id, policy.arn));
    return {};
  };
}

export function detachPolicy(type: PolicyHolderType): IamHandler {
  return (iam, input, call) => {
    const holder = requireHolder(iam, type, input, call);
    const arn = input.PolicyArn as string;
    if (!iam.attachments.list(type, holder.id).includes(arn)) throw policyNotFound(arn);
    iam.write(() => iam.attachments.detach(type, holder.id, arn));
    return {};
  };
}

export function listAttachedPolicies(type: PolicyHolderType): IamHandler {
  return (iam, input, call) => {
    const holder = requireHolder(iam, type, input, call);
    const prefix = (input.PathPrefix as string | undefined) ?? '/';
    const policies = iam.attachments
      .list(type, holder.id)
      .flatMap((arn) => iam.policies.find(arn) ?? [])
      .filter((p) => p.path.startsWith(prefix))
      .sort((a, b) => (nameKey(a.name) < nameKey(b.name) ? -1 : 1));
    const page = paginate(policies, input, `ListAttached:${type}:${holder.id}:${prefix}`, (p) => nameKey(p.name));
    return { AttachedPolicies: page.items.map((p) => ({ PolicyName: p.name, PolicyArn: p.arn })), ...page.meta };
  };
}
