// ListTagsForResource: the tags of a root, OU, account or policy.
import type { Shaped } from '../../../protocol/index.js';
import type { CallContext } from '../../types.js';
import { type OrgEnv, requireManagement } from '../org-env.js';
import { paginate } from '../paginate.js';
import { findTaggable } from '../taggable.js';

export function listTagsForResource(input: Shaped, call: CallContext, env: OrgEnv): Shaped {
  const org = requireManagement(env, call);
  const id = findTaggable(env, org, input.ResourceId as string);
  const page = paginate(env.store.tags.of(org.id, id), input, `ListTagsForResource:${id}`);
  return { Tags: page.items.map((t) => ({ Key: t.key, Value: t.value })), NextToken: page.nextToken };
}
