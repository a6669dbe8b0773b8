// iam:Tag*/Untag*/List*Tags for users, roles, customer managed policies and instance profiles: one behaviour,
// four resource kinds, so one handler per verb serves all of them.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { callerAccount } from '../authorization.js';
import { requireInstanceProfile, requireRole, requireUser } from '../entities.js';
import { policyNotFound } from '../errors.js';
import type { IamContext } from '../iam-context.js';
import type { IamHandler } from '../operations/iam-operation.js';
import { indexKey, paginate } from '../pagination.js';
import { checkTagQuota, requestTags } from '../tag-input.js';

export type TaggableKind = 'user' | 'role' | 'policy' | 'instance-profile';

/** The id tags are stored under, for the resource the request names. */
function taggedId(iam: IamContext, kind: TaggableKind, input: Shaped, call: CallContext): string {
  const account = callerAccount(call);
  switch (kind) {
    case 'user':
      return requireUser(iam, account, input.UserName as string).id;
    case 'role':
      return requireRole(iam, account, input.RoleName as string).id;
    case 'instance-profile':
      return requireInstanceProfile(iam, account, input.InstanceProfileName as string).id;
    case 'policy': {
      const arn = input.PolicyArn as string;
      const policy = iam.managedPolicies.byArn(arn);
      if (!policy || policy.account !== account) throw policyNotFound(arn);
      return policy.id;
    }
  }
}

export function tagResource(kind: TaggableKind): IamHandler {
  return (iam, input, call) => {
    const tags = requestTags(input.Tags);
    const id = taggedId(iam, kind, input, call);
    checkTagQuota(iam, kind, id, tags);
    iam.write(() => iam.tags.put(kind, id, tags));
    return {};
  };
}

export function untagResource(kind: TaggableKind): IamHandler {
  return (iam, input, call) => {
    const id = taggedId(iam, kind, input, call);
    iam.write(() => iam.tags.remove(kind, id, input.TagKeys as string[]));
    return {};
  };
}

export function listResourceTags(kind: TaggableKind): IamHandler {
  return (iam, input, call) => {
    const id = taggedId(iam, kind, input, call);
    const page = paginate(iam.tags.list(kind, id), input, `ListTags:${kind}:${id}`, indexKey);
    return { Tags: page.items.map((t) => ({ ...t })), ...page.meta };
  };
}
